/**
 * Validates every example of a UK Core / NHS England source folder (JSON and XML) against that
 * folder's own profiles (loaded as a workspace, snapshots generated), as `wheelhouse validate
 * --workspace <folder>` does. Prints the load time, the missing-dependency messages, counts per rule,
 * and every error; `--report <file.md>` writes them as a markdown report (docs/reports/uk-core-*.md).
 * Run after `tsc -b`: node scripts/ukcore/validate.ts ../shared/fhir/sources/uk-core/2.0.2 [--package <dir|tgz>]...
 */
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { loadR4Definitions, loadR4Terminology, loadValidationConformance, nodeFhirPathProvider as fhirpath } from '../../shared/dist/node/index.js';
import { createValidator } from '../../shared/dist/validation/index.js';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { package: { type: 'string', multiple: true }, report: { type: 'string' }, 'fhir-cache': { type: 'string' }, 'cache-dir': { type: 'string' }, examples: { type: 'string', multiple: true }, 'no-type-profiles': { type: 'boolean', default: false } },
});
const folder = resolve(positionals[0] ?? '../shared/fhir/sources/uk-core/2.0.2');
if (!existsSync(folder)) {
  console.error(`No such folder: ${folder}`);
  process.exit(2);
}
const definitions = loadR4Definitions();
const terminology = loadR4Terminology();
let t = performance.now();
const conformance = loadValidationConformance({
  definitions,
  workspaces: [folder],
  packages: values.package ?? [],
  fhirCache: values['fhir-cache'] ?? join(folder, '.no-fhir-cache'),
  ...(values['cache-dir'] ? { cacheDir: values['cache-dir'] } : {}),
});
const loadMs = performance.now() - t;
if (!conformance) throw new Error('unreachable: a workspace was given');
t = performance.now();
const generated = conformance.store.generateAllSnapshots();
const snapshotMs = performance.now() - t;
const snapshotProblems = [...conformance.store.snapshotMessages()];
const validator = createValidator({ definitions, terminology, fhirpath, conformance: conformance.store });

// Examples rarely claim a profile in meta.profile; like the IG publisher's example check, each one is
// also validated against the folder's own profile for its resource type (`<Prefix>-<Type>`, or the
// only constraint profile of that type). `--no-type-profiles` turns that off.
const byType = new Map<string, string[]>();
for (const entry of conformance.store.all('StructureDefinition')) {
  const origin = entry.origin;
  if (!origin.source.startsWith('workspace:')) continue;
  const sd = entry.resource as { type?: string; kind?: string; derivation?: string; id?: string; url?: string; baseDefinition?: string };
  if (!origin.source.startsWith('workspace:') || sd.kind !== 'resource' || sd.derivation !== 'constraint' || !sd.type || !sd.url) continue;
  if (sd.baseDefinition !== `http://hl7.org/fhir/StructureDefinition/${sd.type}`) continue;
  byType.set(sd.type, [...(byType.get(sd.type) ?? []), sd.url]);
}
const typeProfile = (resourceType: string): string | undefined => {
  const urls = byType.get(resourceType) ?? [];
  return urls.find((u) => u.endsWith(`-${resourceType}`)) ?? (urls.length === 1 ? urls[0] : undefined);
};

const files: string[] = [];
const walk = (dir: string): void => {
  for (const name of readdirSync(dir).sort()) {
    const full = join(dir, name);
    if (statSync(full).isDirectory()) walk(full);
    else if (/\.(json|xml)$/.test(name) && /(^|\/)examples?(\/|$)/i.test(relative(folder, full))) files.push(full);
  }
};
for (const sub of values.examples ?? ['.']) walk(resolve(folder, sub));

const counts = new Map<string, number>();
const errors: string[] = [];
let withErrors = 0;
t = performance.now();
for (const file of files) {
  const text = readFileSync(file, 'utf8');
  const rt = /"resourceType"\s*:\s*"([A-Za-z]+)"/.exec(text)?.[1] ?? /<([A-Za-z]+)[\s>]/.exec(text.replace(/<\?xml[^>]*>/, '').replace(/<!--[\s\S]*?-->/g, ''))?.[1];
  const profile = values['no-type-profiles'] || !rt ? undefined : typeProfile(rt);
  const result = validator.validate(text, { fileName: file, settings: { allowUnresolvedExtensionDomains: conformance.unresolvedDomains }, ...(profile ? { profiles: [profile] } : {}) });
  let any = false;
  for (const i of result.issues) {
    const key = `${i.severity} ${i.ruleId}`;
    counts.set(key, (counts.get(key) ?? 0) + 1);
    if (i.severity === 'error') {
      any = true;
      errors.push(`${relative(folder, file)} | ${i.ruleId} | ${i.location} | ${i.message.replace(/\|/g, '\\|')}`);
    }
  }
  if (any) withErrors++;
}
const validateMs = performance.now() - t;
conformance.saveSnapshots();

const lines = [
  `Folder: ${folder}`,
  `Loaded in ${loadMs.toFixed(0)} ms; ${generated} snapshots generated in ${snapshotMs.toFixed(0)} ms; ${snapshotProblems.length} profiles with snapshot problems`,
  ...conformance.issues.map((i) => `Package issue: ${i.message}`),
  ...(conformance.unresolvedDomains.length ? [`Extensions under ${conformance.unresolvedDomains.join(', ')} are not reported as unknown (they belong to the missing packages)`] : []),
  ...snapshotProblems.slice(0, 20).map(([url, m]) => `Snapshot: ${url}: ${m.map((x) => x.message).join('; ')}`),
  `${files.length} example files validated in ${validateMs.toFixed(0)} ms; ${withErrors} with errors`,
  ...[...counts].sort().map(([k, n]) => `  ${k}: ${n}`),
  '',
  'Errors (file | rule | location | message):',
  ...errors,
];
console.log(lines.join('\n'));
if (values.report) writeFileSync(values.report, `${lines.join('\n')}\n`);
