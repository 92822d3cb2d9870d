import { defineUnlistedScript } from '#imports';
import { GENERIC_ADAPTER, SITE_ADAPTERS } from '../adapters';
import { startSiteScript } from '../features/site-script';
import { sendToBackground } from '../utils/send';

// The site content script, without WXT's content-script wrapper (see features/site-script.ts). It is listed in
// the manifest by wxt.config.ts for the site adapters' hosts (and, in the TEST build or with the loopback option,
// for 127.0.0.1/localhost: see wxt.config.ts and features/loopback.ts).
export default defineUnlistedScript(() => {
  startSiteScript({ window, adapters: SITE_ADAPTERS, generic: GENERIC_ADAPTER, send: sendToBackground });
});
