import { describe, expect, test } from 'vitest';
import { applyFix, run, ukCore } from '../../../test/nhs-rules/harness.js';
import { ukcoreUnknownCanonical } from './ukcore-unknown-canonical.js';

const patient = (profile: string) => ({ resourceType: 'Patient', meta: { profile: [profile] } });
if (!ukCore)
  console.warn('Skipping ukcore-unknown-canonical tests: ../shared/domain/ukcore-index.json not found.');

describe.skipIf(!ukCore)('ukcore-unknown-canonical', () => {
  test.each([
    'https://fhir.hl7.org.uk/StructureDefinition/UKCore-Patient',
    'http://hl7.org/fhir/StructureDefinition/Patient',
  ])('known: %s', (p) => {
    expect(run(ukcoreUnknownCanonical, patient(p))).toEqual([]);
  });
  test('typo suggests the nearest', () => {
    const resource = patient('https://fhir.hl7.org.uk/StructureDefinition/UKCore-Patients');
    const [issue] = run(ukcoreUnknownCanonical, resource);
    expect(issue?.severity).toBe('warning');
    expect(applyFix(resource, issue!)).toEqual(
      patient('https://fhir.hl7.org.uk/StructureDefinition/UKCore-Patient'),
    );
  });
  test('without the index the rule is silent', () => {
    expect(
      run(ukcoreUnknownCanonical, patient('https://fhir.hl7.org.uk/StructureDefinition/UKCore-Patients'), {
        settings: { ukCore: undefined },
      }),
    ).toEqual([]);
  });
});
