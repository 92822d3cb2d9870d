/**
 * Generates each published snapshot of a FHIR package from its differential and reports
 * element-by-element agreement (issue 6). Run: `pnpm snapshots:check [packageDir] [--verbose] [--json out.json]`.
 * Default package: ../shared/fhir/packages/UK.Core.r4#1.2.0/package. Needs `tsc -b` first (imports shared/dist).
 */
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { compareSnapshots, SnapshotGenerator } from '../../shared/dist/profiles/index.js';
import type { StructureDefinition } from '../../shared/dist/profiles/index.js';
import { loadCoreDefinitions } from '../../shared/dist/node/packages/core-definitions.js';

const root = resolve(import.meta.dirname, '../..');
const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { verbose: { type: 'boolean', default: false }, json: { type: 'string' }, 'cache-dir': { type: 'string' } },
});
const packageDir = resolve(positionals[0] ?? join(root, '../shared/fhir/packages/UK.Core.r4#1.2.0/package'));
if (!existsSync(packageDir)) {
  console.error(`Package folder not found: ${packageDir} (the shared FHIR data is beside the repo in ../shared).`);
  process.exit(2);
}

const core = loadCoreDefinitions({ cacheDir: values['cache-dir'] ?? join(root, 'node_modules/.cache/wheelhouse') });
const byUrl = new Map<string, StructureDefinition>(core.map((sd) => [sd.url, sd]));
const published: StructureDefinition[] = [];
for (const file of readdirSync(packageDir)) {
  if (!file.endsWith('.json')) continue;
  const r = JSON.parse(readFileSync(join(packageDir, file), 'utf8')) as StructureDefinition;
  if (r.resourceType !== 'StructureDefinition') continue;
  if (r.snapshot?.element.length) published.push(r);
  // Every package profile is generated from its differential, bases and type profiles included.
  const { snapshot: _snapshot, ...withoutSnapshot } = r;
  byUrl.set(r.url, withoutSnapshot);
}

const generator = new SnapshotGenerator({ get: (url) => byUrl.get(url.split('|')[0] ?? url) });
let total = 0;
let agreeing = 0;
let generatedTotal = 0;
const rows: { id: string; published: number; agreeing: number; differences: unknown[]; messages: unknown[] }[] = [];
const started = performance.now();
for (const sd of published.sort((a, b) => (a.id ?? '').localeCompare(b.id ?? ''))) {
  const { elements, messages } = generator.generate(byUrl.get(sd.url) ?? sd);
  const cmp = compareSnapshots(sd.snapshot?.element ?? [], elements);
  total += cmp.published;
  agreeing += cmp.agreeing;
  generatedTotal += cmp.generated;
  rows.push({ id: sd.id ?? sd.url, published: cmp.published, agreeing: cmp.agreeing, differences: cmp.differences, messages });
  const pct = ((100 * cmp.agreeing) / Math.max(1, cmp.published)).toFixed(1);
  console.log(`${pct.padStart(6)} %  ${String(cmp.agreeing).padStart(4)}/${String(cmp.published).padEnd(4)} (generated ${cmp.generated})  ${sd.id}`);
  if (values.verbose) {
    for (const d of cmp.differences) console.log(`          ${d.id}: ${d.facets.join(', ')} ${d.expected ? `expected ${JSON.stringify(d.expected)} got ${JSON.stringify(d.actual)}` : ''}`);
    for (const m of messages) console.log(`          [${m.severity}] ${m.message}`);
  }
}
const ms = performance.now() - started;
console.log(`\nAgreement: ${agreeing}/${total} published elements = ${((100 * agreeing) / total).toFixed(2)} % over ${published.length} snapshots (generated ${generatedTotal} elements in ${ms.toFixed(0)} ms)`);
if (values.json) writeFileSync(values.json, JSON.stringify({ total, agreeing, generated: generatedTotal, profiles: rows }, null, 1));
