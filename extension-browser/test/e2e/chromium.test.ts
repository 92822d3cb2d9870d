/**
 * The built TEST extension in Debian Chromium (playwright-core, new headless mode), against the fixture pages
 * on 127.0.0.1. Every request leaving 127.0.0.1 is blocked and fails the suite; no request may carry page text.
 * Run: pnpm --filter @wheelhouse/extension-browser build:test && pnpm --filter @wheelhouse/extension-browser test:e2e
 */
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { BrowserContext, Page, Worker } from 'playwright-core';
import { launchChromium, type ChromiumSession } from '../../../test/src/chromium.ts';
import { startNetworkGuard, type NetworkGuard } from '../../../test/src/network-guard.ts';
import { CASES } from './cases.ts';
import { OVERLAY_TIMER, readOverlay } from './overlay-probe.ts';
import { GOOD_REMOTE, HOSTILE_REMOTE } from './remote-catalogue.ts';
import { EXTENSION_ROOT, requestsCarrying, startFixtureServer, type FixtureServer } from './server.ts';

/** The extension API inside the service worker (evaluated there, not here). */
declare const chrome: {
  storage: { local: { get(key: string): Promise<unknown>; set(items: object): Promise<void>; remove(keys: string | string[]): Promise<void> } };
  tabs: { query(q: { url: string }): Promise<{ id?: number }[]> };
  scripting: { executeScript(i: { target: { tabId: number }; files: string[] }): Promise<{ result?: unknown }[]> };
};

const EXTENSION_DIR = join(EXTENSION_ROOT, '.output', 'test-chrome-mv3');
const ALL_SECRETS = [...CASES.flatMap((c) => c.secrets), 'GP Connect Access Record, and exchange'];
const OVERLAY = '[data-wheelhouse-overlay]';

void describe('browser extension in Chromium', () => {
  let guard: NetworkGuard;
  let server: FixtureServer;
  let session: ChromiumSession;
  let context: BrowserContext;
  let worker: Worker;
  let extensionId: string;

  before(async () => {
    if (!existsSync(join(EXTENSION_DIR, 'manifest.json'))) {
      throw new Error(`${EXTENSION_DIR} is missing: run \`pnpm --filter @wheelhouse/extension-browser build:test\` first`);
    }
    guard = await startNetworkGuard();
    server = await startFixtureServer(CASES, { '/www.example-icb.nhs.uk/digital': 'generic', '/github.com/NHSDigital/nhs-notify': 'github-late' });
    session = await launchChromium({ guard, extensionDir: EXTENSION_DIR });
    context = session.context;
    await context.addInitScript(OVERLAY_TIMER);
    worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
    extensionId = new URL(worker.url()).host;
  });

  after(async () => {
    await session?.close();
    await server?.close();
    await guard?.close();
  });

  async function open(path: string): Promise<Page> {
    const page = await context.newPage();
    await page.goto(`${server.origin}${path}`);
    await page.locator(`${OVERLAY}[data-state="ready"]`).waitFor({ state: 'attached', timeout: 10_000 });
    return page;
  }

  for (const c of CASES) {
    void it(`shows suggestions on ${c.fixture} (${c.path})`, async () => {
      const page = await open(c.path);
      const r = await page.evaluate(readOverlay);
      for (const id of c.expect) assert.ok(r.ids.includes(id), `${id} not among suggestions [${r.ids.join(', ')}]`);
      assert.ok(r.workMs >= 0, 'the content script reports its main-thread work');
      for (const path of Object.keys(c.linked ?? {})) {
        const read = server.requests.some((q) => q.method === 'GET' && q.url === path);
        assert.equal(read, c.readsLinked === true, `the page's linked ${path} was ${read ? '' : 'not '}read`);
        assert.ok(server.requests.every((q) => q.url !== path || !q.headers.cookie), `${path} was read without cookies`);
      }
      console.log(`  ${c.fixture}: [${r.ids.join(', ')}] overlay at ${r.overlayAt.toFixed(0)} ms (load end ${r.loadEnd.toFixed(0)} ms), work ${r.workMs} ms`);
      await page.close();
    });
  }

  void it('waits for a GitHub sidebar rendered after load, and follows soft navigation', async () => {
    const page = await open('/github.com/NHSDigital/nhs-notify');
    assert.ok((await page.evaluate(readOverlay)).ids.includes('nhs-notify-api'));
    await page.click('#soft-nav');
    await page.waitForURL(/gpconnect-appointment-checker$/);
    await page.waitForFunction(() => {
      const root = document.querySelector('[data-wheelhouse-overlay]')?.shadowRoot;
      return !!root?.querySelector('[data-component-id="gpconnect-appointment-checker"]');
    });
    assert.equal(await page.locator(OVERLAY).count(), 1);
    await page.close();
  });

  void it('is keyboard accessible: toggle, Esc collapses and returns focus', async () => {
    const page = await open(CASES[0]!.path);
    const toggle = page.locator(`${OVERLAY} button[aria-controls]`);
    assert.equal(await toggle.getAttribute('aria-expanded'), 'true');
    await page.locator(`${OVERLAY} [data-component-id] a`).first().focus();
    await page.keyboard.press('Escape');
    assert.equal(await toggle.getAttribute('aria-expanded'), 'false');
    assert.equal(await page.evaluate(() => document.querySelector('[data-wheelhouse-overlay]')?.shadowRoot?.activeElement?.getAttribute('aria-controls') !== null), true);
    await page.keyboard.press('Enter');
    assert.equal(await toggle.getAttribute('aria-expanded'), 'true');
    await page.close();
  });

  void it('hides on this site when asked, and remembers it', async () => {
    const page = await open(CASES[1]!.path);
    await page.locator(`${OVERLAY} button`, { hasText: 'Hide on this site' }).click();
    await page.locator(OVERLAY).waitFor({ state: 'detached' });
    const stored = await worker.evaluate(() => chrome.storage.local.get('dismissed'));
    assert.deepEqual((stored as { dismissed: { hosts: string[] } }).dismissed.hosts, ['127.0.0.1']);
    await worker.evaluate(() => chrome.storage.local.remove('dismissed'));
    await page.close();
  });

  void it('checks a page on demand (toolbar), even on a site the user hid', async () => {
    const path = '/www.example-icb.nhs.uk/digital';
    const page = await open(path);
    await page.locator(`${OVERLAY} button`, { hasText: 'Hide on this site' }).click();
    await page.locator(OVERLAY).waitFor({ state: 'detached' });
    // What the popup's "Check this page" does through the background, with the tab the user is on.
    const outcome = await worker.evaluate(async (url) => {
      const [tab] = await chrome.tabs.query({ url });
      const [result] = await chrome.scripting.executeScript({ target: { tabId: tab!.id! }, files: ['/content-scripts/on-demand.js'] });
      return result?.result;
    }, `${server.origin}${path}`);
    assert.equal(outcome, 'shown');
    await page.locator(`${OVERLAY}[data-state="ready"]`).waitFor({ state: 'attached' });
    assert.ok((await page.evaluate(readOverlay)).ids.length > 0, 'the on-demand check shows suggestions');
    await worker.evaluate(() => chrome.storage.local.remove('dismissed'));
    await page.close();
  });

  void it('searches the catalogue from the popup', async () => {
    const popup = await context.newPage();
    await popup.goto(`chrome-extension://${extensionId}/popup.html`);
    await popup.fill('#query', 'e-referral');
    await popup.locator('#results [data-component-id="ers-fhir-api"]').waitFor();
    await popup.close();
  });

  void it('refreshes the catalogue from the remote URL with ETags, keeps the last good copy, refuses a hostile one', async () => {
    await worker.evaluate((url) => chrome.storage.local.set({ settings: { catalogueUrl: url } }), `${server.origin}/catalogue/catalogue.json`);
    server.setCatalogue({ body: GOOD_REMOTE, etag: '"good-1"' });
    const options = await context.newPage();
    await options.goto(`chrome-extension://${extensionId}/options.html`);
    const status = options.locator('#catalogue-status');
    // Each refresh: clear the status line, click, wait for the new one (so no step reads the previous status).
    const refresh = async () => {
      await status.evaluate((el) => (el.textContent = ''));
      await options.click('#refresh');
    };
    await refresh();
    await status.filter({ hasText: 'updated copy' }).waitFor();
    let page = await open('/www.example-icb.nhs.uk/digital');
    assert.deepEqual((await page.evaluate(readOverlay)).ids, ['e2e-remote-shared-record']);
    await page.close();

    // Second refresh: conditional request, 304, same copy.
    await refresh();
    await status.filter({ hasText: /checked/ }).waitFor();
    const catalogueRequests = server.requests.filter((r) => r.url === '/catalogue/catalogue.json');
    assert.equal(catalogueRequests.at(-1)?.headers['if-none-match'], '"good-1"');
    assert.ok(catalogueRequests.every((r) => r.headers.cookie === undefined && r.headers.referer === undefined));

    server.setCatalogue({ body: HOSTILE_REMOTE, etag: '"hostile-1"' });
    await refresh();
    await status.filter({ hasText: 'last refresh failed: catalogue rejected' }).waitFor();
    page = await open('/www.example-icb.nhs.uk/digital');
    const r = await page.evaluate(readOverlay);
    assert.deepEqual(r.ids, ['e2e-remote-shared-record'], 'the last good copy stays in use');
    assert.notEqual(r.title, 'pwned');
    assert.equal(r.javascriptLinks, 0);
    assert.equal(r.scriptsInShadow, 0);
    await page.close();

    // Remote kill switch for one adapter.
    server.setCatalogue({ body: GOOD_REMOTE, etag: '"good-1"' });
    server.setKillSwitch(['github']);
    await refresh();
    await status.filter({ hasText: 'switched off remotely: github' }).waitFor();
    const gh = await context.newPage();
    await gh.goto(`${server.origin}/github.com/nhsuk/nhsuk-frontend`);
    await gh.waitForLoadState('load');
    // Give the content script the time it needs on the other pages (< 1 s), then check nothing was shown.
    await gh.waitForTimeout(1500);
    assert.equal(await gh.locator(OVERLAY).count(), 0);
    await gh.close();
    server.setKillSwitch(undefined);
    await worker.evaluate(() => chrome.storage.local.remove(['settings', 'catalogueCache', 'disabledAdapters']));
    await options.close();
  });

  void it('sent no request outside 127.0.0.1 and no request carrying page text', () => {
    guard.assertNoLeaks();
    assert.deepEqual(requestsCarrying(ALL_SECRETS, server.requests, guard.leaks), []);
  });
});

void describe('the real build in Chromium', () => {
  const REAL_DIR = join(EXTENSION_ROOT, '.output', 'chrome-mv3');

  void it('asks for no broad host permission and stays off loopback pages by default', async (t) => {
    if (!existsSync(join(REAL_DIR, 'manifest.json'))) {
      t.skip(`${REAL_DIR} is missing: run \`pnpm --filter @wheelhouse/extension-browser build\` to check the real build`);
      return;
    }
    const manifest = JSON.parse(readFileSync(join(REAL_DIR, 'manifest.json'), 'utf8')) as {
      host_permissions?: string[];
      permissions: string[];
      content_scripts: { matches: string[] }[];
    };
    assert.ok(manifest.permissions.includes('activeTab'));
    const matches = manifest.content_scripts.flatMap((c) => c.matches);
    assert.ok(matches.every((m) => m.startsWith('https://') && !m.includes('*.') && m !== '<all_urls>'), matches.join(' '));
    // Host permissions only for sites the content scripts already run on (the background reads a Find a Tender
    // notice's own OCDS release package).
    const hosts = manifest.host_permissions ?? [];
    assert.ok(hosts.length > 0 && hosts.every((h) => matches.includes(h)), hosts.join(' '));

    const guard = await startNetworkGuard();
    const server = await startFixtureServer(CASES);
    const session = await launchChromium({ guard, extensionDir: REAL_DIR });
    try {
      if (session.context.serviceWorkers().length === 0) await session.context.waitForEvent('serviceworker');
      const page = await session.context.newPage();
      await page.goto(`${server.origin}${CASES[0]!.path}`);
      await page.waitForLoadState('load');
      // The TEST build shows its overlay well within this time on the same page.
      await page.waitForTimeout(1500);
      assert.equal(await page.locator(OVERLAY).count(), 0);
      guard.assertNoLeaks();
    } finally {
      await session.close();
      await server.close();
      await guard.close();
    }
  });
});
