import { describe, expect, test } from 'vitest';
import { applyFix, observationWithCoding, run, SCT } from '../../../test/nhs-rules/harness.js';
import { sctidFormat } from './sctid-format.js';

describe('sctid-format', () => {
  test.each(['22298006', '900000000000207008', '999000011000000103'])('valid %s', (c) => {
    expect(run(sctidFormat, observationWithCoding({ system: SCT, code: c }))).toEqual([]);
  });
  test('expressions are skipped', () => {
    expect(
      run(sctidFormat, observationWithCoding({ system: SCT, code: '22298006 |Myocardial infarction|' })),
    ).toEqual([]);
  });
  test.each(['12345', '1234567890123456789', 'H33..'])('invalid %s', (c) => {
    expect(run(sctidFormat, observationWithCoding({ system: SCT, code: c }))).toMatchObject([
      { severity: 'error' },
    ]);
  });
  test('leading zeros are fixed', () => {
    const resource = observationWithCoding({ system: SCT, code: '0022298006' });
    const [issue] = run(sctidFormat, resource);
    expect(applyFix(resource, issue!)).toEqual(observationWithCoding({ system: SCT, code: '22298006' }));
  });
  test('dm+d codes get the same checks', () => {
    expect(
      run(sctidFormat, observationWithCoding({ system: 'https://dmd.nhs.uk', code: '12345' }))[0]?.message,
    ).toContain('dm+d');
  });
});
