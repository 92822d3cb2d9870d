import { describe, expect, test } from 'vitest';
import { applyFix, observationWithCoding, run, SCT } from '../../../test/nhs-rules/harness.js';
import { snomedVersionFormat } from './snomed-version-format.js';

const coding = (version: string) => observationWithCoding({ system: SCT, code: '22298006', version });

describe('snomed-version-format', () => {
  test.each([
    'http://snomed.info/sct/83821000000107/version/20250312',
    'http://snomed.info/sct/83821000000107',
  ])('valid %s', (v) => {
    expect(run(snomedVersionFormat, coding(v))).toEqual([]);
  });
  test.each([
    '20250312',
    'http://snomed.info/sct/83821000000108/version/20250312',
    'http://snomed.info/sct/83821000000107/version/20251332',
  ])('invalid %s', (v) => expect(run(snomedVersionFormat, coding(v))).toMatchObject([{ severity: 'error' }]));
  test('trailing slash and hyphenated dates are fixed', () => {
    const a = coding('http://snomed.info/sct/731000124108/');
    expect(applyFix(a, run(snomedVersionFormat, a)[0]!)).toEqual(
      coding('http://snomed.info/sct/731000124108'),
    );
    const b = coding('http://snomed.info/sct/83821000000107/version/2025-03-12');
    expect(applyFix(b, run(snomedVersionFormat, b)[0]!)).toEqual(
      coding('http://snomed.info/sct/83821000000107/version/20250312'),
    );
  });
});
