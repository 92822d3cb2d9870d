/**
 * `pnpm eval:match`: the matcher on ../shared/catalogue-seed/pages-dev.jsonl.
 *
 *   pnpm eval:match [--no-url] [--cases <file>] [--verbose] [--json <out>]
 *
 * Prints P@3, R@3, must-not violations and abstention accuracy for (1) the shipped defaults,
 * (2) leave-one-out cross-validation of the tuned parameters (each case is scored with parameters chosen
 * on the other cases only, so the figure is honest), for both scorers: our BM25F and minisearch.
 */
import { writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { Analyser, buildIndexFrom, CONCEPTS, cut, DEFAULT_PARAMS, loadIndex, rank, toMatchable, type MatchParams } from '../../shared/dist/matching/index.js';
import { casePage, loadCases, loadComponents, DEV_CASES, type DevCase } from './load.ts';
import { objective, scoreCase, summarise, type CaseResult, type Summary } from './metrics.ts';
import { minisearchRanker } from './minisearch-ranker.ts';

const { values } = parseArgs({
  options: {
    cases: { type: 'string', default: DEV_CASES },
    'no-url': { type: 'boolean', default: false },
    'keep-phrase-words': { type: 'boolean', default: false },
    verbose: { type: 'boolean', default: false },
    json: { type: 'string' },
  },
});

const cases = loadCases(values.cases);
if (!cases) {
  process.stdout.write(`eval:match skipped: ${values.cases} not found (../shared is not beside the repository)\n`);
  process.exit(0);
}
const components = loadComponents();
const withUrl = !values['no-url'];

/** A scorer: every component's score for a case, best first, before threshold and relative cut. */
type Ranker = (c: DevCase, params: MatchParams) => readonly { id: string; score: number }[];

const analyser = new Analyser(CONCEPTS, { consumeAll: !values['keep-phrase-words'] });
const ownIndex = loadIndex(buildIndexFrom(components.map(toMatchable), analyser), analyser);
const own: Ranker = (c, params) => rank(ownIndex, casePage(c, withUrl), params);
const mini: Ranker = minisearchRanker(components, withUrl);

/**
 * The grid the cross-validation chooses from: method parameters only, never per-case switches.
 * Scoring parameters change the ranking; threshold and relative only cut it (no re-ranking needed).
 */
function scoringGrid(): MatchParams[] {
  const out: MatchParams[] = [];
  for (const name of [2, 3])
    for (const terms of [0.5, 1])
      for (const antiPenalty of [0.5, 1])
        for (const titleWeight of [1, 2])
          for (const priorWeight of [0, 1])
            for (const conceptWeight of [1, 1.5, 2])
              for (const genericWeight of [0.3, 0.6, 1])
                out.push({
                  ...DEFAULT_PARAMS,
                  antiPenalty,
                  titleWeight,
                  priorWeight,
                  conceptWeight,
                  genericWeight,
                  fieldWeights: { ...DEFAULT_PARAMS.fieldWeights, name, terms },
                });
  return out;
}
const cutGrid: { threshold: number; relative: number }[] = [];
for (const threshold of [1.5, 2, 2.4, 2.8, 3.2, 3.6, 4, 5, 6, 7]) for (const relative of [0.3, 0.4, 0.5, 0.6, 0.7]) cutGrid.push({ threshold, relative });

interface Evaluation {
  readonly defaults: Summary;
  readonly defaultResults: readonly CaseResult[];
  readonly cv: Summary;
  readonly cvResults: readonly CaseResult[];
  readonly chosen: string;
  /** Parameters chosen in each case's fold. */
  readonly foldChoice: readonly string[];
}

function describe(p: MatchParams): string {
  return `threshold ${p.threshold}, relative ${p.relative}, b ${p.b}, name ${p.fieldWeights.name}, terms ${p.fieldWeights.terms}, anti ${p.antiPenalty}, title ${p.titleWeight}, prior ${p.priorWeight}, concept ${p.conceptWeight}, generic ${p.genericWeight}`;
}

function evaluate(ranker: Ranker, thresholdScale: number): Evaluation {
  const scaled = (p: MatchParams): MatchParams => ({ ...p, threshold: p.threshold * thresholdScale });
  const defaults = scaled(DEFAULT_PARAMS);
  const defaultResults = cases!.map((c) => scoreCase(c, cut(ranker(c, defaults), defaults, 3).map((r) => r.id)));
  const params: MatchParams[] = [];
  const results: CaseResult[][] = [];
  for (const p of scoringGrid()) {
    const ranked = cases!.map((c) => ranker(c, p));
    for (const k of cutGrid) {
      const full = scaled({ ...p, ...k });
      params.push(full);
      results.push(cases!.map((c, i) => scoreCase(c, cut(ranked[i]!, full, 3).map((r) => r.id))));
    }
  }
  // Leave-one-out: each case is scored with the parameters that do best on the other cases.
  const cvResults: CaseResult[] = [];
  const foldChoice: string[] = [];
  const chosenCount = new Map<number, number>();
  const totals = results.map((row) => row.reduce((a, r) => a + objective(r), 0));
  cases!.forEach((_, held) => {
    let best = 0;
    let bestScore = -Infinity;
    results.forEach((row, p) => {
      const s = totals[p]! - objective(row[held]!);
      if (s > bestScore + 1e-9) {
        bestScore = s;
        best = p;
      }
    });
    chosenCount.set(best, (chosenCount.get(best) ?? 0) + 1);
    cvResults.push(results[best]![held]!);
    foldChoice.push(describe(params[best]!));
  });
  const [mostChosen] = [...chosenCount.entries()].sort((a, b) => b[1] - a[1]);
  const chosen = `${describe(params[mostChosen![0]]!)} (chosen in ${mostChosen![1]}/${cases!.length} folds; ${chosenCount.size} distinct)`;
  return { defaults: summarise(defaultResults), defaultResults, cv: summarise(cvResults), cvResults, chosen, foldChoice };
}

const fmt = (n: number) => n.toFixed(3);
function row(label: string, s: Summary): string {
  return `| ${label.padEnd(34)} | ${fmt(s.precision)} | ${fmt(s.recall)} | ${String(s.violations).padStart(9)} | ${fmt(s.abstentionAccuracy)} (${s.falseAbstentions} false) |`;
}

// minisearch scores live on another scale (BM25+ per field, summed): its thresholds are ours times a factor.
// The factor is the median ratio of the two scorers' best scores under the defaults (no case labels used).
const ratios = cases
  .map((c) => (mini(c, DEFAULT_PARAMS)[0]?.score ?? 0) / (own(c, DEFAULT_PARAMS)[0]?.score || 1))
  .filter((r) => r > 0)
  .sort((a, b) => a - b);
const MINISEARCH_SCALE = ratios[Math.floor(ratios.length / 2)] ?? 1;
const ownEval = evaluate(own, 1);
const miniEval = evaluate(mini, MINISEARCH_SCALE);

const out: string[] = [];
out.push(`Reuse matching on ${cases.length} dev cases (${cases.filter((c) => c.expected.length === 0).length} abstention), ${components.length} components, page URL ${withUrl ? 'used' : 'not used'}`);
out.push('');
out.push(`| ${'scorer / parameters'.padEnd(34)} | P@3   | R@3   | must-not  | abstention accuracy |`);
out.push(`| ${'-'.repeat(34)} | ----- | ----- | --------- | ------------------- |`);
out.push(row('own BM25F, shipped defaults', ownEval.defaults));
out.push(row('own BM25F, leave-one-out CV', ownEval.cv));
out.push(row('minisearch, same defaults', miniEval.defaults));
out.push(row('minisearch, leave-one-out CV', miniEval.cv));
out.push('');
out.push(`own BM25F defaults: ${describe(DEFAULT_PARAMS)}`);
out.push(`own BM25F most chosen: ${ownEval.chosen}`);
out.push(`minisearch most chosen: ${miniEval.chosen}; its thresholds are ours x ${MINISEARCH_SCALE.toFixed(3)}`);
if (values.verbose) {
  out.push('');
  out.push('Per case (own BM25F, leave-one-out):');
  for (const [i, r] of ownEval.cvResults.entries()) {
    const c = cases[i]!;
    const mark = r.violations > 0 ? ' MUST-NOT' : '';
    const choice = ownEval.foldChoice[i] === describe(DEFAULT_PARAMS) ? '' : `  (fold chose ${ownEval.foldChoice[i]})`;
    out.push(`  ${c.case_id.padEnd(38)} P ${r.precision === undefined ? '  - ' : fmt(r.precision)} R ${r.recall === undefined ? '  - ' : fmt(r.recall)} [${r.shown.join(', ')}]${mark}${choice}`);
  }
}
process.stdout.write(`${out.join('\n')}\n`);
if (values.json) writeFileSync(values.json, JSON.stringify({ own: ownEval, minisearch: miniEval }, null, 2));
