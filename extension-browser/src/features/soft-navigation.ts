// What only the scripts of softly navigating sites carry (GitHub's turbo / React navigation, GitLab's client
// routing, and the loopback script): following the location, waiting for content rendered after load, and
// stopping when a newer copy of the script starts. The entry points of those sites pass SOFT_NAVIGATION in; a
// server-rendered site's script (Find a Tender, Contracts Finder, ...) never imports this file, so its page
// compiles none of it (issue 9: compile time is the largest share of a notice page's main-thread work).
import type { PageNeed, SiteAdapter } from '../adapters/types';

/** refined-github re-runs on the same events: turbo:render, soft-nav events, pjax:end. */
const SOFT_NAV_EVENTS = ['turbo:render', 'soft-nav:react-done', 'soft-nav:end', 'pjax:end'];
const ABORT_EVENTS = ['turbo:before-fetch-request', 'turbo:visit', 'pjax:start'];

/** Dispatched on the document by each copy of a listening script as it starts; older copies stop on hearing it. */
export const SITE_SCRIPT_STARTED = 'wheelhouse:site-script-started';

export interface SoftNavigation {
  /**
   * Calls `rerun` after the site's navigation events and location changes, `leave` when a navigation starts.
   * Everything ends with `signal`.
   */
  follow: (win: Window, handlers: { rerun: () => void; leave: () => void }, signal: AbortSignal) => void;
  /** Re-reads on DOM changes (debounced) until the need has a description, the time is up or the run aborts. */
  waitForContent: (doc: Document, read: () => PageNeed | undefined, timeoutMs: number, signal: AbortSignal) => Promise<PageNeed | undefined>;
  /** Aborts `controller` when a newer copy of the script for the same adapters starts on the page. */
  stopOnNewerCopy: (win: Window, adapters: readonly SiteAdapter[], controller: AbortController) => void;
}

/** `watch` finds location changes no event announces; tests pass their own. */
export function createSoftNavigation(watch: typeof watchLocation = watchLocation): SoftNavigation {
  return {
    follow: (win, { rerun, leave }, signal) => {
      const opts = { signal };
      for (const name of SOFT_NAV_EVENTS) win.document.addEventListener(name, rerun, opts);
      for (const name of ABORT_EVENTS) win.document.addEventListener(name, leave, opts);
      win.addEventListener('popstate', rerun, opts);
      // Covers navigations that fire none of the events above.
      watch(win, rerun, signal);
    },
    waitForContent,
    stopOnNewerCopy,
  };
}

export const SOFT_NAVIGATION: SoftNavigation = createSoftNavigation();

interface NavigationLike extends EventTarget {
  addEventListener(type: 'navigate', listener: () => void, options: AddEventListenerOptions): void;
}

/**
 * Calls `onChange` after location changes: through the Navigation API where there is one (Chromium), else by
 * looking once a second (Firefox ESR), as WXT's location watcher does.
 */
export function watchLocation(win: Window, onChange: () => void, signal: AbortSignal): void {
  const navigation = (win as Window & { navigation?: NavigationLike }).navigation;
  if (typeof navigation?.addEventListener === 'function') {
    // `navigate` fires before the URL changes (history.pushState updates it right after): look once it has.
    navigation.addEventListener('navigate', () => queueMicrotask(onChange), { signal });
    return;
  }
  let last = win.location.href;
  const timer = win.setInterval(() => {
    if (win.location.href === last) return;
    last = win.location.href;
    onChange();
  }, 1000);
  signal.addEventListener('abort', () => win.clearInterval(timer), { once: true });
}

/** Copies of the same script (same adapters) replace each other; different sites' scripts never meet. */
function stopOnNewerCopy(win: Window, adapters: readonly SiteAdapter[], controller: AbortController): void {
  const name = adapters.map((a) => a.id).join(',');
  const id = `${name} ${Math.random().toString(36).slice(2)}`;
  win.document.dispatchEvent(new CustomEvent(SITE_SCRIPT_STARTED, { detail: id }));
  win.document.addEventListener(
    SITE_SCRIPT_STARTED,
    (event) => {
      const detail = (event as CustomEvent<unknown>).detail;
      if (typeof detail === 'string' && detail !== id && detail.startsWith(`${name} `)) controller.abort();
    },
    { signal: controller.signal },
  );
}

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
