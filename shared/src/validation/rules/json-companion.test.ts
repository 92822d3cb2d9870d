import { describe, expect, test } from 'vitest';
import { definitionsMissing, issuesOf, validator } from '../../../test/engine.js';

const pat = { resourceType: 'Patient', id: 'p1', name: [{ family: 'Smith', given: ['Jane'] }], gender: 'female', birthDate: '1985-07-14' };

describe.skipIf(definitionsMissing !== undefined)('json-companion', () => {
  const v = definitionsMissing ? undefined : validator();
  const run = (input: unknown): string[] => issuesOf(v!, 'json-companion', input);

  test('valid: aligned arrays', () => expect(run({ ...pat, name: [{ given: ['Jane', 'Anne'], _given: [null, { id: 'g2' }] }] })).toEqual([]));
  test.each([
    ['misaligned', { ...pat, name: [{ given: ['Jane'], _given: [null, { id: 'g2' }] }] }, 'Patient.name[0]._given: "_given" has 2 items but "given" has 1; they must line up item by item'],
    ['_id on a resource', { ...pat, _id: { id: 'x' } }, 'Patient._id: Extensions are not allowed on Resource.id: "_id" cannot be used on a resource'],
  ])('invalid: %s', (_n, input, message) => expect(run(input)).toEqual([message]));
});
