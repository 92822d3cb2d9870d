import { defineContentScript } from '#imports';
import { adapterForHost, GENERIC_ADAPTER } from '../adapters';
import { runPageCheck } from '../features/page-check';
import { SOFT_NAVIGATION } from '../features/soft-navigation';
import { sendToBackground } from '../utils/send';

// Injected by the background through activeTab when the user asks to check the current page.
export default defineContentScript({
  registration: 'runtime',
  matches: [],
  noScriptStartedPostMessage: true,
  main(ctx) {
    const location = new URL(window.location.href);
    const site = adapterForHost(location.hostname);
    const adapter = site?.matchesUrl(location) ? site : GENERIC_ADAPTER;
    return runPageCheck({
      document,
      adapter,
      url: location,
      location,
      send: sendToBackground,
      signal: ctx.signal,
      showEmpty: true,
      // A GitHub or GitLab page may still be rendering its sidebar.
      waitForContent: SOFT_NAVIGATION.waitForContent,
      // An explicit request overrides earlier "hide" choices for this check only.
      ignoreDismissed: true,
    }).then((r) => r.outcome);
  },
});
