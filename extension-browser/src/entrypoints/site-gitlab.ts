import { defineUnlistedScript } from '#imports';
import { gitlab } from '../adapters/gitlab';
import { startSiteScript } from '../features/site-script';
import { SOFT_NAVIGATION } from '../features/soft-navigation';
import { sendToBackground } from '../utils/send';

// The content script for this adapter's hosts only (listed in the manifest by wxt.config.ts): the page compiles
// this adapter and nothing of the others. The site navigates softly: the script follows it (SOFT_NAVIGATION).
export default defineUnlistedScript(() => {
  startSiteScript({ window, adapters: [gitlab], send: sendToBackground, softNavigation: SOFT_NAVIGATION });
});
