/** What an identifier check reports; the engine rules and the CLI both turn these into output. */
export type FindingSeverity = 'error' | 'warning' | 'information';

export type Verdict = 'valid' | 'warning' | 'invalid';

export interface Finding {
  /** Rule id from docs/rules (NHS-RULES.md), e.g. `nhs-number-checksum`. */
  ruleId: string;
  severity: FindingSeverity;
  message: string;
  /** A replacement value for the checked string, when one is certain. */
  fix?: { title: string; replacement: string };
  /** Facts a hover or quick fix needs, e.g. `{ expectedCheckDigit: 9 }`. */
  data?: Record<string, unknown>;
}

/** invalid if any error, warning if any warning, else valid (information never changes the verdict). */
export function verdictOf(findings: readonly Finding[]): Verdict {
  if (findings.some((f) => f.severity === 'error')) return 'invalid';
  if (findings.some((f) => f.severity === 'warning')) return 'warning';
  return 'valid';
}

/** Levenshtein distance, stopping early once it exceeds `max` (returns max + 1 then). */
export function editDistance(a: string, b: string, max = Number.POSITIVE_INFINITY): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let previous = new Int32Array(b.length + 1);
  let current = new Int32Array(b.length + 1);
  for (let j = 0; j <= b.length; j++) previous[j] = j;
  for (let i = 1; i <= a.length; i++) {
    current[0] = i;
    let rowMin = i;
    const ca = a.charCodeAt(i - 1);
    for (let j = 1; j <= b.length; j++) {
      const cost = ca === b.charCodeAt(j - 1) ? 0 : 1;
      const value = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost);
      current[j] = value;
      if (value < rowMin) rowMin = value;
    }
    if (rowMin > max) return max + 1;
    [previous, current] = [current, previous];
  }
  return previous[b.length]!;
}
