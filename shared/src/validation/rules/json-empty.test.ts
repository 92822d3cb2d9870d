import { describe, expect, test } from 'vitest';
import { definitionsMissing, issuesOf, validator } from '../../../test/engine.js';

const pat = { resourceType: 'Patient', id: 'p1', name: [{ family: 'Smith', given: ['Jane'] }], gender: 'female', birthDate: '1985-07-14' };

describe.skipIf(definitionsMissing !== undefined)('json-empty', () => {
  const v = definitionsMissing ? undefined : validator();
  const run = (input: unknown): string[] => issuesOf(v!, 'json-empty', input);

  test('valid: content everywhere', () => expect(run(pat)).toEqual([]));
  test.each([
    ['empty string', { ...pat, gender: '' }, 'Patient.gender: Patient.gender is an empty string: leave the property out if it has no value'],
    ['empty array', { ...pat, telecom: [] }, 'Patient.telecom: Patient.telecom is an empty array: leave the property out if it has no value'],
    ['empty object', { ...pat, maritalStatus: {} }, 'Patient.maritalStatus: Patient.maritalStatus is an empty object: leave the property out if it has no value'],
    ['empty backbone', { ...pat, contact: [{}] }, 'Patient.contact[0]: Patient.contact is an empty object: leave the property out if it has no value'],
  ])('invalid: %s', (_n, input, message) => expect(run(input)).toEqual([message]));
});
