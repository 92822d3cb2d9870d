// `pnpm conformance`: runs the built engine (shared/dist, so `pnpm exec tsc -b` first) over the HL7
// validator test cases and the R4 spec examples in ../shared/fhir/test-cases, prints the report and
// writes the figures to scripts/conformance/results.json.
// Options: --verbose (list our errors for every disagreement), --out <file>, --cases <dir>.
import { existsSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { formatReport, runConformance, type ValidatorLike } from './conformance.ts';

const repo = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const { values } = parseArgs({
  options: {
    verbose: { type: 'boolean', default: false },
    out: { type: 'string', default: join(repo, 'scripts', 'conformance', 'results.json') },
    cases: { type: 'string', default: join(repo, '..', 'shared', 'fhir', 'test-cases') },
  },
});

if (!existsSync(join(values.cases, 'manifest.json'))) {
  console.error(`conformance: no test cases at ${values.cases} (expected ../shared/fhir/test-cases beside the repo); nothing to run.`);
  process.exit(2);
}
const engine = join(repo, 'shared', 'dist', 'validation', 'index.js');
if (!existsSync(engine)) {
  console.error('conformance: shared/dist is missing; run `pnpm exec tsc -b` first.');
  process.exit(2);
}

const validation = (await import(engine)) as { createValidator(deps: { definitions: unknown; terminology: unknown; fhirpath: unknown }): ValidatorLike };
const node = (await import(join(repo, 'shared', 'dist', 'node', 'index.js'))) as { loadR4Definitions(): unknown; loadR4Terminology(): unknown; nodeFhirPathProvider: unknown };
const validator = validation.createValidator({ definitions: node.loadR4Definitions(), terminology: node.loadR4Terminology(), fhirpath: node.nodeFhirPathProvider });
const result = runConformance(validator, values.cases);
console.log(formatReport(result, values.verbose));
writeFileSync(values.out, `${JSON.stringify({ ...result, details: result.details }, null, 1)}\n`);
console.log(`\nwrote ${values.out}`);
