import { defineContentScript } from '#imports';
import { SITE_MATCHES } from '../adapters';
import { startSiteChecks } from '../features/site-checks';
import { browserPageStore } from '../utils/page-storage';
import { sendToBackground } from '../utils/send';

// Runs only on the site adapters' hosts (and, in the TEST build or with the loopback option, on
// 127.0.0.1/localhost: see wxt.config.ts and background).
export default defineContentScript({
  matches: SITE_MATCHES,
  runAt: 'document_idle',
  main(ctx) {
    // Makes WXT dispatch `wxt:locationchange` on soft navigation.
    ctx.addEventListener(window, 'wxt:locationchange', () => undefined);
    startSiteChecks({ window, send: sendToBackground, store: browserPageStore, signal: ctx.signal });
  },
});
