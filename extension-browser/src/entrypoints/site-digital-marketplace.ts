import { defineUnlistedScript } from '#imports';
import { digitalMarketplace } from '../adapters/digital-marketplace';
import { startSiteScript } from '../features/site-script';
import { sendToBackground } from '../utils/send';

// The content script for this adapter's hosts only (listed in the manifest by wxt.config.ts): the page compiles
// this adapter and nothing of the others.
export default defineUnlistedScript(() => {
  startSiteScript({ window, adapters: [digitalMarketplace], send: sendToBackground });
});
