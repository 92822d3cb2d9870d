// Each fast path must give fhirpath.js's answer: checked on every resource of the R4 spec examples and on
// crafted edge cases (the corpus is skipped, saying why, when ../shared is absent).
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import fhirpath from 'fhirpath';
import r4 from 'fhirpath/fhir-context/r4';
import { describe, expect, test } from 'vitest';
import { fastPathFor } from './fast-paths.js';

const EXPRESSIONS = [
  'contained.contained.empty()',
  'contained.meta.versionId.empty() and contained.meta.lastUpdated.empty()',
  'contained.meta.security.empty()',
];
const examplesDir = fileURLToPath(
  new URL('../../../../../shared/fhir/test-cases/r4-spec-examples', import.meta.url),
);

const crafted: unknown[] = [
  { resourceType: 'Patient' },
  { resourceType: 'Patient', contained: [] },
  {
    resourceType: 'Patient',
    contained: [{ resourceType: 'Patient', id: 'a', contained: [{ resourceType: 'Patient', id: 'b' }] }],
  },
  { resourceType: 'Patient', contained: [{ resourceType: 'Patient', id: 'a', meta: { versionId: '1' } }] },
  {
    resourceType: 'Patient',
    contained: [
      {
        resourceType: 'Patient',
        id: 'a',
        meta: { _lastUpdated: { extension: [{ url: 'x', valueString: 'y' }] } },
      },
    ],
  },
  {
    resourceType: 'Patient',
    contained: [{ resourceType: 'Patient', id: 'a', meta: { security: [{ code: 'R' }] } }],
  },
];

function resources(): unknown[] {
  const out = [...crafted];
  if (!existsSync(examplesDir)) {
    console.log(`fast-path corpus check uses crafted cases only: ${examplesDir} is absent`);
    return out;
  }
  for (const f of readdirSync(examplesDir)) out.push(JSON.parse(readFileSync(`${examplesDir}/${f}`, 'utf8')));
  return out;
}

describe('invariant fast paths', () => {
  test.each(EXPRESSIONS)('%s gives the same answer as fhirpath.js', (expression) => {
    const fast = fastPathFor(expression)!;
    expect(fast).toBeDefined();
    const compiled = fhirpath.compile(expression, r4);
    for (const r of resources()) expect(fast(r, { resource: r, rootResource: r })).toEqual(compiled(r));
  });
});
