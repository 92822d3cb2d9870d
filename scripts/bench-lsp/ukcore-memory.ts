// Memory of the engine with the core R4 definitions + terminology + UK Core 2.0.2 (all 78 snapshots generated),
// in one fresh Node process: what a language server holds once it loads UK Core (the server loads packages
// only through the engine's conformance source, which it does not wire yet). Prints one JSON line.
// Usage: node scripts/bench-lsp/ukcore-memory.ts <uk-core folder>
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  loadR4Definitions,
  loadR4Terminology,
  loadValidationConformance,
  nodeFhirPathProvider as fhirpath,
} from '../../shared/dist/node/index.js';
import { createValidator } from '../../shared/dist/validation/index.js';

const folder = process.argv[2];
if (!folder) {
  process.stderr.write('usage: node scripts/bench-lsp/ukcore-memory.ts <uk-core folder>\n');
  process.exit(2);
}
const rssMb = (): number =>
  Number(/VmRSS:\s+(\d+)/.exec(readFileSync('/proc/self/status', 'utf8'))?.[1] ?? 0) / 1024;
const baseline = rssMb();
const definitions = loadR4Definitions();
const terminology = loadR4Terminology();
const validator = createValidator({ definitions, terminology, fhirpath });
validator.validate('{ "resourceType": "Patient", "gender": "female" }');
const core = rssMb();
// An empty cache directory: snapshots are generated, not read from a previous run's cache.
const cacheDir = mkdtempSync(join(tmpdir(), 'wh-ukcore-mem-'));
const conformance = loadValidationConformance({
  definitions,
  workspaces: [folder],
  fhirCache: join(folder, '.no-fhir-cache'),
  cacheDir,
});
if (!conformance) throw new Error('unreachable: a workspace was given');
const generated = conformance.store.generateAllSnapshots();
const withUkCore = createValidator({ definitions, terminology, fhirpath, conformance: conformance.store });
withUkCore.validate(
  '{ "resourceType": "Patient", "meta": { "profile": ["https://fhir.hl7.org.uk/StructureDefinition/UKCore-Patient"] }, "gender": "female" }',
);
const ukCore = rssMb();
const status = readFileSync('/proc/self/status', 'utf8');
rmSync(cacheDir, { recursive: true, force: true });
process.stdout.write(
  `${JSON.stringify({ baselineMb: baseline, coreMb: core, coreAndUkCoreMb: ukCore, peakMb: Number(/VmHWM:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024, snapshots: typeof generated === 'number' ? generated : undefined })}\n`,
);
