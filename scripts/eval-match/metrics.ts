/**
 * Metrics of the match evaluation, per case and summed. Definitions (docs/matching.md):
 * - P@3: of the suggestions shown (at most 3), the share that is expected or acceptable; averaged over
 *   the cases where something was shown (saying nothing is judged by recall and abstention instead).
 * - R@3: of the expected components, the share in the top 3, capped at 3 (|top3 ∩ expected| / min(3, |expected|)),
 *   over the cases that have expected components.
 * - must-not violations: must-not components shown in the top 3, over all cases.
 * - abstention accuracy: share of the cases with no expected component where nothing was shown.
 */
import type { DevCase } from './load.ts';

export interface CaseResult {
  readonly id: string;
  readonly shown: readonly string[];
  readonly abstain: boolean;
  readonly precision?: number;
  readonly recall?: number;
  readonly violations: number;
  readonly abstained: boolean;
}

export function scoreCase(c: DevCase, shown: readonly string[]): CaseResult {
  const top = shown.slice(0, 3);
  const right = new Set([...c.expected, ...c.acceptable]);
  const abstain = c.expected.length === 0;
  const hits = top.filter((id) => c.expected.includes(id)).length;
  return {
    id: c.case_id,
    shown: top,
    abstain,
    ...(top.length > 0 ? { precision: top.filter((id) => right.has(id)).length / top.length } : {}),
    ...(abstain ? {} : { recall: hits / Math.min(3, c.expected.length) }),
    violations: top.filter((id) => c.must_not.includes(id)).length,
    abstained: top.length === 0,
  };
}

export interface Summary {
  readonly precision: number;
  readonly recall: number;
  readonly violations: number;
  readonly abstentionAccuracy: number;
  /** Cases with expected components where nothing was shown. */
  readonly falseAbstentions: number;
  readonly cases: number;
}

const mean = (xs: readonly number[]) => (xs.length === 0 ? 0 : xs.reduce((a, b) => a + b, 0) / xs.length);

export function summarise(results: readonly CaseResult[]): Summary {
  const abstainCases = results.filter((r) => r.abstain);
  return {
    precision: mean(results.flatMap((r) => (r.precision === undefined ? [] : [r.precision]))),
    recall: mean(results.flatMap((r) => (r.recall === undefined ? [] : [r.recall]))),
    violations: results.reduce((a, r) => a + r.violations, 0),
    abstentionAccuracy: mean(abstainCases.map((r) => (r.abstained ? 1 : 0))),
    falseAbstentions: results.filter((r) => !r.abstain && r.abstained).length,
    cases: results.length,
  };
}

/**
 * What parameter selection maximises on the training cases: precision and recall where they apply,
 * abstention where it applies, and a must-not shown costs more than any gain.
 */
export function objective(r: CaseResult): number {
  const base = r.abstain ? (r.abstained ? 2 : 0) : (r.precision ?? 0) + (r.recall ?? 0);
  return base - 3 * r.violations;
}
