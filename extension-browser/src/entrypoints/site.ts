import { defineContentScript } from '#imports';
import { SITE_MATCHES } from '../adapters';
import { startSiteChecks } from '../features/site-checks';
import { sendToBackground } from '../utils/send';

// Runs only on the site adapters' hosts (and, in the TEST build or with the loopback option, on
// 127.0.0.1/localhost: see wxt.config.ts and background).
export default defineContentScript({
  matches: SITE_MATCHES,
  runAt: 'document_idle',
  // WXT's legacy "script started" window.postMessage costs ~3 ms of main-thread time per page in Chromium
  // (bench.ts) and tells the page the extension's id; the custom event WXT also sends is enough.
  noScriptStartedPostMessage: true,
  main(ctx) {
    startSiteChecks({
      window,
      send: sendToBackground,
      signal: ctx.signal,
      // WXT watches the location (Navigation API) once a `wxt:locationchange` listener is added through ctx.
      watchLocation: (onChange) => ctx.addEventListener(window, 'wxt:locationchange', onChange),
      // The overlay must appear within 1 s of load; idle time usually comes within a few ms.
      schedule: (run) => void ctx.requestIdleCallback(run, { timeout: 300 }),
    });
  },
});
