import { describe, expect, test } from 'vitest';
import { definitionsMissing, issuesOf, validator } from '../../../test/engine.js';

const pat = { resourceType: 'Patient', id: 'p1', name: [{ family: 'Smith', given: ['Jane'] }], gender: 'female', birthDate: '1985-07-14' };

describe.skipIf(definitionsMissing !== undefined)('json-type', () => {
  const v = definitionsMissing ? undefined : validator();
  const run = (input: unknown): string[] => issuesOf(v!, 'json-type', input);

  test('valid: numbers, booleans, strings, objects', () => expect(run({ ...pat, active: true, multipleBirthInteger: 2 })).toEqual([]));
  test.each([
    ['quoted boolean', { ...pat, active: 'true' }, 'Patient.active: Patient.active is of FHIR type boolean, so it must be a JSON boolean, not a string (use true or false without quotes)'],
    ['quoted integer', { ...pat, multipleBirthInteger: '2' }, 'Patient.multipleBirthInteger: Patient.multipleBirthInteger is of FHIR type integer, so it must be a JSON number, not a string (remove the quotes)'],
    ['number for a string', { ...pat, gender: 1 }, 'Patient.gender: Patient.gender is of FHIR type code, so it must be a JSON string, not a number (put the value in quotes)'],
    ['string for a complex type', { ...pat, maritalStatus: 'M' }, 'Patient.maritalStatus: Patient.maritalStatus is of FHIR type CodeableConcept, so it must be a JSON object, not a string'],
  ])('invalid: %s', (_n, input, message) => expect(run(input)).toEqual([message]));
});
