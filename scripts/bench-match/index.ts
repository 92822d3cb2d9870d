/**
 * `pnpm bench:match`: matcher latency per page at the current catalogue size and at 10,000 synthetic
 * components, index build and load times, and the size of the index the browser extension ships.
 *
 *   pnpm bench:match [--size 10000] [--rounds 20] [--no-minisearch]
 *
 * Pages: the dev cases (title + summary + key terms) and the same texts padded to a long page
 * (MAX_NEED_TEXT characters, the most the extractor hands over). Synthetic components recombine the
 * words of real manifests with invented ones, seeded, so runs are comparable.
 */
import { gzipSync } from 'node:zlib';
import { parseArgs } from 'node:util';
import { performance } from 'node:perf_hooks';
import { buildIndex, buildIndexFrom, loadIndex, match, MAX_NEED_TEXT, toMatchable, type MatchableComponent, type PageNeed } from '../../shared/dist/matching/index.js';
import { casePage, loadCases, loadComponents } from '../eval-match/load.ts';
import { minisearchSearch } from '../eval-match/minisearch-ranker.ts';
import { DEFAULT_PARAMS } from '../../shared/dist/matching/index.js';

const { values } = parseArgs({
  options: { size: { type: 'string', default: '10000' }, rounds: { type: 'string', default: '20' }, 'no-minisearch': { type: 'boolean', default: false } },
});
const syntheticSize = Number(values.size);
const rounds = Number(values.rounds);

const components = loadComponents();
const cases = loadCases();
const shortPages: PageNeed[] = cases
  ? cases.map((c) => casePage(c, false))
  : components.slice(0, 30).map((c) => ({ title: c.name, text: c.description.en.shortDescription }));
// A long page: the case text followed by other cases' text up to the extractor's cap.
const allText = shortPages.map((p) => `${p.title ?? ''} ${p.text}`).join('\n');
const longPages: PageNeed[] = shortPages.map((p) => ({ title: p.title ?? '', text: `${p.text}\n${allText}`.slice(0, MAX_NEED_TEXT) }));

function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function synthetic(n: number): MatchableComponent[] {
  const random = rng(8);
  const real = components.map(toMatchable);
  const vocabulary = real.flatMap((c) => `${c.name} ${c.summary} ${c.tags.join(' ')}`.split(/\s+/)).filter(Boolean);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)] as T;
  const invented = () => `${pick(['syn', 'neo', 'med', 'care', 'data', 'clin'])}${Math.floor(random() * 5000).toString(36)}`;
  const sentence = (words: number) => Array.from({ length: words }, () => (random() < 0.2 ? invented() : pick(vocabulary))).join(' ');
  return Array.from({ length: n }, (_, i) => {
    const base = real[i % real.length] as MatchableComponent;
    return {
      ...base,
      id: `${base.id}-synthetic-${i}`,
      name: `${base.name} ${invented()}`,
      summary: `${sentence(14)}. ${sentence(10)}.`,
      features: [sentence(6), sentence(6)],
      terms: [...base.terms.slice(0, 4), sentence(2)],
      url: `https://github.com/synthetic/${base.id}-${i}`,
    };
  });
}

function time<T>(f: () => T): { value: T; ms: number } {
  const start = performance.now();
  const value = f();
  return { value, ms: performance.now() - start };
}

type Search = (page: PageNeed) => unknown;

/**
 * Wall-clock median and p95 per page, and mean CPU time per page (user + system of this process over
 * all rounds): on a shared, loaded machine wall time includes waiting for a core, CPU time does not.
 */
function perPage(search: Search, pages: readonly PageNeed[]): { median: number; p95: number; max: number; cpu: number } {
  for (const p of pages) search(p); // warm-up
  const samples: number[] = [];
  const cpuStart = process.cpuUsage();
  for (let r = 0; r < rounds; r++) {
    for (const p of pages) {
      const start = performance.now();
      search(p);
      samples.push(performance.now() - start);
    }
  }
  const cpuUsed = process.cpuUsage(cpuStart);
  samples.sort((a, b) => a - b);
  const at = (q: number) => samples[Math.min(samples.length - 1, Math.floor(q * samples.length))] ?? 0;
  const cpu = (cpuUsed.user + cpuUsed.system) / 1000 / Math.max(samples.length, 1);
  return { median: at(0.5), p95: at(0.95), max: samples[samples.length - 1] ?? 0, cpu };
}

const rows: string[][] = [];
function measure(label: string, build: () => unknown): void {
  const built = time(build);
  const json = JSON.stringify(built.value);
  const loaded = time(() => loadIndex(JSON.parse(json)));
  const search: Search = (p) => match(loaded.value, p, { top: 3 });
  row(label, json, built.ms, loaded.ms, search);
}
function measureMinisearch(label: string, matchables: readonly MatchableComponent[]): void {
  const built = time(() => minisearchSearch(matchables));
  const json = JSON.stringify(built.value.toJSON());
  row(label, json, built.ms, undefined, (p) => built.value(p, DEFAULT_PARAMS));
}
function row(label: string, json: string, buildMs: number, loadMs: number | undefined, search: Search): void {
  const short = perPage(search, shortPages);
  const long = perPage(search, longPages);
  const cells = [
    label,
    `${(json.length / 1024).toFixed(0)} KB`,
    `${(gzipSync(json, { level: 9 }).length / 1024).toFixed(1)} KB`,
    `${buildMs.toFixed(0)} ms`,
    loadMs === undefined ? 'n/a' : `${loadMs.toFixed(0)} ms`,
    `${short.median.toFixed(2)} / ${short.p95.toFixed(2)} / ${short.cpu.toFixed(2)} ms`,
    `${long.median.toFixed(2)} / ${long.p95.toFixed(2)} / ${long.cpu.toFixed(2)} ms`,
  ];
  rows.push(cells);
  process.stderr.write(`${cells.join(' | ')}\n`);
}

const syntheticComponents = synthetic(syntheticSize);
measure(`own, catalogue (${components.length})`, () => buildIndex(components));
measure(`own, synthetic (${syntheticSize})`, () => buildIndexFrom(syntheticComponents));
if (!values['no-minisearch']) {
  measureMinisearch(`minisearch, catalogue (${components.length})`, components.map(toMatchable));
  measureMinisearch(`minisearch, synthetic (${syntheticSize})`, syntheticComponents);
}

const header = ['index', 'JSON', 'gzipped', 'build', 'load', 'short page median / p95 / CPU mean', `long page (${MAX_NEED_TEXT} chars) median / p95 / CPU mean`];
const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
const line = (cells: readonly string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i] ?? 0)).join(' | ')} |`;
process.stdout.write(
  [
    `Reuse matching benchmark: ${shortPages.length} pages x ${rounds} rounds, Node ${process.version}`,
    '',
    line(header),
    line(widths.map((w) => '-'.repeat(w))),
    ...rows.map(line),
    '',
  ].join('\n'),
);
