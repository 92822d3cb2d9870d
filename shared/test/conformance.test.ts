// The FHIR conformance floor: `pnpm conformance` (the built engine over ../shared/fhir/test-cases) must not fall
// below the figures recorded in BENCHMARKS.md ("FHIR conformance"). Runs scripts/conformance/run.ts as a user
// would and reads the JSON it writes. Skips, saying why, when ../shared or the build is absent.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';

const repo = fileURLToPath(new URL('../../', import.meta.url));
const casesDir = join(repo, '..', 'shared', 'fhir', 'test-cases');
const built = join(repo, 'shared', 'dist', 'validation', 'index.js');
const skip = !existsSync(join(casesDir, 'manifest.json'))
  ? `no test cases at ${casesDir} (../shared is absent)`
  : !existsSync(built)
    ? 'shared/dist is not built (run `pnpm exec tsc -b` first)'
    : undefined;
if (skip) console.log(`conformance floor skipped: ${skip}`);

/** Current figures (BENCHMARKS.md, scripts/conformance/results.json); raise them when the engine improves. */
const FLOOR = { agree: 218, falseErrors: 0, locationsHit: 118, specExamplesWithErrors: 2 };

interface Result {
  cases: number;
  expectedValid: number;
  expectedInvalid: number;
  agree: number;
  falseErrors: number;
  locationsHit: number;
  specExamples: { files: number; withErrors: number };
}

describe.skipIf(skip !== undefined)('FHIR conformance floor', () => {
  test('agreement, false errors and R4 spec examples stay at or above the recorded figures', () => {
    const out = join(mkdtempSync(join(tmpdir(), 'wh-conformance-')), 'results.json');
    const node = existsSync(join(repo, 'node_modules', '.bin', 'node')) ? join(repo, 'node_modules', '.bin', 'node') : process.execPath;
    const run = spawnSync(node, [join(repo, 'scripts', 'conformance', 'run.ts'), '--out', out], { encoding: 'utf8' });
    expect(run.status, run.stderr).toBe(0);
    const r = JSON.parse(readFileSync(out, 'utf8')) as Result;
    expect([r.cases, r.expectedValid, r.expectedInvalid]).toEqual([227, 137, 90]);
    expect(r.agree).toBeGreaterThanOrEqual(FLOOR.agree);
    expect(r.falseErrors).toBeLessThanOrEqual(FLOOR.falseErrors);
    expect(r.locationsHit).toBeGreaterThanOrEqual(FLOOR.locationsHit);
    expect(r.specExamples.files).toBe(72);
    expect(r.specExamples.withErrors).toBeLessThanOrEqual(FLOOR.specExamplesWithErrors);
  }, 180_000);
});
