/**
 * `wheelhouse identifier <kind> <value>`: checks one NHS identifier or URI in the context it appears in
 * (issue 4). Exit 0 whatever the verdict; 2 for an unknown kind or bad arguments.
 */
import { parseArgs } from 'node:util';
import { resolve } from 'node:path';
import {
  checkIdentifier,
  IDENTIFIER_KINDS,
  isIdentifierKind,
  verdictOf,
  type Finding,
  type IdentifierKind,
} from '@wheelhouse/shared/identifiers';
import { loadEngineOptions } from '@wheelhouse/shared/node';
import { ruleDocs } from '@wheelhouse/shared/validation';
import { UsageError, type Command, type CommandIO } from './command.js';

const NOUN: Record<IdentifierKind, string> = {
  'nhs-number': 'NHS number',
  'ods-code': 'ODS code',
  sctid: 'SNOMED CT id',
  'dmd-id': 'dm+d id',
  'prescription-id-short': 'short-form prescription id',
  'prescription-id-long': 'long-form prescription id',
  ubrn: 'UBRN',
  'system-uri': 'system URI',
  'canonical-url': 'canonical URL',
  'nhs-number-verification-status': 'NHS number verification status',
  'snomed-version': 'SNOMED CT version',
};

const usage = `Usage: wheelhouse identifier <kind> <value> [options]

Checks one NHS identifier or URI with the NHS rules (docs/rules/).

Kinds:
  ${IDENTIFIER_KINDS.join(', ')}

Options:
  --system <uri>          Identifier.system / Coding.system the value sits under
  --element <Type.path>   element the value appears in, e.g. Identifier.system, Coding.system,
                          meta.profile, Coding.extension(http://hl7.org/fhir/StructureDefinition/coding-sctdescid).valueId
  --fhir-version <x.y.z>  FHIR version of the payload (default from wheelhouse.config.json, else 4.0.1)
  --pds-compatibility     report retired PDS verification-status systems as warnings
  --format <text|json>    output format (default text)

JSON output: { "kind", "value", "verdict": "valid|warning|invalid", "rules": [ids], "message" }.
Exit code: 0 whatever the verdict; 2 for an unknown kind or bad arguments.`;

function parse(args: readonly string[]) {
  try {
    return parseArgs({
      args: [...args],
      allowPositionals: true,
      strict: true,
      options: {
        system: { type: 'string' },
        element: { type: 'string' },
        'fhir-version': { type: 'string' },
        'pds-compatibility': { type: 'boolean' },
        format: { type: 'string', default: 'text' },
      },
    });
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
}

function summary(kind: IdentifierKind, value: string, verdict: string, findings: readonly Finding[]): string {
  const shown = findings.filter((f) => f.severity !== 'information' || verdict === 'valid');
  if (shown.length > 0) return shown.map((f) => f.message).join(' ');
  return `${JSON.stringify(value)} is a valid ${NOUN[kind]}.`;
}

export const identifierCommand: Command = {
  name: 'identifier',
  usage,
  run(args: readonly string[], io: CommandIO): Promise<number> {
    const { values, positionals } = parse(args);
    const [kind, value, ...extra] = positionals;
    if (kind === undefined) throw new UsageError('missing <kind>');
    if (!isIdentifierKind(kind))
      throw new UsageError(`unknown kind "${kind}"; kinds: ${IDENTIFIER_KINDS.join(', ')}`);
    if (value === undefined) throw new UsageError('missing <value>');
    if (extra.length > 0) throw new UsageError(`unexpected argument "${extra[0] ?? ''}"`);
    if (values.format !== 'text' && values.format !== 'json')
      throw new UsageError(`--format must be text or json, not "${values.format}"`);
    const fhirVersionArg = values['fhir-version'];
    if (fhirVersionArg !== undefined && !/^[0-9]+\.[0-9]+\.[0-9]+$/.test(fhirVersionArg)) {
      throw new UsageError(`--fhir-version must look like 4.0.1, not "${fhirVersionArg}"`);
    }

    // The same config semantics as `wheelhouse validate` and the language server (loadEngineOptions).
    const engine = loadEngineOptions(resolve(io.cwd));
    for (const w of engine.warnings) io.stderr(`wheelhouse identifier: warning: ${w}\n`);
    const { ukCore } = engine.options.settings;

    const result = checkIdentifier(kind, value, {
      ...(values.system !== undefined ? { system: values.system } : {}),
      ...(values.element !== undefined ? { element: values.element } : {}),
      fhirVersion: fhirVersionArg ?? engine.options.settings.fhirVersion,
      pdsCompatibility: values['pds-compatibility'] ?? engine.options.settings.pdsCompatibility,
      ...(ukCore ? { ukCore } : {}),
    });
    // Per-rule severities from wheelhouse.config.json apply here as in the engine.
    const findings = result.findings.flatMap((f) => {
      const setting = engine.options.rules[f.ruleId];
      if (setting === 'off') return [];
      return [setting === undefined ? f : { ...f, severity: setting }];
    });
    const verdict = verdictOf(findings);
    const message = summary(kind, value, verdict, findings);

    if (values.format === 'json') {
      const out = { kind, value, verdict, rules: [...new Set(findings.map((f) => f.ruleId))], message };
      io.stdout(`${JSON.stringify(out, null, 2)}\n`);
      return Promise.resolve(0);
    }
    const lines = [`${NOUN[kind]} ${JSON.stringify(value)}: ${verdict}`];
    for (const f of findings) {
      lines.push(`  ${f.severity.padEnd(11)} ${f.ruleId}: ${f.message}`);
      if (f.fix) lines.push(`  ${''.padEnd(11)} fix: ${f.fix.title}`);
      lines.push(`  ${''.padEnd(11)} ${ruleDocs(f.ruleId)}`);
    }
    if (findings.length === 0) lines.push(`  ${message}`);
    io.stdout(`${lines.join('\n')}\n`);
    return Promise.resolve(0);
  },
};
