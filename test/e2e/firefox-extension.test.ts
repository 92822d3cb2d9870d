/**
 * Firefox ESR (puppeteer-core over WebDriver BiDi) installs the browser extension's TEST build as a temporary
 * add-on; its content script marks a page served on 127.0.0.1 with the overlay, as in Chromium.
 */
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { launchFirefox, type FirefoxSession } from '../src/firefox.ts';
import { startNetworkGuard } from '../src/network-guard.ts';
import { servePage, type PageServer } from '../src/page-server.ts';
import { EXTENSION_BROWSER_OUTPUT, requirePath } from '../src/paths.ts';
import { TENDER_HTML, TENDER_PATH } from './browser-page.ts';

void test('Firefox ESR: the extension content script marks a 127.0.0.1 page with its overlay', async () => {
  const mv3 = join(EXTENSION_BROWSER_OUTPUT, 'test-firefox-mv3');
  const extensionDir = existsSync(mv3) ? mv3 : requirePath(join(EXTENSION_BROWSER_OUTPUT, 'test-firefox-mv2'), 'pnpm --filter @wheelhouse/extension-browser build:test');
  const guard = await startNetworkGuard();
  let site: PageServer | undefined;
  let firefox: FirefoxSession | undefined;
  try {
    site = await servePage(TENDER_HTML);
    firefox = await launchFirefox({ guard });
    const id = await firefox.browser.installExtension(extensionDir);
    assert.ok(id, 'Firefox returned the add-on id');

    const page = await firefox.browser.newPage();
    await page.goto(`${site.origin}${TENDER_PATH}`);
    await page.waitForFunction(() => document.querySelector('[data-wheelhouse-overlay]')?.getAttribute('data-state') === 'ready', { timeout: 30_000 });
    const overlay = await page.evaluate(() => {
      const host = document.querySelector('[data-wheelhouse-overlay]');
      const root = host?.shadowRoot;
      return {
        open: root != null,
        text: root?.textContent ?? '',
        suggestions: Array.from(root?.querySelectorAll('[data-component-id]') ?? []).map((e) => e.getAttribute('data-component-id')),
      };
    });
    assert.ok(overlay.open, 'the overlay host has an open shadow root');
    console.log(`  Firefox overlay suggestions: ${overlay.suggestions.join(', ') || '(none)'}`);
    assert.ok(overlay.text.trim().length > 0, 'the overlay rendered content');
    // The page asks for address matching: the catalogue's address-matching library is among the suggestions.
    assert.ok(overlay.suggestions.includes('addressmatchr'), 'addressmatchr is suggested');
    guard.assertNoLeaks();
  } finally {
    await firefox?.close();
    await site?.close();
    await guard.close();
  }
});
