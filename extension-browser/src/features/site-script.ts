// The site content script's start-up without WXT's ContentScriptContext (which costs each page ~1 ms to
// evaluate and touches chrome.runtime at once): an AbortSignal that a newer copy of the script on the same page
// aborts (the extension was reloaded or updated), the first check at once, and a location watcher for softly
// navigating sites. Only the page's adapter is passed in, so each site's script compiles only its own.
import type { SiteAdapter } from '../adapters/types';
import type { SendMessage } from '../utils/messages';
import { startSiteChecks } from './site-checks';

/** Dispatched on the document by each copy of the script as it starts; older copies stop on hearing it. */
export const SITE_SCRIPT_STARTED = 'wheelhouse:site-script-started';

export interface SiteScriptInput {
  window: Window;
  /** The adapters this script serves (one per site script; all of them on loopback pages). */
  adapters: readonly SiteAdapter[];
  /** For loopback pages none of `adapters` stands for (the loopback script only). */
  generic?: SiteAdapter;
  send: SendMessage;
}

export function startSiteScript(input: SiteScriptInput): AbortSignal {
  const win = input.window;
  const controller = new AbortController();
  const signal = controller.signal;
  // Copies of the same script (same adapters) replace each other; different sites' scripts never meet.
  const name = input.adapters.map((a) => a.id).join(',');
  const id = `${name} ${Math.random().toString(36).slice(2)}`;
  win.document.dispatchEvent(new CustomEvent(SITE_SCRIPT_STARTED, { detail: id }));
  win.document.addEventListener(
    SITE_SCRIPT_STARTED,
    (event) => {
      const detail = (event as CustomEvent<unknown>).detail;
      if (typeof detail === 'string' && detail !== id && detail.startsWith(`${name} `)) controller.abort();
    },
    { signal },
  );
  startSiteChecks({
    window: win,
    adapters: input.adapters,
    generic: input.generic,
    send: input.send,
    signal,
    watchLocation: (onChange) => watchLocation(win, onChange, signal),
  });
  return signal;
}

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
