// All 134 NHS test vectors embedded in FHIR resources in their context and run through the engine with the NHS rules:
// the verdict (from the NHS rules' issues) and every rule id the vector lists must match.
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import { loadR4Definitions, nodeFhirPathProvider } from '../../src/node/index.js';
import { rules } from '../../src/validation/rules/index.js';
import { createValidator } from '../../src/validation/run.js';
import { NHS_ENGINE_RULE_IDS as NHS_RULE_IDS } from '../../src/validation/nhs-rules-support.js';
import { ukCore } from './harness.js';

const file = fileURLToPath(new URL('../../../../shared/domain/test-vectors.json', import.meta.url));
const present = existsSync(file) && ukCore !== undefined;
if (!present)
  console.warn(`Skipping engine NHS vectors: ${file} (or ukcore-index.json) not found beside the repo.`);

interface Vector {
  id: string;
  kind: string;
  input: string;
  context?: { system?: string; element?: string; fhirVersion?: string };
  verdict: string;
  rules: string[];
}
const vectors: Vector[] = present
  ? (JSON.parse(readFileSync(file, 'utf8')) as { vectors: Vector[] }).vectors
  : [];

const SCT = 'http://snomed.info/sct';
const DESC_EXT = 'http://hl7.org/fhir/StructureDefinition/coding-sctdescid';
const observation = (coding: Record<string, unknown>) => ({
  resourceType: 'Observation',
  status: 'final',
  code: { coding: [coding] },
});
const medicationRequest = (groupIdentifier: Record<string, unknown>) => ({
  resourceType: 'MedicationRequest',
  status: 'active',
  intent: 'order',
  subject: { reference: 'Patient/1' },
  medicationCodeableConcept: { text: 'x' },
  groupIdentifier,
});

/** A valid value for each system a vector names, so only the system itself is under test. */
const SAMPLE_VALUES: Record<string, string> = {
  'https://fhir.nhs.uk/Id/nhs-number': '9434765919',
  'https://fhir.nhs.uk/Id/ods-organization-code': 'RH8',
  'https://fhir.nhs.uk/Id/ods-site-code': 'RH802',
  'https://fhir.nhs.uk/Id/UBRN': '000000070000',
  'https://fhir.nhs.uk/Id/prescription-order-number': '24F5DA-A83008-7EFE6Z',
};

/** The vector's value placed where its context says it appears. */
function embed(v: Vector): Record<string, unknown> {
  const element = v.context?.element ?? '';
  switch (v.kind) {
    case 'nhs-number':
      return {
        resourceType: 'Patient',
        identifier: [{ system: 'https://fhir.nhs.uk/Id/nhs-number', value: v.input }],
      };
    case 'ods-code':
      return {
        resourceType: 'Organization',
        identifier: [
          { system: v.context?.system ?? 'https://fhir.nhs.uk/Id/ods-organization-code', value: v.input },
        ],
      };
    case 'ubrn':
      return {
        resourceType: 'ServiceRequest',
        status: 'active',
        intent: 'order',
        subject: { reference: 'Patient/1' },
        identifier: [{ system: 'https://fhir.nhs.uk/Id/UBRN', value: v.input }],
      };
    case 'system-uri':
      return element.startsWith('Identifier.')
        ? { resourceType: 'Patient', identifier: [{ system: v.input, value: SAMPLE_VALUES[v.input] ?? 'x' }] }
        : observation({ system: v.input, code: '22298006' });
    case 'snomed-version':
      return observation({ system: SCT, code: '22298006', version: v.input });
    case 'sctid':
      return element.includes(DESC_EXT)
        ? observation({ system: SCT, code: '22298006', extension: [{ url: DESC_EXT, valueId: v.input }] })
        : observation({ system: SCT, code: v.input });
    case 'dmd-id':
      return {
        resourceType: 'Medication',
        code: { coding: [{ system: 'https://dmd.nhs.uk', code: v.input }] },
      };
    case 'prescription-id-short':
      return medicationRequest({
        system: 'https://fhir.nhs.uk/Id/prescription-order-number',
        value: v.input,
      });
    case 'prescription-id-long':
      return medicationRequest({
        extension: [
          {
            url: 'https://fhir.nhs.uk/StructureDefinition/Extension-DM-PrescriptionId',
            valueIdentifier: { system: 'https://fhir.nhs.uk/Id/prescription', value: v.input },
          },
        ],
        system: 'https://fhir.nhs.uk/Id/prescription-order-number',
        value: '24F5DA-A83008-7EFE6Z',
      });
    case 'nhs-number-verification-status': {
      const bar = v.input.lastIndexOf('|');
      const coding = { system: v.input.slice(0, bar), code: v.input.slice(bar + 1) };
      const url = 'https://fhir.hl7.org.uk/StructureDefinition/Extension-UKCore-NHSNumberVerificationStatus';
      return {
        resourceType: 'Patient',
        identifier: [
          {
            extension: [{ url, valueCodeableConcept: { coding: [coding] } }],
            system: 'https://fhir.nhs.uk/Id/nhs-number',
            value: '9434765919',
          },
        ],
      };
    }
    case 'canonical-url':
      return element === 'extension.url'
        ? { resourceType: 'Patient', extension: [{ url: v.input, valueString: 'x' }] }
        : { resourceType: 'Patient', meta: { profile: [v.input] } };
    default:
      throw new Error(`no embedding for kind ${v.kind}`);
  }
}

describe.skipIf(!present)('NHS test vectors via the engine', () => {
  const validator = present
    ? createValidator({
        definitions: loadR4Definitions(),
        fhirpath: nodeFhirPathProvider,
        rules: rules.filter((r) => NHS_RULE_IDS.has(r.id)),
      })
    : undefined;
  test('every NHS engine rule is registered', () => {
    expect(
      rules
        .filter((r) => NHS_RULE_IDS.has(r.id))
        .map((r) => r.id)
        .sort(),
    ).toEqual([...NHS_RULE_IDS].sort());
  });
  test.each(vectors.map((v) => [v.id, v] as const))('%s', (_id, v) => {
    const text = JSON.stringify(embed(v), null, 2);
    const { issues } = validator!.validate(text, {
      settings: { ukCore, ...(v.context?.fhirVersion ? { fhirVersion: v.context.fhirVersion } : {}) },
    });
    expect(issues.filter((i) => i.ruleId === 'internal-rule-error')).toEqual([]);
    const verdict = issues.some((i) => i.severity === 'error')
      ? 'invalid'
      : issues.some((i) => i.severity === 'warning')
        ? 'warning'
        : 'valid';
    expect({ verdict, issues: issues.map((i) => `${i.severity} ${i.ruleId} ${i.location}`) }).toMatchObject({
      verdict: v.verdict,
    });
    const ids = issues.map((i) => i.ruleId);
    for (const rule of v.rules) expect(ids).toContain(rule);
  });
});
