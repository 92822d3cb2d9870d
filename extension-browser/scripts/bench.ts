/**
 * Browser-extension benchmarks (BENCHMARKS.md, "Browser extension"): content-script size, main-thread work of
 * the content script measured in Chromium with a DevTools trace, and overlay time after the load event.
 * Needs the TEST build: pnpm --filter @wheelhouse/extension-browser build:test
 * Run: pnpm --filter @wheelhouse/extension-browser bench [runs]
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { launchChromium } from '../../test/src/chromium.ts';
import { startNetworkGuard } from '../../test/src/network-guard.ts';
import { CASES, type FixtureCase } from '../test/e2e/cases.ts';
import { OVERLAY_TIMER, readOverlay } from '../test/e2e/overlay-probe.ts';
import { EXTENSION_ROOT, FIXTURES, startFixtureServer } from '../test/e2e/server.ts';

const RUNS = Number(process.argv[2] ?? 5);
const EXTENSION_DIR = join(EXTENSION_ROOT, '.output', 'test-chrome-mv3');

interface TraceEvent {
  name: string;
  ph: string;
  ts: number;
  dur?: number;
  /** Thread (CPU) time: unlike `dur`, not inflated when other processes compete for the cores. */
  tdur?: number;
  pid: number;
  tid: number;
  args?: { name?: string; data?: { url?: string; scriptName?: string; frames?: { processId?: number; parent?: string }[] } };
}

/**
 * Sum of top-level script events (evaluation, callbacks, compile) attributed to the extension's scripts on the
 * page's renderer main thread (the trace is browser-wide: the service worker's work is excluded).
 */
function extensionMainThreadMs(events: TraceEvent[]): { wall: number; cpu: number } {
  const started = events.find((e) => e.name === 'TracingStartedInBrowser');
  const pids = new Set((started?.args?.data?.frames ?? []).filter((f) => !f.parent).map((f) => f.processId));
  const mainThreads = new Set(
    events.filter((e) => e.ph === 'M' && e.name === 'thread_name' && e.args?.name === 'CrRendererMain' && pids.has(e.pid)).map((e) => `${e.pid}:${e.tid}`),
  );
  const ours = events
    .filter((e) => mainThreads.has(`${e.pid}:${e.tid}`))
    .filter((e) => e.ph === 'X' && typeof e.dur === 'number')
    .filter((e) => ['EvaluateScript', 'FunctionCall', 'v8.compile', 'V8.CompileCode', 'v8.run'].includes(e.name))
    .filter((e) => (e.args?.data?.url ?? e.args?.data?.scriptName ?? '').startsWith('chrome-extension://'))
    .sort((a, b) => a.ts - b.ts);
  if (process.env.WHEELHOUSE_BENCH_DEBUG) {
    const by = new Map<string, number>();
    for (const e of ours) by.set(`${e.name} ${(e.args?.data?.url ?? '').split('/').pop()}`, (by.get(`${e.name} ${(e.args?.data?.url ?? '').split('/').pop()}`) ?? 0) + (e.dur ?? 0) / 1000);
    console.log([...by].map(([k, v]) => `${k}=${v.toFixed(1)}`).join(', '));
  }
  // Top-level events only: nested ones (a compile inside an evaluation) are already counted.
  let wall = 0;
  let cpu = 0;
  let coveredUntil = -1;
  for (const e of ours) {
    const end = e.ts + (e.dur ?? 0);
    if (e.ts < coveredUntil) continue;
    wall += e.dur ?? 0;
    cpu += e.tdur ?? e.dur ?? 0;
    coveredUntil = end;
  }
  return { wall: wall / 1000, cpu: cpu / 1000 };
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};

/** A "typical" Find a Tender notice: the old-form fixture with its lot section repeated to real-page size. */
function largeNotice(): string {
  const html = readFileSync(join(FIXTURES, 'find-a-tender-old.html'), 'utf8');
  const lotStart = html.indexOf('<h3 class="govuk-heading-m" id="object-1-lot-1">');
  const lotEnd = html.indexOf('</div>', lotStart);
  const lot = html.slice(lotStart, lotEnd);
  const lots = Array.from({ length: 40 }, (_, i) => lot.replaceAll('lot-1', `lot-${i + 1}`).replace('Lot 1', `Lot ${i + 1}`)).join('\n');
  return html.slice(0, lotStart) + lots + html.slice(lotEnd);
}

async function main(): Promise<void> {
  const content = readFileSync(join(EXTENSION_DIR, 'content-scripts', 'content.js'));
  console.log(`content script: ${content.length} B raw, ${gzipSync(content, { level: 9 }).length} B gzipped`);
  const background = readFileSync(join(EXTENSION_DIR, 'background.js'));
  console.log(`background: ${background.length} B raw, ${gzipSync(background, { level: 9 }).length} B gzipped`);

  const big = largeNotice();
  const cases: FixtureCase[] = [
    ...CASES,
    { fixture: 'find-a-tender-old (40 lots)', path: '/www.find-tender.service.gov.uk/Notice/099999-2024', expect: [], secrets: [] },
  ];
  // Baseline: a page the content script loads on but no adapter reads (a repository's issue list).
  const idlePath = '/github.com/nhsuk/nhsuk-frontend/issues';
  const guard = await startNetworkGuard();
  const bigPath = '/www.find-tender.service.gov.uk/Notice/099999-2024';
  const server = await startFixtureServer(CASES, { [idlePath]: 'github' }, { [bigPath]: big });
  console.log(`large notice: ${Buffer.byteLength(big)} B of HTML`);
  const session = await launchChromium({ guard, extensionDir: EXTENSION_DIR });
  try {
    const context = session.context;
    await context.addInitScript(OVERLAY_TIMER);
    if (context.serviceWorkers().length === 0) await context.waitForEvent('serviceworker');
    // Warm the service worker once (its cold start is not the page's main thread).
    const warm = await context.newPage();
    await warm.goto(`${server.origin}${CASES[0]!.path}`);
    await warm.locator('[data-wheelhouse-overlay][data-state="ready"]').waitFor({ state: 'attached' });
    await warm.close();

    console.log('| page | content-script main-thread CPU ms (trace tdur, median) | same, wall ms | extract+render wall ms | overlay after load event, ms |');
    console.log('| --- | --- | --- | --- | --- |');
    for (const c of cases) {
      const origin = server.origin;
      const trace: number[] = [];
      const cpu: number[] = [];
      const work: number[] = [];
      const afterLoad: number[] = [];
      for (let i = 0; i < RUNS; i++) {
        const page = await context.newPage();
        const cdp = await context.newCDPSession(page);
        const events: TraceEvent[] = [];
        cdp.on('Tracing.dataCollected', (m) => events.push(...(m.value as unknown as TraceEvent[])));
        const done = new Promise<void>((resolve) => cdp.once('Tracing.tracingComplete', () => resolve()));
        await cdp.send('Tracing.start', { categories: 'devtools.timeline,v8,disabled-by-default-devtools.timeline', transferMode: 'ReportEvents' });
        await page.goto(`${origin}${c.path}`);
        await page.locator('[data-wheelhouse-overlay][data-state="ready"]').waitFor({ state: 'attached', timeout: 15_000 });
        const r = await page.evaluate(readOverlay);
        await cdp.send('Tracing.end');
        await done;
        const t = extensionMainThreadMs(events);
        trace.push(t.wall);
        cpu.push(t.cpu);
        work.push(r.workMs);
        afterLoad.push(Math.max(0, r.overlayAt - r.loadEnd));
        await page.close();
      }
      console.log(`| ${c.fixture} | ${median(cpu).toFixed(1)} | ${median(trace).toFixed(1)} | ${median(work).toFixed(1)} | ${median(afterLoad).toFixed(0)} |`);
    }
    const idle: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      const page = await context.newPage();
      const cdp = await context.newCDPSession(page);
      const events: TraceEvent[] = [];
      cdp.on('Tracing.dataCollected', (m) => events.push(...(m.value as unknown as TraceEvent[])));
      const done = new Promise<void>((resolve) => cdp.once('Tracing.tracingComplete', () => resolve()));
      await cdp.send('Tracing.start', { categories: 'devtools.timeline,v8,disabled-by-default-devtools.timeline', transferMode: 'ReportEvents' });
      await page.goto(`${server.origin}${idlePath}`);
      await page.waitForLoadState('load');
      await page.waitForTimeout(300);
      await cdp.send('Tracing.end');
      await done;
      idle.push(extensionMainThreadMs(events).cpu);
      await page.close();
    }
    console.log(`baseline (script loaded, no adapter for the page): ${median(idle).toFixed(1)} ms CPU`);
  } finally {
    await session.close();
    await server.close();
    await guard.close();
  }
}

await main();
