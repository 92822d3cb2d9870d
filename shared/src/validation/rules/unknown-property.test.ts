import { describe, expect, test } from 'vitest';
import { definitionsMissing, issuesOf, validator } from '../../../test/engine.js';

const pat = { resourceType: 'Patient', id: 'p1', name: [{ family: 'Smith', given: ['Jane'] }], gender: 'female', birthDate: '1985-07-14' };

describe.skipIf(definitionsMissing !== undefined)('unknown-property', () => {
  const v = definitionsMissing ? undefined : validator();
  const run = (input: unknown): string[] => issuesOf(v!, 'unknown-property', input);

  test('valid: known elements, choice types, companions', () => {
    expect(run({ ...pat, _birthDate: { extension: [{ url: 'http://hl7.org/fhir/StructureDefinition/patient-birthTime', valueDateTime: '1985-07-14T08:15:00+01:00' }] }, deceasedBoolean: false })).toEqual([]);
  });
  test.each([
    ['typo', { ...pat, birthdate: '1985-07-14' }, 'Patient.birthdate: Unknown property "birthdate" in Patient. Did you mean "birthDate"?'],
    ['invented', { ...pat, nhsNumber: '9449305552' }, 'Patient.nhsNumber: Unknown property "nhsNumber" in Patient'],
    ['choice type not allowed', { ...pat, deceasedString: 'yes' }, 'Patient.deceasedString: "deceasedString" is not an allowed type for Patient.deceased[x]; use one of: deceasedBoolean, deceasedDateTime'],
    ['fhir_comments (DSTU2 JSON)', { ...pat, fhir_comments: ['x'] }, 'Patient.fhir_comments: Unknown property "fhir_comments" in Patient'],
    ['companion of a complex element', { ...pat, _name: [{ id: 'x' }] }, 'Patient._name: Unknown property "_name" in Patient. Did you mean "name"?'],
  ])('invalid: %s', (_n, input, message) => expect(run(input)).toEqual([message]));
  test('range covers the key', () => {
    const text = '{"resourceType":"Patient","foo":1}';
    const issue = v!.validate(text).issues.find((i) => i.ruleId === 'unknown-property')!;
    expect(text.slice(issue.offset, issue.offset + issue.length)).toBe('"foo"');
  });
});
