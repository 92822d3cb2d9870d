import { describe, expect, test } from 'vitest';
import { NHS, run, UKCORE_PATIENT } from '../../../test/nhs-rules/harness.js';
import { nhsNumberSlice } from './nhs-number-slice.js';

const ukPatient = (identifier: unknown[]) => ({
  resourceType: 'Patient',
  meta: { profile: [UKCORE_PATIENT] },
  identifier,
});

describe('nhs-number-slice', () => {
  test('one NHS number is fine', () =>
    expect(run(nhsNumberSlice, ukPatient([{ system: NHS, value: '9434765919' }]))).toEqual([]));
  test('two NHS numbers on a UK Core Patient', () => {
    const issues = run(
      nhsNumberSlice,
      ukPatient([
        { system: NHS, value: '9434765919' },
        { system: NHS, value: '9000000009' },
      ]),
    );
    expect(issues).toMatchObject([{ severity: 'error', path: ['identifier', 1] }]);
  });
  test('an NHS number without a value', () => {
    expect(run(nhsNumberSlice, ukPatient([{ system: NHS }]))).toHaveLength(1);
  });
  test('not a UK Core Patient: silent unless the profile is asked for', () => {
    const plain = {
      resourceType: 'Patient',
      identifier: [
        { system: NHS, value: '9434765919' },
        { system: NHS, value: '9000000009' },
      ],
    };
    expect(run(nhsNumberSlice, plain)).toEqual([]);
    expect(run(nhsNumberSlice, plain, { profiles: [UKCORE_PATIENT] })).toHaveLength(1);
  });
});
