/**
 * HL7 validator test cases that need supporting files or test packages (not the core-only ones
 * `pnpm conformance` runs): loads each case's profiles / value sets / code systems / .tgz packages
 * into a ConformanceStore and validates the input (base step, plus the profile step against its
 * profile), comparing the valid/invalid verdict with the HL7 Java validator's. Cases needing a
 * network fetch, packages not in ../shared, or whose expected errors all come from the terminology
 * server are left out. Prints a per-module table; `--out <file>` also writes the figures as JSON (the floor
 * test reads them). Run after `tsc -b`: node scripts/ukcore/fhir-test-cases.ts [--verbose] [--out results.json]
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { loadR4Definitions, loadR4Terminology, nodeFhirPathProvider as fhirpath } from '../../shared/dist/node/index.js';
import { loadCoreDefinitionEntries, readTgz } from '../../shared/dist/node/packages/index.js';
import { ConformanceStore, conformanceResourcesIn, parseJsonResource } from '../../shared/dist/packages/index.js';
import { fhirXmlToJson } from '../../shared/dist/xml/index.js';
import { createValidator } from '../../shared/dist/validation/index.js';

interface Expected { errorCount?: number; errorCountExcludingTxServer?: number }
interface Case {
  id: string; module: string; file: string; useTest?: boolean; coreOnlyBase?: boolean; needsNetworkFetch?: boolean;
  externalPackagesNotInRepo?: string[] | null; inputIsParseableFhirJson?: boolean;
  supporting?: { file: string; kind?: string; inRepo: boolean; convertedJson?: string }[] | null;
  packages?: { package: string; file?: string; inRepo: boolean }[] | null;
  expected: Expected; profileStep?: { source: string; sourceInRepo?: boolean; supporting?: Case['supporting']; packages?: Case['packages']; expected: Expected } | null;
}

const { values } = parseArgs({ options: { verbose: { type: 'boolean', default: false }, cases: { type: 'string' }, out: { type: 'string' } } });
const dir = resolve(values.cases ?? join(import.meta.dirname, '../../../shared/fhir/test-cases'));
if (!existsSync(join(dir, 'manifest.json'))) {
  console.error(`No test cases at ${dir} (../shared beside the repo).`);
  process.exit(2);
}
const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as { cases: Case[] };
const definitions = loadR4Definitions();
const terminology = loadR4Terminology();
const core = loadCoreDefinitionEntries({ cacheDir: join(import.meta.dirname, '../../node_modules/.cache/wheelhouse') });
const files = join(dir, 'files');

/** Loads supporting files and packages; undefined when something needed is not here. */
function storeFor(supporting: Case['supporting'], packages: Case['packages']): ConformanceStore | undefined {
  const store = new ConformanceStore();
  for (const e of core) store.addLazy(e.url, 'StructureDefinition', e.version || undefined, { source: 'core' }, e.load);
  for (const s of supporting ?? []) {
    if (s.kind === 'supporting-r5-format') return undefined; // R5-format files are not converted here
    if (s.kind !== undefined && s.kind !== 'supporting' && s.kind !== 'profiles') continue;
    if (!s.inRepo) return undefined;
    const path = s.convertedJson ? join(dir, 'files-converted', s.convertedJson) : join(files, s.file);
    if (!existsSync(path)) return undefined;
    const text = readFileSync(path, 'utf8');
    const value = path.endsWith('.xml') ? fhirXmlToJson(text, definitions) : parseJsonResource(text);
    for (const r of conformanceResourcesIn(value)) store.add(r, { source: 'test', file: s.file });
  }
  for (const p of packages ?? []) {
    if (p.package.startsWith('hl7.fhir.r4.core')) continue;
    if (!p.file || !p.inRepo || !existsSync(join(files, p.file)) || !p.file.endsWith('.tgz')) return undefined;
    const contents = readTgz(join(files, p.file));
    for (const f of contents.files) for (const r of conformanceResourcesIn(parseJsonResource(f.text))) store.add(r, { source: p.package });
  }
  return store;
}

const rows = new Map<string, { cases: number; agree: number; falseErrors: number; misses: number }>();
const lines: string[] = [];
let skipped = 0;
const run = (id: string, module: string, file: string, expected: Expected, store: ConformanceStore, profiles: string[]): void => {
  const errors = expected.errorCount ?? 0;
  const own = expected.errorCountExcludingTxServer ?? errors;
  if (errors > 0 && own === 0) {
    skipped++;
    return;
  }
  const text = readFileSync(join(files, file), 'utf8');
  const validator = createValidator({ definitions, terminology, fhirpath, conformance: store });
  const ours = validator.validate(text, { fileName: file, profiles }).issues.filter((i) => i.severity === 'error');
  const expectedValid = own === 0;
  const agree = expectedValid === (ours.length === 0);
  const row = rows.get(module) ?? { cases: 0, agree: 0, falseErrors: 0, misses: 0 };
  row.cases++;
  if (agree) row.agree++;
  else if (expectedValid) row.falseErrors++;
  else row.misses++;
  rows.set(module, row);
  if (!agree) lines.push(`  ${expectedValid ? 'FALSE ERROR' : 'MISS       '} ${id} [${module}] ${ours.slice(0, 2).map((i) => `${i.ruleId} @ ${i.location}: ${i.message}`).join(' | ')}`);
};

for (const c of manifest.cases) {
  if (c.coreOnlyBase || c.useTest === false || c.needsNetworkFetch || (c.externalPackagesNotInRepo?.length ?? 0) > 0 || c.inputIsParseableFhirJson === false) continue;
  if (!c.file.endsWith('.json') || !existsSync(join(files, c.file))) continue;
  const store = storeFor(c.supporting, c.packages);
  if (!store) {
    skipped++;
    continue;
  }
  run(c.id, c.module ?? 'none', c.file, c.expected, store, []);
  const step = c.profileStep;
  if (step && step.sourceInRepo !== false) {
    const stepStore = storeFor([...(c.supporting ?? []), ...(step.supporting ?? [])], [...(c.packages ?? []), ...(step.packages ?? [])]);
    let source = step.source;
    if (stepStore && !/^https?:/.test(source)) {
      const path = join(files, source);
      const sd = existsSync(path) ? conformanceResourcesIn(parseJsonResource(readFileSync(path, 'utf8')))[0] : undefined;
      if (sd?.url) {
        stepStore.add(sd, { source: 'test' });
        source = sd.url;
      } else source = '';
    }
    if (stepStore && source) run(`${c.id}#profile`, c.module ?? 'none', c.file, step.expected, stepStore, [source]);
    else skipped++;
  }
}

let cases = 0;
let agree = 0;
let falseErrors = 0;
console.log(`  ${'module'.padEnd(20)} cases agree false  miss`);
for (const [module, r] of [...rows].sort((a, b) => b[1].cases - a[1].cases)) {
  cases += r.cases;
  agree += r.agree;
  falseErrors += r.falseErrors;
  console.log(`  ${module.padEnd(20)} ${String(r.cases).padStart(5)} ${String(r.agree).padStart(5)} ${String(r.falseErrors).padStart(5)} ${String(r.misses).padStart(5)}`);
}
console.log(`Agreement: ${agree}/${cases} = ${((100 * agree) / Math.max(1, cases)).toFixed(1)} % (${skipped} steps left out: missing files/packages or terminology-server-only errors)`);
if (values.verbose) console.log(lines.join('\n'));
if (values.out) writeFileSync(values.out, `${JSON.stringify({ cases, agree, falseErrors, skipped, modules: Object.fromEntries(rows), disagreements: lines.map((l) => l.trim()) }, null, 1)}\n`);
