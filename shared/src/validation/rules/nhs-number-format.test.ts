import { describe, expect, test } from 'vitest';
import { applyFix, NHS, patientWithIdentifier, run } from '../../../test/nhs-rules/harness.js';
import { nhsNumberFormat } from './nhs-number-format.js';

describe('nhs-number-format', () => {
  test.each(['9434765919', '9434765911'])('valid format %s', (v) =>
    expect(run(nhsNumberFormat, patientWithIdentifier(NHS, v))).toEqual([]),
  );
  test('other systems are not NHS numbers', () =>
    expect(run(nhsNumberFormat, patientWithIdentifier('urn:x', '943 476 5919'))).toEqual([]));
  test.each(['943476591', '94347659I9', '94347659190'])('invalid %s', (v) => {
    const [issue, ...rest] = run(nhsNumberFormat, patientWithIdentifier(NHS, v));
    expect(rest).toEqual([]);
    expect(issue).toMatchObject({
      severity: 'error',
      path: ['identifier', 0, 'value'],
      location: 'Patient.identifier[0].value',
    });
    expect(issue?.fix).toBeUndefined();
  });
  test('spaces: quick fix strips them', () => {
    const resource = patientWithIdentifier(NHS, '943 476 5919');
    const [issue] = run(nhsNumberFormat, resource);
    expect(issue?.fix?.title).toContain('9434765919');
    expect(applyFix(resource, issue!)).toEqual(patientWithIdentifier(NHS, '9434765919'));
  });
});
