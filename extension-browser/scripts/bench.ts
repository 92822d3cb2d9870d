/**
 * Browser-extension benchmarks (BENCHMARKS.md, "Browser extension"): content-script size, the content script's
 * main-thread work per fixture page measured in Chromium with a DevTools trace (thread time, median of several
 * runs; see trace-work.ts for what is counted), and when the overlay appears after the load event.
 * Needs the TEST build: pnpm --filter @wheelhouse/extension-browser build:test
 * Run: pnpm --filter @wheelhouse/extension-browser bench [runs] [extension dir]
 * (another unpacked Chrome build, e.g. an older commit's test build, for before/after runs in the same conditions)
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { BrowserContext } from 'playwright-core';
import { launchChromium } from '../../test/src/chromium.ts';
import { startNetworkGuard } from '../../test/src/network-guard.ts';
import { CASES } from '../test/e2e/cases.ts';
import { EXTENSION_ROOT, FIXTURES, startFixtureServer } from '../test/e2e/server.ts';
import { contentScriptWork, type MainThreadWork, type TraceEvent } from './trace-work.ts';

const RUNS = Number(process.argv[2] ?? 5);
if (!Number.isInteger(RUNS) || RUNS < 1) throw new Error(`bench: runs must be a positive integer, got "${process.argv[2]}"`);
const EXTENSION_DIR = process.argv[3] ?? join(EXTENSION_ROOT, '.output', 'test-chrome-mv3');
const SETTLE_MS = 300;
const CATEGORIES = 'devtools.timeline,v8,v8.execute,toplevel,disabled-by-default-devtools.timeline';

interface Page {
  name: string;
  path: string;
  /** The overlay is expected (false: a page the script loads on but no adapter reads). */
  overlay: boolean;
}

interface Run {
  work: MainThreadWork;
  /** ms from the load event's end to the overlay host's insertion (`data-shown-at`). */
  afterLoad: number;
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};
const f1 = (x: number) => x.toFixed(1);

/** A "typical" Find a Tender notice: the old-form fixture with its lot section repeated to real-page size. */
function largeNotice(): string {
  const html = readFileSync(join(FIXTURES, 'find-a-tender-old.html'), 'utf8');
  const lotStart = html.indexOf('<h3 class="govuk-heading-m" id="object-1-lot-1">');
  const lotEnd = html.indexOf('</div>', lotStart);
  const lot = html.slice(lotStart, lotEnd);
  const lots = Array.from({ length: 40 }, (_, i) => lot.replaceAll('lot-1', `lot-${i + 1}`).replace('Lot 1', `Lot ${i + 1}`)).join('\n');
  return html.slice(0, lotStart) + lots + html.slice(lotEnd);
}

/**
 * The host's speed at the time of a run: a fixed loop in a page's main world (ms). Figures of runs taken at
 * clearly different reference values are not comparable; BENCHMARKS.md gives both.
 */
async function referenceLoop(context: BrowserContext, origin: string): Promise<number> {
  const tab = await context.newPage();
  try {
    await tab.goto(`${origin}/`, { waitUntil: 'load' }).catch(() => undefined);
    return await tab.evaluate(() => {
      const start = performance.now();
      let x = 0;
      for (let i = 0; i < 5_000_000; i++) x = (x * 31 + i) % 1_000_003;
      return performance.now() - start + (x < 0 ? 1 : 0);
    });
  } finally {
    await tab.close();
  }
}

/**
 * One traced page load: until the overlay is ready (or the load event), then SETTLE_MS for late work. In a new tab
 * (a new renderer process: Chrome compiles the content script and sets up the extension API for it) or, with
 * `afterSameSite`, in a tab that has just shown a page of the same site (as when a buyer goes from notice to
 * notice: the process, its V8 compilation cache and the extension bindings are reused, the script's world is new).
 */
async function tracedLoad(context: BrowserContext, origin: string, page: Page, expectOverlay: boolean, afterSameSite = false): Promise<Run> {
  const tab = await context.newPage();
  if (afterSameSite) {
    await tab.goto(`${origin}${page.path}`, { waitUntil: 'load' });
    if (expectOverlay) await tab.locator('[data-wheelhouse-overlay][data-state="ready"]').waitFor({ state: 'attached', timeout: 15_000 });
  }
  const cdp = await context.newCDPSession(tab);
  const events: TraceEvent[] = [];
  cdp.on('Tracing.dataCollected', (m) => events.push(...(m.value as unknown as TraceEvent[])));
  const done = new Promise<void>((resolve) => cdp.once('Tracing.tracingComplete', () => resolve()));
  await cdp.send('Tracing.start', { categories: CATEGORIES, transferMode: 'ReportEvents' });
  await tab.goto(`${origin}${page.path}`, { waitUntil: 'load' });
  if (expectOverlay) await tab.locator('[data-wheelhouse-overlay][data-state="ready"]').waitFor({ state: 'attached', timeout: 15_000 });
  await tab.waitForTimeout(SETTLE_MS);
  const times = await tab.evaluate(() => ({
    shownAt: Number(document.querySelector<HTMLElement>('[data-wheelhouse-overlay]')?.dataset.shownAt ?? NaN),
    loadEnd: (performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming).loadEventEnd,
  }));
  await cdp.send('Tracing.end');
  await done;
  await tab.close();
  return { work: contentScriptWork(events, origin), afterLoad: Math.max(0, times.shownAt - times.loadEnd) };
}

async function main(): Promise<void> {
  // One site script per adapter (site-<id>.js) and site.js (all adapters, loopback pages only); older builds:
  // content-scripts/content.js.
  const legacy = join('content-scripts', 'content.js');
  const scripts = existsSync(join(EXTENSION_DIR, legacy)) ? [legacy] : readdirSync(EXTENSION_DIR).filter((f) => /^site(-.+)?\.js$/.test(f));
  for (const file of scripts) {
    const content = readFileSync(join(EXTENSION_DIR, file));
    console.log(`content script ${file}: ${content.length} B raw, ${gzipSync(content, { level: 9 }).length} B gzipped`);
  }
  const background = readFileSync(join(EXTENSION_DIR, 'background.js'));
  console.log(`background: ${background.length} B raw, ${gzipSync(background, { level: 9 }).length} B gzipped`);

  const bigPath = '/www.find-tender.service.gov.uk/Notice/099999-2024';
  const idlePath = '/github.com/nhsuk/nhsuk-frontend/issues';
  const pages: Page[] = [
    ...CASES.map((c) => ({ name: c.fixture, path: c.path, overlay: true })),
    { name: 'find-a-tender-old (40 lots)', path: bigPath, overlay: true },
    { name: 'baseline: script loaded, no adapter for the page', path: idlePath, overlay: false },
  ];
  // BENCH_ONLY=<substring>: only the pages whose name contains it (quick before/after runs while profiling).
  const only = process.env.BENCH_ONLY;
  if (only) pages.splice(0, pages.length, ...pages.filter((p) => p.name.includes(only)));
  if (pages.length === 0) throw new Error(`bench: no page name contains "${only}"`);
  // Procurement notices (issue 9's "typical notice page"), also measured as the next page of the site in a tab.
  const notices = pages.filter((p) => p.overlay && /^(find-a-tender|contracts-finder|digital-marketplace)/.test(p.name));
  const big = largeNotice();
  console.log(`large notice: ${Buffer.byteLength(big)} B of HTML; ${RUNS} runs per page; load average ${loadavg().map(f1).join(' ')}`);
  const guard = await startNetworkGuard();
  const server = await startFixtureServer(CASES, { [idlePath]: 'github' }, { [bigPath]: big });
  const withExt = new Map<string, Run[]>();
  const sameTab = new Map<string, Run[]>();
  const control = new Map<string, number[]>();
  const hostReference: number[] = [];
  try {
    // The same pages without the extension: what the page's own scripts cost (counted as "callbacks" otherwise).
    const plain = await launchChromium({ guard });
    try {
      for (const page of pages) control.set(page.name, []);
      for (let i = 0; i < RUNS; i++) {
        for (const page of pages) control.get(page.name)!.push((await tracedLoad(plain.context, server.origin, page, false)).work.callbacks);
        hostReference.push(await referenceLoop(plain.context, server.origin));
      }
    } finally {
      await plain.close();
    }

    const session = await launchChromium({ guard, extensionDir: EXTENSION_DIR });
    try {
      const context = session.context;
      if (context.serviceWorkers().length === 0) await context.waitForEvent('serviceworker');
      // Warm the service worker once (its cold start is not the page's main thread).
      await tracedLoad(context, server.origin, { name: 'warm-up', path: CASES[0]!.path, overlay: true }, pages.some((p) => p.overlay));
      // Rounds over all pages rather than all runs of one page at a time: the host's speed drifts (by up to ~2x
      // within minutes on the shared CI machine), and rounds spread the drift over every page alike.
      for (const page of pages) withExt.set(page.name, []);
      for (const page of notices) sameTab.set(page.name, []);
      for (let i = 0; i < RUNS; i++) {
        for (const page of pages) withExt.get(page.name)!.push(await tracedLoad(context, server.origin, page, page.overlay));
        for (const page of notices) sameTab.get(page.name)!.push(await tracedLoad(context, server.origin, page, true, true));
      }
    } finally {
      await session.close();
    }
    guard.assertNoLeaks();
  } finally {
    await server.close();
    await guard.close();
  }

  const table = (title: string, results: Map<string, Run[]>) => {
    console.log('');
    console.log(title);
    console.log('');
    console.log(
      '| page | content script, main-thread CPU ms: median (min–max) | of which evaluation | of which callbacks | isolated-world setup (Chrome) | page scripts without extension | overlay after load event, ms |',
    );
    console.log('| --- | --- | --- | --- | --- | --- | --- |');
    for (const page of pages) {
      const runs = results.get(page.name);
      if (!runs) continue;
      const pageJs = median(control.get(page.name)!);
      const totals = runs.map((r) => Math.max(0, r.work.evaluation + r.work.callbacks - pageJs));
      const overlay = page.overlay ? f1(median(runs.map((r) => r.afterLoad))) : '–';
      console.log(
        `| ${page.name} | ${f1(median(totals))} (${f1(Math.min(...totals))}–${f1(Math.max(...totals))}) | ${f1(median(runs.map((r) => r.work.evaluation)))} | ${f1(Math.max(0, median(runs.map((r) => r.work.callbacks)) - pageJs))} | ${f1(median(runs.map((r) => r.work.worldSetup)))} | ${f1(pageJs)} | ${overlay} |`,
      );
    }
  };
  table('Opened in a new tab (a new renderer process):', withExt);
  if (sameTab.size > 0) table('Notices opened in a tab that has just shown a page of the same site (same renderer process):', sameTab);
  console.log(`load average after: ${loadavg().map(f1).join(' ')}; host reference loop: ${f1(median(hostReference))} ms median (${f1(Math.min(...hostReference))}–${f1(Math.max(...hostReference))})`);
}

await main();
