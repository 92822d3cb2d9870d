// The site content script's start-up without WXT's ContentScriptContext (which costs each page ~1 ms to
// evaluate and touches chrome.runtime at once): the first check at once and, for softly navigating sites only
// (their entry points pass `softNavigation`), a location watcher and an AbortSignal that a newer copy of the
// script on the same page aborts (the extension was reloaded or updated). Only the page's adapter is passed in,
// so each site's script compiles only its own.
import type { SiteAdapter } from '../adapters/types';
import type { SendMessage } from '../utils/messages';
import { startSiteChecks } from './site-checks';
import type { SoftNavigation } from './soft-navigation';

export interface SiteScriptInput {
  window: Window;
  /** The adapters this script serves (one per site script; all of them on loopback pages). */
  adapters: readonly SiteAdapter[];
  /** For loopback pages none of `adapters` stands for (the loopback script only). */
  generic?: SiteAdapter;
  send: SendMessage;
  /** SOFT_NAVIGATION, from the scripts of sites whose adapter navigates softly (and the loopback script). */
  softNavigation?: SoftNavigation;
}

export function startSiteScript(input: SiteScriptInput): AbortSignal {
  if (!input.softNavigation && (input.generic || input.adapters.some((a) => a.softNavigation))) {
    throw new Error(`[wheelhouse] the script for ${input.adapters.map((a) => a.id).join(', ')} needs softNavigation`);
  }
  const controller = new AbortController();
  // Only a copy that keeps listening has to be stopped by a newer one. A server-rendered site's script checks its
  // page once and listens to nothing: a newer copy's overlay replaces its overlay (mountOverlay).
  input.softNavigation?.stopOnNewerCopy(input.window, input.adapters, controller);
  startSiteChecks({
    window: input.window,
    adapters: input.adapters,
    generic: input.generic,
    send: input.send,
    signal: controller.signal,
    softNavigation: input.softNavigation,
  });
  return controller.signal;
}
