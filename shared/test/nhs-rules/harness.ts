// Runs one NHS rule on a FHIR resource through the real engine (R4 definitions, built by `tsc -b`/build-definitions).
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { UkCoreFacts } from '../../src/identifiers/index.js';
import { ukCoreFactsFromIndex } from '../../src/identifiers/ukcore-index.js';
import { loadR4Definitions, nodeFhirPathProvider } from '../../src/node/index.js';
import type { Definitions } from '../../src/validation/definitions/index.js';
import type { Issue } from '../../src/validation/issue.js';
import type { EngineSettings, Rule } from '../../src/validation/rule.js';
import { createValidator } from '../../src/validation/run.js';

let definitions: Definitions | undefined;
function defs(): Definitions {
  definitions ??= loadR4Definitions();
  return definitions;
}

const indexFile = fileURLToPath(new URL('../../../../shared/domain/ukcore-index.json', import.meta.url));
/** UK Core facts from ../shared (undefined when the data folder is absent). */
export const ukCore: UkCoreFacts | undefined = existsSync(indexFile)
  ? ukCoreFactsFromIndex(JSON.parse(readFileSync(indexFile, 'utf8')))
  : undefined;

export interface RunOptions {
  settings?: Partial<EngineSettings>;
  profiles?: string[];
  rules?: Record<string, 'error' | 'warning' | 'information' | 'off'>;
}

/** The issues `rule` reports on `resource` (JSON-serialised), with UK Core facts injected when present. */
export function run(rule: Rule, resource: unknown, options: RunOptions = {}): Issue[] {
  const validator = createValidator({ definitions: defs(), fhirpath: nodeFhirPathProvider, rules: [rule] });
  const text = JSON.stringify(resource, null, 2);
  const { issues } = validator.validate(text, {
    settings: { ...(ukCore ? { ukCore } : {}), ...options.settings },
    ...(options.profiles ? { profiles: options.profiles } : {}),
    ...(options.rules ? { rules: options.rules } : {}),
  });
  return issues.filter((i) => i.ruleId === rule.id || i.ruleId === 'internal-rule-error');
}

/** Applies an issue's fix edits to the text the engine saw, and parses the result. */
export function applyFix(resource: unknown, issue: Issue): unknown {
  let text = JSON.stringify(resource, null, 2);
  const edits = [...(issue.fix?.edits ?? [])].sort((a, b) => b.offset - a.offset);
  for (const e of edits) text = text.slice(0, e.offset) + e.newText + text.slice(e.offset + e.length);
  return JSON.parse(text) as unknown;
}

export const NHS = 'https://fhir.nhs.uk/Id/nhs-number';
export const SCT = 'http://snomed.info/sct';
export const UKCORE_PATIENT = 'https://fhir.hl7.org.uk/StructureDefinition/UKCore-Patient';

export function patientWithIdentifier(
  system: string,
  value: string,
  extra: Record<string, unknown> = {},
): Record<string, unknown> {
  return { resourceType: 'Patient', identifier: [{ system, value, ...extra }] };
}

export function observationWithCoding(coding: Record<string, unknown>): Record<string, unknown> {
  return { resourceType: 'Observation', status: 'final', code: { coding: [coding] } };
}
