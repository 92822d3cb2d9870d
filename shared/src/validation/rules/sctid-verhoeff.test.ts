import { describe, expect, test } from 'vitest';
import { observationWithCoding, run, SCT } from '../../../test/nhs-rules/harness.js';
import { sctidVerhoeff } from './sctid-verhoeff.js';

describe('sctid-verhoeff', () => {
  test.each(['22298006', '39732311000001104'])('valid %s', (c) =>
    expect(run(sctidVerhoeff, observationWithCoding({ system: SCT, code: c }))).toEqual([]),
  );
  test('altered check digit', () => {
    expect(run(sctidVerhoeff, observationWithCoding({ system: SCT, code: '22298007' }))).toMatchObject([
      { severity: 'error', data: { expectedCheckDigit: 6 }, path: ['code', 'coding', 0, 'code'] },
    ]);
  });
});
