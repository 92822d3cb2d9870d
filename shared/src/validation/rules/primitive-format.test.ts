import { describe, expect, test } from 'vitest';
import { definitionsMissing, issuesOf, validator } from '../../../test/engine.js';

const pat = { resourceType: 'Patient', id: 'p1', name: [{ family: 'Smith', given: ['Jane'] }], gender: 'female', birthDate: '1985-07-14' };

describe.skipIf(definitionsMissing !== undefined)('primitive-format', () => {
  const v = definitionsMissing ? undefined : validator();
  const run = (input: unknown): string[] => issuesOf(v!, 'primitive-format', input);

  test.each([
    ['dates of every precision', { ...pat, birthDate: '1985' }],
    ['dateTime with offset', { resourceType: 'Observation', status: 'final', code: { text: 'x' }, effectiveDateTime: '2024-03-05T09:30:00+01:00', issued: '2024-03-05T09:30:00.123Z' }],
    ['leap day', { ...pat, birthDate: '2024-02-29' }],
    ['upper-case UUID (RFC 4122 is case-insensitive)', { resourceType: 'Bundle', type: 'collection', entry: [{ fullUrl: 'urn:uuid:68D043B5-9ECF-4559-A57A-396E0D452311', resource: pat }] }],
    ['base64 with line breaks', { resourceType: 'Binary', contentType: 'text/plain', data: 'SGVs\nbG8=' }],
    ['64-character id', { ...pat, id: 'a'.repeat(64) }],
  ])('valid: %s', (_n, input) => expect(run(input)).toEqual([]));
  test.each([
    ['date', { ...pat, birthDate: '1985-7-14' }, 'not a valid date'],
    ['time without timezone', { resourceType: 'Observation', status: 'final', code: { text: 'x' }, effectiveDateTime: '2024-03-05T09:30' }, 'has a time but no timezone'],
    ['instant without time', { resourceType: 'Observation', status: 'final', code: { text: 'x' }, issued: '2024-03-05' }, 'not a valid instant'],
    ['not a calendar date', { ...pat, birthDate: '2023-02-29' }, 'not a real calendar date'],
    ['long id', { ...pat, id: 'a'.repeat(65) }, 'too long (65 characters; at most 64)'],
    ['id characters', { ...pat, id: 'bad id' }, 'only letters, digits'],
    ['base64 alphabet', { resourceType: 'Binary', contentType: 'text/plain', data: 'SGVsbG8.' }, 'illegal character "."'],
    ['base64 padding', { resourceType: 'Binary', contentType: 'text/plain', data: 'SG=sbG8=' }, 'multiple of 4'],
    ['positiveInt', { resourceType: 'Patient', multipleBirthInteger: 2147483648 }, 'outside the 32-bit integer range'],
    ['integer written with a decimal point', '{"resourceType":"Patient","multipleBirthInteger":2.0}', '2.0 is not a valid integer'],
    ['integer written with an exponent', '{"resourceType":"Patient","multipleBirthInteger":1e2}', '1e2 is not a valid integer'],
    ['uri with spaces', { ...pat, identifier: [{ system: 'https://fhir.nhs.uk/Id/nhs number', value: '9449305552' }] }, 'URIs cannot contain whitespace'],
    ['malformed uuid', { resourceType: 'Bundle', type: 'collection', entry: [{ fullUrl: 'urn:uuid:6a2ee390-978e-42c6-8f88-c17dff3bd8a', resource: pat }] }, 'not a valid UUID URI'],
    ['oid', { ...pat, identifier: [{ system: 'urn:oid:2.16.840.1.113883.', value: 'x' }] }, 'not a valid OID URI'],
    ['code with double space', { ...pat, gender: 'fe  male' }, 'not a valid code'],
  ])('invalid: %s', (_n, input, fragment) => {
    const got = run(input);
    expect(got).toHaveLength(1);
    expect(got[0]).toContain(fragment);
  });
});
