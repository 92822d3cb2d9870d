import { describe, expect, test } from 'vitest';
import { NHS, patientWithIdentifier, run } from '../../../test/nhs-rules/harness.js';
import { nhsNumberVerificationStatusMissing } from './nhs-number-verification-status-missing.js';

const STATUS = 'https://fhir.hl7.org.uk/StructureDefinition/Extension-UKCore-NHSNumberVerificationStatus';

describe('nhs-number-verification-status-missing', () => {
  test('present', () => {
    const ext = [
      {
        url: STATUS,
        valueCodeableConcept: {
          coding: [
            {
              system: 'https://fhir.hl7.org.uk/CodeSystem/UKCore-NHSNumberVerificationStatusEngland',
              code: '01',
            },
          ],
        },
      },
    ];
    expect(
      run(nhsNumberVerificationStatusMissing, patientWithIdentifier(NHS, '9434765919', { extension: ext })),
    ).toEqual([]);
  });
  test('missing is information', () => {
    expect(run(nhsNumberVerificationStatusMissing, patientWithIdentifier(NHS, '9434765919'))).toMatchObject([
      { severity: 'information', path: ['identifier', 0] },
    ]);
  });
});
