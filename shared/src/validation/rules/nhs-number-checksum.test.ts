import { describe, expect, test } from 'vitest';
import { NHS, patientWithIdentifier, run } from '../../../test/nhs-rules/harness.js';
import { nhsNumberChecksum } from './nhs-number-checksum.js';

describe('nhs-number-checksum', () => {
  test.each(['9434765919', '9111231130', '9000000009'])('valid %s', (v) =>
    expect(run(nhsNumberChecksum, patientWithIdentifier(NHS, v))).toEqual([]),
  );
  test('wrong check digit reports the expected digit, no auto-fix', () => {
    const [issue] = run(nhsNumberChecksum, patientWithIdentifier(NHS, '9434765911'));
    expect(issue).toMatchObject({ severity: 'error', data: { expectedCheckDigit: 9 } });
    expect(issue?.fix).toBeUndefined();
  });
  test('a prefix that can never be valid', () => {
    const [issue] = run(nhsNumberChecksum, patientWithIdentifier(NHS, '4000000080'));
    expect(issue?.message).toContain('can never be valid');
  });
  test('found in Bundle entries and contained resources too', () => {
    const bundle = {
      resourceType: 'Bundle',
      type: 'collection',
      entry: [
        {
          fullUrl: 'urn:uuid:0d4d1d3e-6a1b-4b7e-9d0f-4b1b1b1b1b1b',
          resource: patientWithIdentifier(NHS, '9000000000'),
        },
      ],
    };
    expect(run(nhsNumberChecksum, bundle).map((i) => i.location)).toEqual([
      'Bundle.entry[0].resource.identifier[0].value',
    ]);
  });
});
