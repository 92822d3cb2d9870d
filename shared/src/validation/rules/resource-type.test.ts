import { describe, expect, test } from 'vitest';
import { definitionsMissing, issuesOf, validator } from '../../../test/engine.js';

const pat = { resourceType: 'Patient', id: 'p1', name: [{ family: 'Smith', given: ['Jane'] }], gender: 'female', birthDate: '1985-07-14' };

describe.skipIf(definitionsMissing !== undefined)('resource-type', () => {
  const v = definitionsMissing ? undefined : validator();
  const run = (input: unknown): string[] => issuesOf(v!, 'resource-type', input);

  test.each([
    ['patient', pat],
    ['bundle entry', { resourceType: 'Bundle', type: 'collection', entry: [{ fullUrl: 'urn:uuid:4f9c6a3e-8b1d-4a2f-9c7e-1d2b3c4d5e6f', resource: pat }] }],
    ['not FHIR at all (no resourceType at top level)', { name: 'package', version: '1.0.0' }],
  ])('valid: %s', (_n, input) => expect(run(input)).toEqual([]));
  test.each([
    ['misspelt', { ...pat, resourceType: 'Patinet' }, 'Patinet.resourceType: Unknown resource type "Patinet" in FHIR R4. Did you mean "Patient"?'],
    ['abstract', { resourceType: 'Resource' }, 'Resource.resourceType: "Resource" is an abstract type; use a concrete resource type such as "Patient" or "Observation"'],
    ['contained without type', { ...pat, contained: [{ id: 'o1' }] }, 'Patient.contained[0]: This resource has no "resourceType": nested resources (contained, Bundle entries) must say their type'],
  ])('invalid: %s', (_n, input, message) => expect(run(input)).toEqual([message]));
  test('offers a fix for a misspelt type', () => {
    const issue = v!.validate(JSON.stringify({ resourceType: 'Observatoin' })).issues.find((i) => i.ruleId === 'resource-type');
    expect(issue?.fix?.edits).toEqual([{ offset: 16, length: 13, newText: '"Observation"' }]);
  });
});
