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

/** editDistance's two rows, reused across calls (it is synchronous and calls nothing back). */
let rows: [Int32Array, Int32Array] = [new Int32Array(64), new Int32Array(64)];

/**
 * Levenshtein distance; any distance above `max` comes back as max + 1. With a finite `max` only the
 * diagonal band |i - j| <= max is computed (no cheaper path leaves it), and it stops once a whole row
 * exceeds `max`.
 */
export function editDistance(a: string, b: string, max = Number.POSITIVE_INFINITY): number {
  const m = a.length;
  const n = b.length;
  if (Math.abs(m - n) > max) return max + 1;
  const band = Math.min(max, Math.max(m, n));
  const over = band + 1;
  if (rows[0].length < n + 2) rows = [new Int32Array(n + 2), new Int32Array(n + 2)];
  let [previous, current] = rows;
  previous.fill(over, 0, n + 2);
  current.fill(over, 0, n + 2);
  for (let j = 0; j <= Math.min(n, band); j++) previous[j] = j;
  for (let i = 1; i <= m; i++) {
    const lo = Math.max(1, i - band);
    const hi = Math.min(n, i + band);
    current[lo - 1] = lo === 1 ? i : over;
    let rowMin = current[lo - 1]!;
    const ca = a.charCodeAt(i - 1);
    for (let j = lo; j <= hi; j++) {
      const cost = ca === b.charCodeAt(j - 1) ? 0 : 1;
      let value = previous[j - 1]! + cost;
      const up = previous[j]! + 1;
      if (up < value) value = up;
      const left = current[j - 1]! + 1;
      if (left < value) value = left;
      current[j] = value;
      if (value < rowMin) rowMin = value;
    }
    // The cell right of the band is outside it on the next row too.
    current[hi + 1] = over;
    if (rowMin > max) return max + 1;
    const t = previous;
    previous = current;
    current = t;
  }
  const d = previous[n]!;
  return d > max ? max + 1 : d;
}
