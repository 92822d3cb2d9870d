import { describe, expect, test } from 'vitest';
import { observationWithCoding, run, SCT } from '../../../test/nhs-rules/harness.js';
import { readCodeDeprecated } from './read-code-deprecated.js';

describe('read-code-deprecated', () => {
  test('SNOMED is fine', () =>
    expect(run(readCodeDeprecated, observationWithCoding({ system: SCT, code: '22298006' }))).toEqual([]));
  test.each(['http://read.info/readv2', 'http://read.info/ctv3'])('%s is deprecated', (s) => {
    expect(run(readCodeDeprecated, observationWithCoding({ system: s, code: 'H33..' }))).toMatchObject([
      { severity: 'warning' },
    ]);
  });
});
