import { describe, expect, test } from 'vitest';
import { definitionsMissing, issuesOf, validator } from '../../../test/engine.js';

const pat = { resourceType: 'Patient', id: 'p1', name: [{ family: 'Smith', given: ['Jane'] }], gender: 'female', birthDate: '1985-07-14' };

describe.skipIf(definitionsMissing !== undefined)('json-null', () => {
  const v = definitionsMissing ? undefined : validator();
  const run = (input: unknown): string[] => issuesOf(v!, 'json-null', input);

  test('valid: null aligned with an extension in _given', () => {
    expect(run({ ...pat, name: [{ given: ['Jane', null], _given: [null, { id: 'g2' }] }] })).toEqual([]);
  });
  test.each([
    ['null property', { ...pat, gender: null }, 'Patient.gender: Patient.gender is null: omit the property instead of giving it a null value'],
    ['unaligned null in array', { ...pat, name: [{ given: ['Jane', null] }] }, 'Patient.name[0].given[1]: Null at index 1 of HumanName.given: a null in an array is only allowed when the matching "_" array item carries an id or extensions'],
  ])('invalid: %s', (_n, input, message) => expect(run(input)).toEqual([message]));
});
