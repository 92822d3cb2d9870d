// Unit tables for the algorithms beyond the shared vectors.
import { describe, expect, test } from 'vitest';
import {
  checkCodingSystem,
  checkIdentifier,
  editDistance,
  isValidNhsNumber,
  nhsNumberCheckDigit,
  prescriptionCheckCharacter,
  sctidParts,
  verhoeffCheckDigit,
  isVerhoeffValid,
} from './index.js';

describe('algorithms', () => {
  test('Mod 11', () => {
    expect(nhsNumberCheckDigit('943476591')).toBe(9);
    expect(nhsNumberCheckDigit('911123113')).toBe(0);
    expect(nhsNumberCheckDigit('400000008')).toBe(10);
    expect(isValidNhsNumber('9434765919')).toBe(true);
    expect(isValidNhsNumber('943476591a')).toBe(false);
    expect(() => nhsNumberCheckDigit('12')).toThrow(RangeError);
  });
  test('Verhoeff', () => {
    expect(verhoeffCheckDigit('2229800')).toBe(6);
    expect(isVerhoeffValid('22298006')).toBe(true);
    expect(isVerhoeffValid('22298007')).toBe(false);
    expect(isVerhoeffValid('')).toBe(false);
  });
  test('SCTID parts', () => {
    expect(sctidParts('999000011000000103')).toEqual({
      partition: '10',
      componentType: 'concept',
      namespace: '1000000',
      checkDigit: 3,
    });
    expect(sctidParts('123558018')).toMatchObject({ partition: '01', componentType: 'description' });
  });
  test('MOD 37-2', () => {
    expect(prescriptionCheckCharacter('24F5DAA830087EFE6')).toBe('Z');
    expect(prescriptionCheckCharacter('4243A0A999684E149')).toBe('+');
  });
  test('edit distance', () => {
    expect(editDistance('kitten', 'sitting')).toBe(3);
    expect(editDistance('abc', 'abcdefgh', 2)).toBe(3);
    expect(editDistance('', 'ab')).toBe(2);
    expect(editDistance('https://fhir.nhs.uk/Id/nhs-numbr', 'https://fhir.nhs.uk/Id/nhs-number', 3)).toBe(1);
  });
  test('edit distance with a bound agrees with the full table', () => {
    const full = (a: string, b: string): number => {
      const d = Array.from({ length: a.length + 1 }, (_, i) => Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
      for (let i = 1; i <= a.length; i++)
        for (let j = 1; j <= b.length; j++) d[i]![j] = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
      return d[a.length]![b.length]!;
    };
    // A fixed pseudo-random sequence over a small alphabet, so near misses are common.
    let seed = 7;
    const next = (k: number): number => {
      seed = (seed * 48271) % 2147483647;
      return seed % k;
    };
    const word = (): string => Array.from({ length: next(12) }, () => 'abc'[next(3)]).join('');
    for (let t = 0; t < 2000; t++) {
      const a = word();
      const b = word();
      const d = full(a, b);
      expect(editDistance(a, b)).toBe(d);
      for (const max of [0, 1, 2, 3, 6]) expect(editDistance(a, b, max), `${a} ${b} ${max}`).toBe(Math.min(d, max + 1));
    }
  });
  test('PDS compatibility lowers the retired verification status', () => {
    const v = 'https://fhir.hl7.org.uk/CodeSystem/UKCore-NHSNumberVerificationStatus|01';
    expect(checkIdentifier('nhs-number-verification-status', v).verdict).toBe('invalid');
    expect(checkIdentifier('nhs-number-verification-status', v, { pdsCompatibility: true }).verdict).toBe(
      'warning',
    );
  });
  test('CareConnect is silent in STU3 and a warning in R4 even without UK Core facts', () => {
    const url = 'https://fhir.hl7.org.uk/STU3/StructureDefinition/CareConnect-Patient-1';
    expect(checkIdentifier('canonical-url', url, { fhirVersion: '3.0.2' }).verdict).toBe('valid');
    expect(checkIdentifier('canonical-url', url).verdict).toBe('warning');
  });
  test('retired kebab-case verification codes map to the England and Wales systems', () => {
    const retired = 'https://fhir.hl7.org.uk/CodeSystem/UKCore-NHSNumberVerificationStatus';
    const fix = (code: string) =>
      checkIdentifier('nhs-number-verification-status', `${retired}|${code}`).findings[0]?.fix?.replacement;
    expect(fix('number-present-and-verified')).toBe(
      'https://fhir.hl7.org.uk/CodeSystem/UKCore-NHSNumberVerificationStatusEngland|01',
    );
    expect(fix('trace-postponed')).toBe(
      'https://fhir.hl7.org.uk/CodeSystem/UKCore-NHSNumberVerificationStatusEngland|08',
    );
    expect(fix('number-present-and-traced-using-welsh-nhs-ar')).toBe(
      'https://fhir.hl7.org.uk/CodeSystem/UKCore-NHSNumberVerificationStatusWales|nn',
    );
    expect(fix('unknown')).toBeUndefined();
  });
});

describe('checkCodingSystem', () => {
  test('other systems, and names of Object.prototype members, give nothing', () => {
    for (const system of ['http://loinc.org', 'http://unitsofmeasure.org', 'toString', 'constructor', '__proto__']) expect(checkCodingSystem(system)).toEqual([]);
  });
  test('near misses of SNOMED CT and dm+d, and Read codes', () => {
    const ids = (system: string): string[] => checkCodingSystem(system).map((f) => f.ruleId);
    expect(ids('https://snomed.info/sct/')).toEqual(['snomed-system-uri']);
    expect(ids('SNOMED-CT')).toEqual(['snomed-system-uri']);
    expect(ids('urn:oid:2.16.840.1.113883.6.96')).toEqual(['snomed-system-uri']);
    expect(ids('http://snomed.info/sct/83821000000107/version/20230412')).toEqual(['snomed-system-uri']);
    expect(ids('HTTP://DMD.NHS.UK/')).toEqual(['dmd-system-uri']);
    // toLowerCase turns the Kelvin sign into k: the folded URI is the dm+d one.
    expect(ids('https://dmd.nhs.u\u212A')).toEqual(['dmd-system-uri']);
    expect(ids('http://read.info/ctv3')).toEqual(['read-code-deprecated']);
  });
});
