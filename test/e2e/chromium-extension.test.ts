/**
 * Debian Chromium loads the browser extension's TEST build (extension-browser build:test); its content script
 * marks a page served on 127.0.0.1 with the overlay (contract: `[data-wheelhouse-overlay]`, open shadow root).
 */
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { test } from 'node:test';
import { launchChromium, type ChromiumSession } from '../src/chromium.ts';
import { startNetworkGuard } from '../src/network-guard.ts';
import { servePage, type PageServer } from '../src/page-server.ts';
import { EXTENSION_BROWSER_OUTPUT, requirePath } from '../src/paths.ts';
import { TENDER_HTML, TENDER_PATH } from './browser-page.ts';

void test('Chromium: the extension content script marks a 127.0.0.1 page with its overlay', async () => {
  const extensionDir = requirePath(join(EXTENSION_BROWSER_OUTPUT, 'test-chrome-mv3'), 'pnpm --filter @wheelhouse/extension-browser build:test');
  const guard = await startNetworkGuard();
  let site: PageServer | undefined;
  let browser: ChromiumSession | undefined;
  try {
    site = await servePage(TENDER_HTML);
    browser = await launchChromium({ guard, extensionDir });
    const worker = browser.context.serviceWorkers()[0] ?? (await browser.context.waitForEvent('serviceworker', { timeout: 30_000 }));
    assert.match(worker.url(), /^chrome-extension:\/\/[a-p]{32}\//, 'the extension service worker runs');

    const page = await browser.context.newPage();
    await page.goto(`${site.origin}${TENDER_PATH}`);
    await page.waitForFunction(() => document.querySelector('[data-wheelhouse-overlay]')?.getAttribute('data-state') === 'ready', undefined, { timeout: 30_000 });
    const overlay = await page.evaluate(() => {
      const host = document.querySelector('[data-wheelhouse-overlay]');
      return { open: host?.shadowRoot != null, text: host?.shadowRoot?.textContent ?? '' };
    });
    assert.ok(overlay.open, 'the overlay host has an open shadow root');
    const suggestions = await page.locator('[data-wheelhouse-overlay] [data-component-id]').evaluateAll((els) => els.map((e) => e.getAttribute('data-component-id')));
    console.log(`  Chromium overlay suggestions: ${suggestions.join(', ') || '(none)'}`);
    assert.ok(overlay.text.trim().length > 0, 'the overlay rendered content');
    // The page asks for address matching: the catalogue's address-matching library is among the suggestions.
    assert.ok(suggestions.includes('addressmatchr'), 'addressmatchr is suggested');
    guard.assertNoLeaks();
  } finally {
    await browser?.close();
    await site?.close();
    await guard.close();
  }
});
