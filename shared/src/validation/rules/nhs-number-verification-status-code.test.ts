import { describe, expect, test } from 'vitest';
import { applyFix, NHS, patientWithIdentifier, run } from '../../../test/nhs-rules/harness.js';
import { nhsNumberVerificationStatusCode } from './nhs-number-verification-status-code.js';

const STATUS = 'https://fhir.hl7.org.uk/StructureDefinition/Extension-UKCore-NHSNumberVerificationStatus';
const CS = 'https://fhir.hl7.org.uk/CodeSystem/';
const withStatus = (system: string, code: string) =>
  patientWithIdentifier(NHS, '9434765919', {
    extension: [{ url: STATUS, valueCodeableConcept: { coding: [{ system, code }] } }],
  });

describe('nhs-number-verification-status-code', () => {
  test.each([
    [`${CS}UKCore-NHSNumberVerificationStatusEngland`, '01'],
    [`${CS}UKCore-NHSNumberVerificationStatusWales`, 'nn'],
    ['http://terminology.hl7.org/CodeSystem/v3-NullFlavor', 'NI'],
  ])('valid %s|%s', (s, c) => expect(run(nhsNumberVerificationStatusCode, withStatus(s, c))).toEqual([]));
  test('England 09 is an error', () => {
    expect(
      run(
        nhsNumberVerificationStatusCode,
        withStatus(`${CS}UKCore-NHSNumberVerificationStatusEngland`, '09'),
      ),
    ).toMatchObject([{ severity: 'error' }]);
  });
  test('retired system: error with a fix to the England system; warning with PDS compatibility', () => {
    const resource = withStatus(`${CS}UKCore-NHSNumberVerificationStatus`, '01');
    const [issue] = run(nhsNumberVerificationStatusCode, resource);
    expect(issue?.severity).toBe('error');
    expect(applyFix(resource, issue!)).toEqual(
      withStatus(`${CS}UKCore-NHSNumberVerificationStatusEngland`, '01'),
    );
    expect(
      run(nhsNumberVerificationStatusCode, resource, { settings: { pdsCompatibility: true } }),
    ).toMatchObject([{ severity: 'warning' }]);
  });
  test('code 1 is fixed to 01', () => {
    const resource = withStatus(`${CS}UKCore-NHSNumberVerificationStatusEngland`, '1');
    const [issue] = run(nhsNumberVerificationStatusCode, resource);
    expect(applyFix(resource, issue!)).toEqual(
      withStatus(`${CS}UKCore-NHSNumberVerificationStatusEngland`, '01'),
    );
  });
});
