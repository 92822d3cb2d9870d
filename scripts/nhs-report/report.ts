// Runs the NHS rules over the UK Core and NHS England sources in ../shared/fhir/sources and writes what they find to
// docs/reports/nhs-rules-on-sources.md. Run: pnpm exec tsc -b && pnpm nhs-report [--sources <dir>] [--out <file>]
// Uses the built engine (shared/dist) and the UK Core index from ../shared/domain.
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import type * as NodeAdapters from '../../shared/dist/node/index.js';
import type * as Validation from '../../shared/dist/validation/index.js';

type Issue = Validation.Issue;

const repo = fileURLToPath(new URL('../../', import.meta.url));
const dist = join(repo, 'shared', 'dist');
if (
  !existsSync(join(dist, 'validation', 'index.js')) ||
  !existsSync(join(dist, 'definitions', 'r4-core.json'))
) {
  process.stderr.write(
    'nhs-report: shared/dist is missing; run `pnpm exec tsc -b && pnpm --filter @wheelhouse/shared build` first.\n',
  );
  process.exit(2);
}
const { values } = parseArgs({
  options: {
    sources: { type: 'string', default: resolve(repo, '..', 'shared', 'fhir', 'sources') },
    index: { type: 'string', default: resolve(repo, '..', 'shared', 'domain', 'ukcore-index.json') },
    out: { type: 'string', default: join(repo, 'docs', 'reports', 'nhs-rules-on-sources.md') },
  },
});
if (!existsSync(values.sources) || !existsSync(values.index)) {
  process.stderr.write(
    `nhs-report: ${values.sources} or ${values.index} not found (the shared data folder sits beside the repo).\n`,
  );
  process.exit(2);
}

const {
  createValidator,
  rules,
  NHS_ENGINE_RULE_IDS: NHS_RULES,
} = (await import(join(dist, 'validation', 'index.js'))) as typeof Validation;
const { loadR4Definitions, nodeFhirPathProvider, ukCoreFactsFromIndex } = (await import(join(dist, 'node', 'index.js'))) as typeof NodeAdapters;

const CONFORMANCE = new Set([
  'StructureDefinition',
  'ValueSet',
  'CodeSystem',
  'ConceptMap',
  'CapabilityStatement',
  'NamingSystem',
  'ImplementationGuide',
  'SearchParameter',
  'OperationDefinition',
  'MessageDefinition',
  'GraphDefinition',
  'CompartmentDefinition',
]);

const ukCore = ukCoreFactsFromIndex(JSON.parse(readFileSync(values.index, 'utf8')));
const validator = createValidator({
  definitions: loadR4Definitions(),
  fhirpath: nodeFhirPathProvider,
  rules: rules.filter((r) => NHS_RULES.has(r.id)),
});

function jsonFiles(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir).sort()) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) out.push(...jsonFiles(p));
    else if (name.endsWith('.json')) out.push(p);
  }
  return out;
}

/** The sources: every `json/` folder under uk-core/<version>/ and nhs-england/<package>/. */
const sources: { name: string; dir: string }[] = [];
for (const group of ['uk-core', 'nhs-england']) {
  const base = join(values.sources, group);
  if (!existsSync(base)) continue;
  for (const name of readdirSync(base).sort()) {
    const dir = join(base, name, 'json');
    if (existsSync(dir)) sources.push({ name: `${group}/${name}`, dir });
  }
}

interface Finding {
  file: string;
  kind: 'example' | 'conformance';
  issue: Issue;
}
const findings: Finding[] = [];
const counts = new Map<string, { files: number; examples: number; conformance: number }>();
let withProfile = 0;
const started = performance.now();
for (const source of sources) {
  const stats = { files: 0, examples: 0, conformance: 0 };
  for (const file of jsonFiles(source.dir)) {
    const text = readFileSync(file, 'utf8');
    let resourceType: unknown;
    try {
      resourceType = (JSON.parse(text) as { resourceType?: unknown }).resourceType;
    } catch {
      continue; // package manifests and broken files are not FHIR resources
    }
    if (typeof resourceType !== 'string') continue;
    const kind = CONFORMANCE.has(resourceType) ? 'conformance' : 'example';
    if (kind === 'example' && /"profile"\s*:/.test(text)) withProfile++;
    stats.files++;
    stats[kind === 'example' ? 'examples' : 'conformance']++;
    // UK Core examples rarely carry meta.profile; they exemplify UK Core's profile for their type, so ask for it.
    const implied = `https://fhir.hl7.org.uk/StructureDefinition/UKCore-${resourceType}`;
    const profiles =
      source.name.startsWith('uk-core/') && kind === 'example' && ukCore.canonicals.has(implied)
        ? [implied]
        : [];
    const { issues } = validator.validate(text, {
      fileName: file,
      profiles,
      settings: { ukCore, fhirVersion: '4.0.1' },
    });
    for (const issue of issues)
      findings.push({ file: `${source.name}/${relative(source.dir, file)}`, kind, issue });
  }
  counts.set(source.name, stats);
}
const seconds = (performance.now() - started) / 1000;

const ruleIds = [...NHS_RULES, 'internal-rule-error'];
const sourceNames = sources.map((s) => s.name);
const cell = (rule: string, source: string, kind?: Finding['kind']) =>
  findings.filter(
    (f) =>
      f.issue.ruleId === rule && f.file.startsWith(`${source}/`) && (kind === undefined || f.kind === kind),
  ).length;

const lines: string[] = [];
lines.push('# NHS rules on the UK Core and NHS England sources', '');
lines.push(
  'Generated by `pnpm nhs-report` (scripts/nhs-report/report.ts): the 30 NHS rules of the engine (docs/rules/) over every',
);
lines.push(
  'FHIR JSON resource in `../shared/fhir/sources/*/*/json/` (R4 JSON converted from the authored XML, see that folder’s',
);
lines.push(
  'README), with the UK Core index `../shared/domain/ukcore-index.json`, FHIR version 4.0.1 and default severities.',
);
lines.push(
  '"Examples" are instance resources; "conformance" are StructureDefinitions, ValueSets, CodeSystems and the like.',
  '',
);
lines.push(
  '| source | resources | examples | conformance | errors | warnings | information |',
  '| --- | ---: | ---: | ---: | ---: | ---: | ---: |',
);
for (const s of sourceNames) {
  const c = counts.get(s)!;
  const of = (sev: string) =>
    findings.filter((f) => f.file.startsWith(`${s}/`) && f.issue.severity === sev).length;
  lines.push(
    `| ${s} | ${c.files} | ${c.examples} | ${c.conformance} | ${of('error')} | ${of('warning')} | ${of('information')} |`,
  );
}
lines.push(
  '',
  `Run time: ${seconds.toFixed(1)} s for ${[...counts.values()].reduce((n, c) => n + c.files, 0)} resources (machine: 2-core x86_64, 24 GB, Node ${process.versions.node}).`,
  '',
);
lines.push('## Findings per rule', '', 'Counts as examples / conformance resources.', '');
lines.push(`| rule | ${sourceNames.join(' | ')} |`, `| --- | ${sourceNames.map(() => '---:').join(' | ')} |`);
for (const rule of ruleIds) {
  const row = sourceNames.map((s) => `${cell(rule, s, 'example')} / ${cell(rule, s, 'conformance')}`);
  if (row.every((r) => r === '0 / 0')) continue;
  lines.push(`| [${rule}](../rules/${rule}.md) | ${row.join(' | ')} |`);
}
const silent = ruleIds.filter((r) => !findings.some((f) => f.issue.ruleId === r));
lines.push(
  '',
  `Profile-gated rules (nhs-number-slice, ukcore-ods-slice, ukcore-constraint, the profile parts of ukcore-required-binding) fire only on resources that claim the profile in meta.profile (or are validated with --profile / config profiles); ${withProfile} of the ${[...counts.values()].reduce((n, c) => n + c.examples, 0)} examples mention a profile, so UK Core examples are validated against UKCore-<resourceType> when that profile exists (top-level resource only).`,
);
lines.push('', `Rules with no findings: ${silent.map((r) => `\`${r}\``).join(', ')}.`, '');
lines.push('## Details', '', 'Up to 12 findings per rule.', '');
for (const rule of ruleIds) {
  const mine = findings.filter((f) => f.issue.ruleId === rule);
  if (mine.length === 0) continue;
  lines.push(`### ${rule} (${mine.length})`, '');
  for (const f of mine.slice(0, 12)) {
    lines.push(
      `- ${f.issue.severity} \`${f.file}\` ${f.issue.location}: ${f.issue.message.replace(/\|/g, '\\|')}`,
    );
  }
  if (mine.length > 12) lines.push(`- … and ${mine.length - 12} more`);
  lines.push('');
}
writeFileSync(values.out, `${lines.join('\n')}\n`);
process.stdout.write(
  `nhs-report: ${findings.length} findings in ${seconds.toFixed(1)} s; wrote ${values.out}\n`,
);
