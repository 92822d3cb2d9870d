// FHIRPath semantics of the mini evaluator, expression by expression, against fhirpath.js on crafted
// resources: singleton evaluation, where()'s criterion, equality with companions, type tests, children(),
// string functions and the cases where fhirpath.js signals an error. Every pair must be decided by the mini
// evaluator (no fallback) and give fhirpath.js's result, or fail where fhirpath.js fails.
import { createRequire } from 'node:module';
import fhirpath from 'fhirpath';
import r4 from 'fhirpath/fhir-context/r4';
import { describe, expect, test } from 'vitest';
import { loadR4Definitions } from '../../node/index.js';
import { compileMini, EvaluationError } from './mini-fhirpath.js';
import { FP_DECIMAL_MEMBERS } from './mini-fhirpath-model.js';

const patients: Record<string, unknown>[] = [
  {
    resourceType: 'Patient',
    id: 'a',
    active: false,
    gender: 'male',
    birthDate: '1980-05-17',
    multipleBirthInteger: 2,
    name: [
      { family: 'Smith', given: ['Ann', 'Bo', 'Ann'] },
      {
        family: 'Smith',
        given: ['Ann', null],
        _given: [null, { extension: [{ url: 'http://x', valueString: 'y' }] }],
      },
    ],
    telecom: [{ system: 'phone', value: '0113', rank: 1 }, { system: 'email', value: '' }, { system: 'url' }],
    identifier: [{ system: 'http://x', value: 'Smith' }],
    contact: [{ gender: 'female', name: { family: 'Jones' } }],
  },
  {
    resourceType: 'Patient',
    active: true,
    _gender: { extension: [{ url: 'http://x', valueCode: 'u' }] },
    name: [{ family: 'Lee', given: ['Ann'], _family: { id: 'f1' } }],
    telecom: [{ system: 'phone', value: 'a' }],
    deceasedBoolean: false,
  },
  { resourceType: 'Patient' },
  // More than 8 plain strings: distinct()/isDistinct() take the one-pass path (a repeat, then none).
  { resourceType: 'Patient', name: [{ given: ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i', 'b', 'j'] }] },
  { resourceType: 'Patient', name: [{ given: ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i', 'j'] }] },
  // ...and not when one of them has a companion.
  {
    resourceType: 'Patient',
    name: [{ given: ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i', 'a'], _given: [null, null, null, null, null, null, null, null, null, { id: 'x' }] }],
  },
];

const EXPRESSIONS = [
  // Boolean operands: a single non-boolean item is true, a companion-only primitive is empty, both operands
  // are evaluated (so an error on the right fails the whole expression).
  'gender and true',
  'name and false',
  'gender.not()',
  'name.not()',
  'active or gender',
  "active implies name.given.startsWith('A')",
  "name.given.startsWith('A') or true",
  'deceased xor active',
  // where(): the first item of the criterion is truthy (a node always is, even `false`).
  'Patient.where(active).exists()',
  'telecom.where(value).count()',
  'telecom.where(rank).count()',
  "telecom.where(value = '').system",
  'name.where(given.count() > 2).family',
  "telecom.exists(system = 'email')",
  'telecom.all(value.exists())',
  'name.all(given)',
  // Equality, membership, distinctness: complex values structurally, primitives with their companions.
  "gender = 'male'",
  "gender != 'female'",
  "name.family = 'Smith'",
  "telecom.first() = 'phone'",
  'telecom.first().system = telecom.first().system',
  'name.given.isDistinct()',
  'name.family.isDistinct()',
  '(name | name).count()',
  '(name.given | name.given).count()',
  'name.given.distinct().count()',
  "'Ann' in name.given",
  "name.given contains 'Bo'",
  "name.given in 'Ann'",
  'identifier.value.intersect(name.family).count()',
  'name.given.combine(name.family).count()',
  // Functions.
  "iif(gender = 'male', 'M', 'F')",
  'iif(active, 1)',
  'multipleBirth.toInteger() + 1',
  "'12'.toInteger()",
  "'1.5'.toInteger()",
  'active.toInteger()',
  'name.given.toInteger()',
  "telecom.select(system & '|' & value)",
  'name.family & name.given',
  "name.family.first().replaceMatches('[aeiou]', '_')",
  "name.family.first().matches('^S')",
  "name.family.first().matches('[')",
  "name.family.matches('S')",
  'telecom.tail().count()',
  'telecom.first().value',
  '(false | false).allFalse()',
  'name.given.allFalse()',
  'children().count()',
  'descendants().count()',
  "descendants().ofType(string).where($this = 'Ann').count()",
  'contact.children().count()',
  'name.given.children().count()',
  'name.unknownMember.exists()',
  'multipleBirth.linkId.count()',
  'descendants().concept.count()',
  // Types.
  'gender is code',
  'gender is string',
  'gender is String',
  'gender is System.String',
  'gender is FHIR.code',
  'name.first() is HumanName',
  'name.first() is Element',
  'contact.first() is BackboneElement',
  'Patient.is(DomainResource)',
  'Patient.is(Resource)',
  'name is HumanName',
  'name.ofType(HumanName).count()',
  'gender.ofType(String).count()',
  'multipleBirth.ofType(integer).count()',
  'multipleBirth as integer',
  "('a' | 'b').is(String)",
  "'a'.is(string)",
  // Errors in fhirpath.js.
  'name.resolve().exists()',
  "name.given.startsWith('A')",
];

describe('mini FHIRPath semantics', () => {
  const definitions = loadR4Definitions();
  test.each(EXPRESSIONS)('%s gives fhirpath.js’s answer', (expression) => {
    const mini = compileMini(expression, 'Patient', definitions);
    expect(mini, 'compiles').toBeDefined();
    const slow = fhirpath.compile(expression, r4, { resolveInternalTypes: true });
    for (const p of patients) {
      const env = { resource: p, rootResource: p };
      let expected: unknown;
      try {
        expected = slow(p, env);
      } catch {
        expected = 'error';
      }
      let actual: unknown;
      try {
        actual = mini!(p, env);
      } catch (error) {
        if (!(error instanceof EvaluationError)) throw error; // Unsupported fails the test: no fallback here
        actual = 'error';
      }
      expect(actual, JSON.stringify(p)).toEqual(expected);
    }
  });

  test('the members of a number are those of the installed fhirpath.js', () => {
    // fhirpath.js/src/types.js is its CommonJS build; FP_Decimal_Native is what integers and decimals are.
    const types = createRequire(import.meta.url)('fhirpath/src/types.js') as {
      FP_Decimal_Native: { getDecimal(v: number): object };
    };
    const names: string[] = [];
    for (
      let o: object | null = types.FP_Decimal_Native.getDecimal(2.5);
      o;
      o = Object.getPrototypeOf(o) as object | null
    )
      names.push(...Object.getOwnPropertyNames(o));
    expect(names.filter((n) => !FP_DECIMAL_MEMBERS.has(n))).toEqual([]);
  });
});
