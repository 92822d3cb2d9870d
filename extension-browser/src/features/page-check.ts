// Reads the need from the page, asks the background (local matching) and shows the overlay. One run per
// URL; an AbortSignal ends it on soft navigation or when the content script is invalidated. The main thread
// does only the DOM work (reading, rendering): matching, "hide" choices and storage live in the background,
// answered in one message.
import type { PageNeed, SiteAdapter } from '../adapters/types';
import type { PageRef, SendMessage } from '../utils/messages';
import { pageKey } from '../utils/site-url';
import { linkedDataUrl } from './linked-data';
import { mountOverlay, type OverlayHandle } from './overlay';
import type { SoftNavigation } from './soft-navigation';

export interface PageCheckInput {
  document: Document;
  adapter: SiteAdapter;
  /** The site URL the page stands for (see utils/site-url.ts). */
  url: URL;
  /** The real location, for "hide on this page/site". */
  location: URL;
  send: SendMessage;
  signal: AbortSignal;
  /** The user asked for this check (toolbar): earlier "hide" choices don't apply. */
  ignoreDismissed?: boolean;
  /** Show the overlay even with no suggestions (toolbar checks and loopback test pages). */
  showEmpty: boolean;
  /** Waits for content rendered after load (GitHub/GitLab sidebars) on softly navigating sites. */
  waitForContent?: SoftNavigation['waitForContent'];
  /** How long to wait for late content. */
  waitMs?: number;
}

export interface PageCheckResult {
  outcome: 'shown' | 'no-need' | 'dismissed' | 'disabled' | 'no-suggestions' | 'aborted';
  need?: PageNeed;
  overlay?: OverlayHandle;
  /** Main-thread milliseconds spent extracting and rendering (excludes waiting for the background). */
  workMs: number;
}

export async function runPageCheck(input: PageCheckInput): Promise<PageCheckResult> {
  const { document: doc, adapter, url, location, signal } = input;
  let workMs = 0;
  const timed = <T>(fn: () => T): T => {
    const start = performance.now();
    try {
      return fn();
    } finally {
      workMs += performance.now() - start;
    }
  };

  const page: PageRef = { key: pageKey(location), host: location.hostname };
  let read = timed(() => safeExtract(adapter, doc, url));
  if ((!read || !read.description) && adapter.softNavigation && input.waitForContent) {
    read = (await input.waitForContent(doc, () => timed(() => safeExtract(adapter, doc, url)), input.waitMs ?? 3000, signal)) ?? read;
  }
  if (signal.aborted) return { outcome: 'aborted', workMs };
  if (!read) return { outcome: 'no-need', workMs };
  const need = read;
  // The page's own structured data, when the markup left a field empty: the background reads it (no request, no
  // JSON parse on the page's main thread).
  const linked = timed(() => linkedDataUrl(adapter, doc, url, location, need));
  const response = await input.send({
    type: 'wheelhouse/match',
    need,
    page,
    ignoreDismissed: input.ignoreDismissed === true,
    ...(linked ? { linked } : {}),
  });
  if (signal.aborted) return { outcome: 'aborted', need, workMs };
  if (response.dismissed) return { outcome: 'dismissed', need, workMs };
  if (response.disabled) return { outcome: 'disabled', need, workMs };
  if (response.suggestions.length === 0 && !input.showEmpty) return { outcome: 'no-suggestions', need, workMs };

  const overlay = timed(() => {
    const handle = mountOverlay(doc, {
      anchor: adapter.anchor(doc),
      suggestions: response.suggestions,
      collapsed: response.collapsed,
      onCollapse: (collapsed) => void input.send({ type: 'wheelhouse/collapse', collapsed }).catch(() => undefined),
      onHidePage: () => hide(input.send, 'page', page, handle),
      onHideSite: () => hide(input.send, 'site', page, handle),
    });
    return handle;
  });
  signal.addEventListener('abort', () => overlay.destroy(), { once: true });
  // setAttribute, not dataset: a first use of each DOM interface costs the content script's fresh world a
  // noticeable set-up (issue 9), and dataset is one more.
  overlay.host.setAttribute('data-work-ms', workMs.toFixed(2));
  // Same clock as the page's navigation timing: tests and the benchmark compare it with loadEventEnd.
  overlay.host.setAttribute('data-shown-at', performance.now().toFixed(1));
  return { outcome: 'shown', need, overlay, workMs };
}

function hide(send: SendMessage, scope: 'page' | 'site', page: PageRef, overlay: OverlayHandle): void {
  overlay.destroy();
  // The background went away (extension updated): the overlay is gone for this visit anyway.
  void send({ type: 'wheelhouse/hide', scope, page }).catch(() => undefined);
}

function safeExtract(adapter: SiteAdapter, doc: Document, url: URL): PageNeed | undefined {
  try {
    return adapter.extract(doc, url);
  } catch {
    // Odd markup must never break the page; the adapter simply found nothing.
    return undefined;
  }
}
