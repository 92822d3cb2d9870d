import { describe, expect, test } from 'vitest';
import { NHS, patientWithIdentifier, run } from '../../../test/nhs-rules/harness.js';
import { nhsNumberTestRange } from './nhs-number-test-range.js';

describe('nhs-number-test-range', () => {
  test('ordinary numbers are silent', () =>
    expect(run(nhsNumberTestRange, patientWithIdentifier(NHS, '9434765919'))).toEqual([]));
  test('999 prefix is information', () => {
    expect(run(nhsNumberTestRange, patientWithIdentifier(NHS, '9990548609'))).toMatchObject([
      { severity: 'information' },
    ]);
  });
  test('config can turn it off or raise it', () => {
    expect(
      run(nhsNumberTestRange, patientWithIdentifier(NHS, '9990548609'), {
        rules: { 'nhs-number-test-range': 'off' },
      }),
    ).toEqual([]);
    expect(
      run(nhsNumberTestRange, patientWithIdentifier(NHS, '9990548609'), {
        rules: { 'nhs-number-test-range': 'warning' },
      }),
    ).toMatchObject([{ severity: 'warning' }]);
  });
});
