import { describe, expect, test } from 'vitest';
import { NHS, patientWithIdentifier, run } from '../../../test/nhs-rules/harness.js';
import { nhsNumberPlaceholder } from './nhs-number-placeholder.js';

describe('nhs-number-placeholder', () => {
  test('real numbers pass', () =>
    expect(run(nhsNumberPlaceholder, patientWithIdentifier(NHS, '9434765919'))).toEqual([]));
  test.each(['0000000000', '5555555555', '9999999999'])('%s is a placeholder (warning)', (v) => {
    expect(run(nhsNumberPlaceholder, patientWithIdentifier(NHS, v))).toMatchObject([{ severity: 'warning' }]);
  });
});
