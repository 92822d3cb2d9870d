import { describe, expect, test } from 'vitest';
import { definitionsMissing, issuesOf, validator } from '../../../test/engine.js';

const pat = { resourceType: 'Patient', id: 'p1', name: [{ family: 'Smith', given: ['Jane'] }], gender: 'female', birthDate: '1985-07-14' };

describe.skipIf(definitionsMissing !== undefined)('cardinality', () => {
  const v = definitionsMissing ? undefined : validator();
  const run = (input: unknown): string[] => issuesOf(v!, 'cardinality', input);

  test('valid: required elements present', () => {
    expect(run({ resourceType: 'Observation', status: 'final', code: { text: 'Blood pressure' } })).toEqual([]);
  });
  test.each([
    ['missing required element', { resourceType: 'Observation', status: 'final' }, 'Observation: Observation.code is required (minimum 1) but missing'],
    ['missing required element of a data type', { ...pat, extension: [{ valueString: 'x' }] }, 'Patient.extension[0]: Extension.url is required (minimum 1) but missing'],
    ['missing choice', { resourceType: 'MedicationRequest', status: 'active', intent: 'order', subject: { reference: 'Patient/p1' } }, 'MedicationRequest: MedicationRequest.medication[x] is required (minimum 1) but missing'],
    ['through contentReference', { resourceType: 'Questionnaire', status: 'active', item: [{ linkId: '1', type: 'group', item: [{ type: 'display' }] }] }, 'Questionnaire.item[0].item[0]: Questionnaire.item.linkId is required (minimum 1) but missing'],
  ])('invalid: %s', (_n, input, message) => expect(run(input)).toEqual([message]));
  test('a primitive present only through its _element counts', () => {
    expect(run({ resourceType: 'Observation', _status: { extension: [{ url: 'http://hl7.org/fhir/StructureDefinition/data-absent-reason', valueCode: 'unknown' }] }, code: { text: 'x' } })).toEqual([]);
  });
});
