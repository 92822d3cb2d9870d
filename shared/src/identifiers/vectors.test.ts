// All 134 NHS test vectors (../shared/domain/test-vectors.json) through the pure identifier functions.
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import { checkIdentifier, isIdentifierKind } from './index.js';
import { ukCoreFactsFromIndex } from './ukcore-index.js';

const domain = fileURLToPath(new URL('../../../../shared/domain/', import.meta.url));
const present = existsSync(`${domain}test-vectors.json`) && existsSync(`${domain}ukcore-index.json`);
if (!present)
  console.warn(
    `Skipping NHS vectors: ${domain}test-vectors.json not found (the shared data folder sits beside the repo).`,
  );

interface Vector {
  id: string;
  kind: string;
  input: string;
  context?: { system?: string; element?: string; fhirVersion?: string };
  verdict: string;
  rules: string[];
  fix?: string;
}

const vectors: Vector[] = present
  ? (JSON.parse(readFileSync(`${domain}test-vectors.json`, 'utf8')) as { vectors: Vector[] }).vectors
  : [];
const ukCore = present
  ? ukCoreFactsFromIndex(JSON.parse(readFileSync(`${domain}ukcore-index.json`, 'utf8')))
  : undefined;

describe.skipIf(!present)('NHS test vectors via identifier functions', () => {
  test('there are 134 vectors', () => expect(vectors).toHaveLength(134));
  test.each(vectors.map((v) => [v.id, v] as const))('%s', (_id, v) => {
    expect(isIdentifierKind(v.kind)).toBe(true);
    if (!isIdentifierKind(v.kind)) return;
    const result = checkIdentifier(v.kind, v.input, { ...v.context, ...(ukCore ? { ukCore } : {}) });
    expect(result.verdict).toBe(v.verdict);
    const ids = result.findings.map((f) => f.ruleId);
    for (const rule of v.rules) expect(ids).toContain(rule);
    // A single-value fix must be offered exactly as the vector gives it (snomed edition fixes move two fields).
    if (v.fix !== undefined && !v.fix.includes(';')) {
      const replacements = result.findings.map((f) => f.fix?.replacement);
      expect(replacements).toContain(v.fix);
    }
  });
});
