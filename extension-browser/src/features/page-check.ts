// Reads the need from the page, asks the background (local matching) and shows the overlay. One run per
// URL; an AbortSignal ends it on soft navigation or when the content script is invalidated.
import type { PageNeed, SiteAdapter } from '../adapters/types';
import type { SendMessage } from '../utils/messages';
import type { PageStore } from '../utils/page-storage';
import { pageKey } from '../utils/site-url';
import { mountOverlay, type OverlayHandle } from './overlay';

export interface PageCheckInput {
  document: Document;
  adapter: SiteAdapter;
  /** The site URL the page stands for (see utils/site-url.ts). */
  url: URL;
  /** The real location, for "hide on this page/site". */
  location: URL;
  send: SendMessage;
  store: PageStore;
  signal: AbortSignal;
  /** Show the overlay even with no suggestions (toolbar checks and loopback test pages). */
  showEmpty: boolean;
  /** How long to wait for late content (GitHub/GitLab sidebars render after load). */
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

  const dismissed = await input.store.getDismissed();
  if (dismissed.hosts.includes(location.hostname) || dismissed.pages.includes(pageKey(location))) {
    return { outcome: 'dismissed', workMs };
  }

  let need = timed(() => safeExtract(adapter, doc, url));
  if ((!need || !need.description) && adapter.softNavigation) {
    need = (await waitForContent(doc, () => timed(() => safeExtract(adapter, doc, url)), input.waitMs ?? 3000, signal)) ?? need;
  }
  if (signal.aborted) return { outcome: 'aborted', workMs };
  if (!need) return { outcome: 'no-need', workMs };

  const response = await input.send({ type: 'wheelhouse/match', need });
  if (signal.aborted) return { outcome: 'aborted', need, workMs };
  if (response.disabled) return { outcome: 'disabled', need, workMs };
  if (response.suggestions.length === 0 && !input.showEmpty) return { outcome: 'no-suggestions', need, workMs };

  const collapsed = await input.store.getCollapsed();
  if (signal.aborted) return { outcome: 'aborted', need, workMs };
  const overlay = timed(() => {
    const handle = mountOverlay(doc, {
      anchor: adapter.anchor(doc),
      collapsed,
      onCollapse: (value) => void input.store.setCollapsed(value),
      onHidePage: () => void hide(input, 'page', handle),
      onHideSite: () => void hide(input, 'site', handle),
    });
    handle.update({ status: 'ready', suggestions: response.suggestions });
    return handle;
  });
  signal.addEventListener('abort', () => overlay.destroy(), { once: true });
  overlay.host.dataset.workMs = workMs.toFixed(2);
  return { outcome: 'shown', need, overlay, workMs };
}

async function hide(input: PageCheckInput, scope: 'page' | 'site', overlay: OverlayHandle): Promise<void> {
  overlay.destroy();
  const current = await input.store.getDismissed();
  const key = scope === 'page' ? pageKey(input.location) : input.location.hostname;
  const list = scope === 'page' ? current.pages : current.hosts;
  if (list.includes(key)) return;
  await input.store.setDismissed(
    scope === 'page' ? { ...current, pages: [...current.pages, key] } : { ...current, hosts: [...current.hosts, key] },
  );
}

function safeExtract(adapter: SiteAdapter, doc: Document, url: URL): PageNeed | undefined {
  try {
    return adapter.extract(doc, url);
  } catch {
    // Odd markup must never break the page; the adapter simply found nothing.
    return undefined;
  }
}

/** Re-reads on DOM changes (debounced) until the need has a description, the time is up or the run aborts. */
function waitForContent(
  doc: Document,
  read: () => PageNeed | undefined,
  timeoutMs: number,
  signal: AbortSignal,
): Promise<PageNeed | undefined> {
  return new Promise((resolve) => {
    let last: PageNeed | undefined;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const finish = () => {
      observer.disconnect();
      clearTimeout(timer);
      clearTimeout(deadline);
      resolve(last);
    };
    const observer = new MutationObserver(() => {
      clearTimeout(timer);
      timer = setTimeout(() => {
        last = read();
        if (last?.description) finish();
      }, 50);
    });
    observer.observe(doc.documentElement, { childList: true, subtree: true });
    const deadline = setTimeout(finish, timeoutMs);
    signal.addEventListener('abort', finish, { once: true });
  });
}
