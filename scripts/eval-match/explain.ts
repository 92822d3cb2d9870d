/**
 * Debug aid: the top suggestions for some dev cases with scores and reasons, below the threshold too.
 *
 *   pnpm exec node scripts/eval-match/explain.ts [case-id ...]
 */
import { buildIndex, loadIndex, match, pageTerms, DEFAULT_PARAMS } from '../../shared/dist/matching/index.js';
import { casePage, loadCases, loadComponents } from './load.ts';

const cases = loadCases() ?? [];
const index = loadIndex(buildIndex(loadComponents()));
const wanted = new Set(process.argv.slice(2));
for (const c of cases) {
  if (wanted.size > 0 && !wanted.has(c.case_id)) continue;
  const page = casePage(c);
  const terms = pageTerms(index, page, DEFAULT_PARAMS).map((q) => `${q.term}:${q.weight.toFixed(1)}`);
  process.stdout.write(`\n${c.case_id}  expected [${c.expected.join(', ')}] acceptable [${c.acceptable.join(', ')}] must-not [${c.must_not.join(', ')}]\n  terms ${terms.join(' ')}\n`);
  for (const s of match(index, page, { top: 8, params: { threshold: 0, relative: 0 } })) {
    const mark = c.expected.includes(s.id) ? 'E' : c.acceptable.includes(s.id) ? 'a' : c.must_not.includes(s.id) ? 'X' : ' ';
    process.stdout.write(`  ${mark} ${s.score.toFixed(2).padStart(6)} ${s.id.padEnd(34)} ${s.reasons.join(' | ')}\n`);
  }
}
