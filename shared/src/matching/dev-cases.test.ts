// Regression guard on the dev cases (../shared/catalogue-seed/pages-dev.jsonl) with the shipped defaults:
// no must-not component shown, every abstention case empty, P@3 and R@3 at the targets.
// The honest (cross-validated) figures come from `pnpm eval:match`; this only stops silent regressions.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import { ComponentSchema, parseManifest } from '../catalogue/index.js';
import { buildIndex } from './build.js';
import { loadIndex, match } from './match.js';

const repo = fileURLToPath(new URL('../../../', import.meta.url));
const casesFile = join(repo, '..', 'shared', 'catalogue-seed', 'pages-dev.jsonl');
const present = existsSync(casesFile);
if (!present) process.stderr.write(`Skipping matching dev cases: ${casesFile} not found (the shared data folder sits beside the repo).\n`);

interface DevCase {
  case_id: string;
  source: string;
  title: string;
  summary: string;
  key_terms: string[];
  expected: string[];
  acceptable: string[];
  must_not: string[];
}

describe.skipIf(!present)('dev cases with the shipped defaults', () => {
  const cases = present
    ? readFileSync(casesFile, 'utf8')
        .split('\n')
        .filter((l) => l.trim())
        .map((l) => JSON.parse(l) as DevCase)
    : [];
  const dir = join(repo, 'catalogue', 'components');
  const components = readdirSync(dir)
    .filter((f) => f.endsWith('.yaml'))
    .map((f) => ComponentSchema.parse(parseManifest({ path: f, text: readFileSync(join(dir, f), 'utf8') }).value));
  const index = loadIndex(buildIndex(components));
  const shown = new Map(
    cases.map((c) => [
      c.case_id,
      match(index, { title: c.title, text: `${c.summary}\n${c.key_terms.join(', ')}`, ...(/^https?:/.test(c.source) ? { url: c.source } : {}) }).map((s) => s.id),
    ]),
  );

  test('no must-not component is shown', () => {
    const violations = cases.flatMap((c) => (shown.get(c.case_id) ?? []).filter((id) => c.must_not.includes(id)).map((id) => `${c.case_id}: ${id}`));
    expect(violations).toEqual([]);
  });

  test('every case with nothing expected gets nothing', () => {
    const spoken = cases.filter((c) => c.expected.length === 0 && (shown.get(c.case_id) ?? []).length > 0).map((c) => c.case_id);
    expect(spoken).toEqual([]);
  });

  test('P@3 and R@3 at least 0.8', () => {
    const precision: number[] = [];
    const recall: number[] = [];
    for (const c of cases) {
      const top = shown.get(c.case_id) ?? [];
      const right = new Set([...c.expected, ...c.acceptable]);
      if (top.length > 0) precision.push(top.filter((id) => right.has(id)).length / top.length);
      if (c.expected.length > 0) recall.push(top.filter((id) => c.expected.includes(id)).length / Math.min(3, c.expected.length));
    }
    const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
    expect(mean(precision)).toBeGreaterThanOrEqual(0.8);
    expect(mean(recall)).toBeGreaterThanOrEqual(0.8);
  });
});
