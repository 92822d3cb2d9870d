import { defineUnlistedScript } from '#imports';
import { GENERIC_ADAPTER, SITE_ADAPTERS } from '../adapters';
import { startSiteScript } from '../features/site-script';
import { SOFT_NAVIGATION } from '../features/soft-navigation';
import { sendToBackground } from '../utils/send';

// The loopback content script: every adapter plus the generic one, for 127.0.0.1/localhost pages (the TEST
// build's manifest, or the options' testing switch: features/loopback.ts). Sites get one script per adapter,
// site-<adapter id>.ts, listed in the manifest by wxt.config.ts; see features/site-script.ts.
export default defineUnlistedScript(() => {
  startSiteScript({ window, adapters: SITE_ADAPTERS, generic: GENERIC_ADAPTER, send: sendToBackground, softNavigation: SOFT_NAVIGATION });
});
