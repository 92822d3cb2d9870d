import type { browser as Browser } from '#imports';
import type { SendMessage } from './messages';

type ExtensionApi = typeof Browser;

/**
 * The extension API, looked up when a message is sent rather than when the script is evaluated (what
 * wxt/browser does at import): the first touch of chrome.runtime costs a page ~1.7 ms of main-thread time in
 * Chrome, which pages no adapter reads should not pay. Same choice as wxt/browser: Firefox's `browser`, else
 * Chrome's `chrome` (promise-based in MV3).
 */
function extensionApi(): ExtensionApi {
  const scope = globalThis as unknown as { browser?: ExtensionApi; chrome: ExtensionApi };
  return scope.browser?.runtime?.id ? scope.browser : scope.chrome;
}

export const sendToBackground: SendMessage = (request) => extensionApi().runtime.sendMessage(request);
