// Test helper: the engine with the R4 core definitions built by `pnpm --filter @wheelhouse/shared build`
// (shared/dist/definitions/r4-core.json). Tests that need it skip, saying why, when it is absent.
import { existsSync } from 'node:fs';
import { defaultDefinitionsFile, loadR4Definitions } from '../src/node/definitions.js';
import { defaultTerminologyFile, loadR4Terminology } from '../src/node/terminology.js';
import { nodeFhirPathProvider } from '../src/node/fhirpath.js';
import { createValidator, type ConformanceSource, type Rule, type Validator } from '../src/validation/index.js';

export const definitionsFile = defaultDefinitionsFile();
export const definitionsMissing = existsSync(definitionsFile)
  ? undefined
  : `no definitions index at ${definitionsFile}: run \`pnpm --filter @wheelhouse/shared build\``;
if (definitionsMissing) console.log(`engine tests skipped: ${definitionsMissing}`);

let cached: ReturnType<typeof loadR4Definitions> | undefined;
export function definitions(): ReturnType<typeof loadR4Definitions> {
  return (cached ??= loadR4Definitions());
}

let cachedTerminology: ReturnType<typeof loadR4Terminology> | undefined;

export function validator(rules?: readonly Rule[], conformance?: ConformanceSource): Validator {
  const terminology = existsSync(defaultTerminologyFile()) ? { terminology: (cachedTerminology ??= loadR4Terminology()) } : {};
  return createValidator({ definitions: definitions(), fhirpath: nodeFhirPathProvider, ...terminology, ...(rules ? { rules } : {}), ...(conformance ? { conformance } : {}) });
}

/** Validates a JSON value (or text) and returns the issues of one rule as `location: message`. */
export function issuesOf(v: Validator, ruleId: string, input: unknown): string[] {
  const text = typeof input === 'string' ? input : JSON.stringify(input, null, 2);
  return v
    .validate(text)
    .issues.filter((i) => i.ruleId === ruleId)
    .map((i) => `${i.location}: ${i.message}`);
}
