// The FHIR conformance run: the engine over the HL7 validator test cases in ../shared/fhir/test-cases
// (see its README) and the R4 spec examples. Used by `pnpm conformance` (./run.ts) and by the floor test
// (shared/test/conformance.test.ts). Plain TypeScript with type-only imports, so Node runs it directly.
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { join } from 'node:path';

/** What we need of the engine: text in, issues out (the engine's `Validator`). */
export interface ValidatorLike {
  validate(text: string, options?: { fileName?: string; settings?: Record<string, unknown> }): { issues: readonly { ruleId: string; severity: string; message: string; location: string }[] };
}

interface ExpectedIssue {
  severity: string;
  text: string;
  expression?: string[] | null;
  txServer?: boolean;
}
export interface ManifestCase {
  id: string;
  file: string;
  fileInRepo?: boolean;
  module: string;
  coreOnlyBase?: boolean;
  options?: Record<string, unknown>;
  expected: { errorCount?: number; errorCountExcludingTxServer?: number; issues?: ExpectedIssue[] | null };
}

export interface CaseResult {
  id: string;
  module: string;
  file: string;
  expectedValid: boolean;
  ourErrors: number;
  /** Expected (non terminology-server) error locations, and how many of them we hit. */
  expectedLocations: number;
  locationsHit: number;
  agree: boolean;
  /** Our error issues (first few), for reading misses and false errors. */
  errors: string[];
}

export interface ModuleRow {
  module: string;
  cases: number;
  agree: number;
  falseErrors: number;
  misses: number;
}

export interface ConformanceResult {
  cases: number;
  expectedValid: number;
  expectedInvalid: number;
  agree: number;
  agreement: number;
  falseErrors: number;
  misses: number;
  expectedLocations: number;
  locationsHit: number;
  modules: ModuleRow[];
  specExamples: { files: number; withErrors: number; errors: number; failures: { file: string; errors: string[] }[] };
  details: CaseResult[];
  ms: number;
}

/**
 * The selection the issue defines: `coreOnlyBase` cases, minus those whose expected errors all come from the
 * terminology server (they need SNOMED/LOINC/tx.fhir.org; an offline validator cannot reproduce them).
 */
export function selectCases(cases: readonly ManifestCase[]): ManifestCase[] {
  return cases.filter((c) => {
    if (!c.coreOnlyBase) return false;
    const errors = c.expected.errorCount ?? 0;
    const own = c.expected.errorCountExcludingTxServer ?? errors;
    return !(errors > 0 && own === 0);
  });
}

/**
 * HL7 expressions -> our location form: drop the `/*Type/id*\/` annotations the validator adds after
 * resources and turn `value.ofType(Quantity)` into `valueQuantity`.
 */
export function normaliseLocation(expression: string): string {
  return expression
    .replace(/\/\*[^*]*\*\//g, '')
    .replace(/\.([a-zA-Z]+)\.ofType\(([a-zA-Z]+)\)/g, (_m, stem: string, type: string) => `.${stem}${type.charAt(0).toUpperCase()}${type.slice(1)}`)
    .replace(/\.$/, '');
}

/**
 * The harness switches of a case (manifest `options`) as engine settings; switches with no engine
 * counterpart are ignored. validateContains=IGNORE: contained resources are not validated;
 * examples=false: example URLs (example.org) are errors; security-checks: HTML in strings is an error;
 * noHtmlInMarkdown: HTML in markdown is an error.
 */
export function settingsFor(options: Record<string, unknown> | undefined): Record<string, unknown> {
  const settings: Record<string, unknown> = {};
  if (!options) return settings;
  if (options['validateContains'] === 'IGNORE') settings['validateContained'] = false;
  if (options['examples'] === false) settings['allowExampleUrls'] = false;
  if (options['security-checks'] === true) settings['securityChecks'] = true;
  if (options['noHtmlInMarkdown'] === true) settings['noHtmlInMarkdown'] = true;
  return settings;
}

function isError(severity: string): boolean {
  return severity === 'error' || severity === 'fatal';
}

export function runConformance(validator: ValidatorLike, testCasesDir: string): ConformanceResult {
  const started = performance.now();
  const manifest = JSON.parse(readFileSync(join(testCasesDir, 'manifest.json'), 'utf8')) as { cases: ManifestCase[] };
  const selected = selectCases(manifest.cases);
  const details: CaseResult[] = [];
  for (const c of selected) {
    const filePath = join(testCasesDir, 'files', c.file);
    const expectedValid = (c.expected.errorCountExcludingTxServer ?? c.expected.errorCount ?? 0) === 0;
    const text = existsSync(filePath) ? readFileSync(filePath, 'utf8') : '';
    const issues = validator.validate(text, { fileName: c.file, settings: settingsFor(c.options) }).issues.filter((i) => isError(i.severity));
    const ourLocations = new Set(issues.map((i) => normaliseLocation(i.location)));
    const expectedLocations = (c.expected.issues ?? [])
      .filter((i) => isError(i.severity) && !i.txServer && i.expression?.[0])
      .map((i) => normaliseLocation(i.expression![0]!));
    const locationsHit = expectedLocations.filter((l) => ourLocations.has(l)).length;
    details.push({
      id: c.id,
      module: c.module,
      file: c.file,
      expectedValid,
      ourErrors: issues.length,
      expectedLocations: expectedLocations.length,
      locationsHit,
      agree: expectedValid === (issues.length === 0),
      errors: issues.slice(0, 5).map((i) => `${i.ruleId} @ ${i.location}: ${i.message}`),
    });
  }

  const modules = new Map<string, ModuleRow>();
  for (const d of details) {
    const row = modules.get(d.module) ?? { module: d.module, cases: 0, agree: 0, falseErrors: 0, misses: 0 };
    row.cases++;
    if (d.agree) row.agree++;
    else if (d.expectedValid) row.falseErrors++;
    else row.misses++;
    modules.set(d.module, row);
  }

  const examplesDir = join(testCasesDir, 'r4-spec-examples');
  const failures: { file: string; errors: string[] }[] = [];
  let exampleFiles = 0;
  let exampleErrors = 0;
  if (existsSync(examplesDir)) {
    for (const file of readdirSync(examplesDir).filter((f) => f.endsWith('.json')).sort()) {
      exampleFiles++;
      const issues = validator.validate(readFileSync(join(examplesDir, file), 'utf8'), { fileName: file }).issues.filter((i) => isError(i.severity));
      exampleErrors += issues.length;
      if (issues.length > 0) failures.push({ file, errors: issues.slice(0, 5).map((i) => `${i.ruleId} @ ${i.location}: ${i.message}`) });
    }
  }

  const agree = details.filter((d) => d.agree).length;
  return {
    cases: details.length,
    expectedValid: details.filter((d) => d.expectedValid).length,
    expectedInvalid: details.filter((d) => !d.expectedValid).length,
    agree,
    agreement: details.length === 0 ? 0 : agree / details.length,
    falseErrors: details.filter((d) => !d.agree && d.expectedValid).length,
    misses: details.filter((d) => !d.agree && !d.expectedValid).length,
    expectedLocations: details.reduce((n, d) => n + d.expectedLocations, 0),
    locationsHit: details.reduce((n, d) => n + d.locationsHit, 0),
    modules: [...modules.values()].sort((a, b) => b.cases - a.cases || a.module.localeCompare(b.module)),
    specExamples: { files: exampleFiles, withErrors: failures.length, errors: exampleErrors, failures },
    details,
    ms: Math.round(performance.now() - started),
  };
}

/** The human report `pnpm conformance` prints. */
export function formatReport(r: ConformanceResult, verbose: boolean): string {
  const pct = (n: number): string => `${(n * 100).toFixed(1)} %`;
  const lines: string[] = [];
  lines.push(`FHIR conformance: ${r.cases} cases (${r.expectedValid} expected valid, ${r.expectedInvalid} expected invalid), ${r.ms} ms`);
  lines.push(`  agreement     ${r.agree}/${r.cases} = ${pct(r.agreement)}   (peer @medplum/core: 167/227 = 73.6 %)`);
  lines.push(`  false errors  ${r.falseErrors}   (expected valid, we report an error)`);
  lines.push(`  misses        ${r.misses}   (expected invalid, we report no error)`);
  lines.push(`  locations hit ${r.locationsHit}/${r.expectedLocations} expected error locations (not from the terminology server)`);
  lines.push('');
  lines.push(`  ${'module'.padEnd(16)} ${'cases'.padStart(5)} ${'agree'.padStart(5)} ${'false'.padStart(5)} ${'miss'.padStart(5)}`);
  for (const m of r.modules) {
    lines.push(`  ${m.module.padEnd(16)} ${String(m.cases).padStart(5)} ${String(m.agree).padStart(5)} ${String(m.falseErrors).padStart(5)} ${String(m.misses).padStart(5)}`);
  }
  lines.push('');
  lines.push(`R4 spec examples: ${r.specExamples.files} files, ${r.specExamples.withErrors} with errors (${r.specExamples.errors} errors)`);
  for (const f of r.specExamples.failures) lines.push(`  ${f.file}: ${f.errors.join(' | ')}`);
  const wrong = r.details.filter((d) => !d.agree);
  if (wrong.length > 0) {
    lines.push('');
    lines.push('Disagreements:');
    for (const d of wrong) {
      lines.push(`  ${d.expectedValid ? 'FALSE ERROR' : 'MISS       '} ${d.id} [${d.module}] ${d.file}`);
      if (verbose || d.expectedValid) for (const e of d.errors) lines.push(`      ${e}`);
    }
  }
  return lines.join('\n');
}
