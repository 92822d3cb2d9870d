// The "run on 127.0.0.1/localhost" testing switch of the real build: registers the site content script for
// loopback pages at runtime (the TEST build has these matches in its manifest instead).
import type { browser as Browser } from '#imports';
import { LOOPBACK_MATCHES } from '../utils/site-url';

const SCRIPT_ID = 'wheelhouse-loopback';

export async function syncLoopbackScript(browser: typeof Browser, enabled: boolean): Promise<void> {
  const registered = await browser.scripting.getRegisteredContentScripts({ ids: [SCRIPT_ID] });
  const granted = enabled && (await browser.permissions.contains({ origins: LOOPBACK_MATCHES }));
  if (granted && registered.length === 0) {
    await browser.scripting.registerContentScripts([
      { id: SCRIPT_ID, matches: LOOPBACK_MATCHES, js: ['site.js'], runAt: 'document_idle' },
    ]);
  } else if (!granted && registered.length > 0) {
    await browser.scripting.unregisterContentScripts({ ids: [SCRIPT_ID] });
  }
}
