import { describe, expect, test } from 'vitest';
import { applyFix, patientWithIdentifier, run } from '../../../test/nhs-rules/harness.js';
import { nhsIdentifierSystem } from './nhs-identifier-system.js';

describe('nhs-identifier-system', () => {
  test.each([
    'https://fhir.nhs.uk/Id/nhs-number',
    'https://fhir.hl7.org.uk/Id/gmc-number',
    'https://example.org/mrn',
  ])('fine: %s', (s) => {
    expect(run(nhsIdentifierSystem, patientWithIdentifier(s, '1'))).toEqual([]);
  });
  test.each([
    ['http://fhir.nhs.net/Id/nhs-number', 'https://fhir.nhs.uk/Id/nhs-number'],
    ['https://fhir.nhs.uk/Id/nhs-number/', 'https://fhir.nhs.uk/Id/nhs-number'],
    ['https://fhir.nhs.uk/Id/gmc-number', 'https://fhir.hl7.org.uk/Id/gmc-number'],
  ])('error with fix: %s', (s, canonical) => {
    const resource = patientWithIdentifier(s, '1');
    const [issue] = run(nhsIdentifierSystem, resource);
    expect(issue?.severity).toBe('error');
    expect(applyFix(resource, issue!)).toEqual(patientWithIdentifier(canonical, '1'));
  });
  test('OID and distant near-misses are warnings', () => {
    expect(
      run(nhsIdentifierSystem, patientWithIdentifier('urn:oid:2.16.840.1.113883.2.1.4.1', '1')),
    ).toMatchObject([{ severity: 'warning' }]);
    expect(
      run(nhsIdentifierSystem, patientWithIdentifier('https://fhir.nhs.uk/Id/nhs-numbr', '1')),
    ).toMatchObject([{ severity: 'warning' }]);
  });
});
