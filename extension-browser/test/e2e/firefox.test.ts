/**
 * The built TEST extension in Debian Firefox ESR (puppeteer-core over WebDriver BiDi, temporary add-on), against
 * the fixture pages on 127.0.0.1. Every request leaving 127.0.0.1 goes to the network guard's trap proxy and fails
 * the suite; no request may carry page text.
 * Run: pnpm --filter @wheelhouse/extension-browser build:test && pnpm --filter @wheelhouse/extension-browser test:e2e
 */
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Page } from 'puppeteer-core';
import { launchFirefox, type FirefoxSession } from '../../../test/src/firefox.ts';
import { startNetworkGuard, type NetworkGuard } from '../../../test/src/network-guard.ts';
import { CASES } from './cases.ts';
import { OVERLAY_TIMER, readOverlay } from './overlay-probe.ts';
import { EXTENSION_ROOT, requestsCarrying, startFixtureServer, type FixtureServer } from './server.ts';

const EXTENSION_DIR = join(EXTENSION_ROOT, '.output', 'test-firefox-mv2');
const READY = '[data-wheelhouse-overlay][data-state="ready"]';

void describe('browser extension in Firefox ESR', () => {
  let guard: NetworkGuard;
  let server: FixtureServer;
  let session: FirefoxSession;

  before(async () => {
    if (!existsSync(join(EXTENSION_DIR, 'manifest.json'))) {
      throw new Error(`${EXTENSION_DIR} is missing: run \`pnpm --filter @wheelhouse/extension-browser build:test\` first`);
    }
    guard = await startNetworkGuard();
    server = await startFixtureServer(CASES, { '/github.com/NHSDigital/nhs-notify': 'github-late' });
    session = await launchFirefox({ guard });
    await session.browser.installExtension(EXTENSION_DIR);
  });

  after(async () => {
    await session?.close();
    await server?.close();
    await guard?.close();
  });

  async function open(path: string): Promise<Page> {
    const page = await session.browser.newPage();
    await page.evaluateOnNewDocument(OVERLAY_TIMER);
    await page.goto(`${server.origin}${path}`);
    await page.waitForSelector(READY, { timeout: 10_000 });
    return page;
  }

  for (const c of CASES) {
    void it(`shows suggestions on ${c.fixture}`, async () => {
      const page = await open(c.path);
      const r = await page.evaluate(readOverlay);
      for (const id of c.expect) assert.ok(r.ids.includes(id), `${id} not among suggestions [${r.ids.join(', ')}]`);
      // The shadow root is open: puppeteer's >>> pierces it.
      if (r.ids.length > 0) assert.ok(await page.$(`[data-wheelhouse-overlay] >>> [data-component-id="${r.ids[0]}"]`));
      for (const path of Object.keys(c.linked ?? {})) {
        const read = server.requests.some((q) => q.method === 'GET' && q.url === path);
        assert.equal(read, c.readsLinked === true, `the page's linked ${path} was ${read ? '' : 'not '}read`);
        assert.ok(server.requests.every((q) => q.url !== path || !q.headers.cookie), `${path} was read without cookies`);
      }
      console.log(`  ${c.fixture}: [${r.ids.join(', ')}] overlay at ${r.overlayAt.toFixed(0)} ms (load end ${r.loadEnd.toFixed(0)} ms), work ${r.workMs} ms`);
      await page.close();
    });
  }

  void it('follows GitHub soft navigation', async () => {
    const page = await open('/github.com/NHSDigital/nhs-notify');
    assert.ok((await page.evaluate(readOverlay)).ids.includes('nhs-notify-api'));
    await page.click('#soft-nav');
    await page.waitForSelector('[data-wheelhouse-overlay] >>> [data-component-id="gpconnect-appointment-checker"]', { timeout: 10_000 });
    await page.close();
  });

  void it('sent no request outside 127.0.0.1 and no request carrying page text', () => {
    guard.assertNoLeaks();
    assert.deepEqual(requestsCarrying(CASES.flatMap((c) => c.secrets), server.requests, guard.leaks), []);
  });
});
