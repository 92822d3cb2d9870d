import { describe, expect, test } from 'vitest';
import { applyFix, run, ukCore } from '../../../test/nhs-rules/harness.js';
import { ukcoreDeprecatedCareconnect } from './ukcore-deprecated-careconnect.js';

const CC_PATIENT = 'https://fhir.hl7.org.uk/STU3/StructureDefinition/CareConnect-Patient-1';
const patient = (profile: string) => ({ resourceType: 'Patient', meta: { profile: [profile] } });

describe('ukcore-deprecated-careconnect', () => {
  test('UK Core profile is fine', () => {
    expect(
      run(ukcoreDeprecatedCareconnect, patient('https://fhir.hl7.org.uk/StructureDefinition/UKCore-Patient')),
    ).toEqual([]);
  });
  test('CareConnect profile in R4: warning', () => {
    expect(run(ukcoreDeprecatedCareconnect, patient(CC_PATIENT))).toMatchObject([
      { severity: 'warning', path: ['meta', 'profile', 0] },
    ]);
  });
  test('silent in STU3 payloads', () => {
    expect(
      run(ukcoreDeprecatedCareconnect, patient(CC_PATIENT), { settings: { fhirVersion: '3.0.2' } }),
    ).toEqual([]);
  });
  test('extension URLs and code systems too', () => {
    const resource = {
      resourceType: 'Patient',
      extension: [
        {
          url: 'https://fhir.hl7.org.uk/STU3/StructureDefinition/Extension-CareConnect-EthnicCategory-1',
          valueString: 'x',
        },
      ],
      maritalStatus: {
        coding: [
          {
            system: 'https://fhir.hl7.org.uk/STU3/CodeSystem/CareConnect-NHSNumberVerificationStatus-1',
            code: '01',
          },
        ],
      },
    };
    expect(run(ukcoreDeprecatedCareconnect, resource).map((i) => i.location)).toEqual([
      'Patient.extension[0].url',
      'Patient.maritalStatus.coding[0].system',
    ]);
  });
  test.skipIf(!ukCore)('fix maps to the UK Core profile (needs ../shared/domain/ukcore-index.json)', () => {
    const [issue] = run(ukcoreDeprecatedCareconnect, patient(CC_PATIENT));
    expect(applyFix(patient(CC_PATIENT), issue!)).toEqual(
      patient('https://fhir.hl7.org.uk/StructureDefinition/UKCore-Patient'),
    );
  });
});
