import { describe, expect, test } from 'vitest';
import { run, UKCORE_PATIENT } from '../../../test/nhs-rules/harness.js';
import { ukcoreRequiredBinding } from './ukcore-required-binding.js';

const BIRTH_SEX = 'https://fhir.hl7.org.uk/StructureDefinition/Extension-UKCore-BirthSex';
const GENDER = 'http://terminology.hl7.org/CodeSystem/v3-AdministrativeGender';
const birthSex = (system: string, code: string) => ({
  resourceType: 'Patient',
  extension: [{ url: BIRTH_SEX, valueCodeableConcept: { coding: [{ system, code }] } }],
});
const language = (system: string, code: string) => ({
  resourceType: 'Patient',
  meta: { profile: [UKCORE_PATIENT] },
  communication: [{ language: { coding: [{ system, code }] } }],
});

describe('ukcore-required-binding', () => {
  test('birth sex F is fine, X is not', () => {
    expect(run(ukcoreRequiredBinding, birthSex(GENDER, 'F'))).toEqual([]);
    expect(run(ukcoreRequiredBinding, birthSex(GENDER, 'X'))).toMatchObject([{ severity: 'error' }]);
    expect(
      run(ukcoreRequiredBinding, birthSex('http://hl7.org/fhir/administrative-gender', 'female')),
    ).toHaveLength(1);
  });
  test('UK Core Patient communication language is BCP-47', () => {
    expect(run(ukcoreRequiredBinding, language('urn:ietf:bcp:47', 'en-GB'))).toEqual([]);
    expect(
      run(ukcoreRequiredBinding, language('https://fhir.hl7.org.uk/CodeSystem/UKCore-HumanLanguage', 'en')),
    ).toHaveLength(1);
    expect(run(ukcoreRequiredBinding, language('urn:ietf:bcp:47', 'English'))).toHaveLength(1);
    expect(run(ukcoreRequiredBinding, language('urn:ietf:bcp:47', 'en GB'))).toHaveLength(1);
    const both = language('urn:ietf:bcp:47', 'en');
    (both.communication[0]!.language.coding as unknown[]).push({
      system: 'http://snomed.info/sct',
      code: '1220561009',
    });
    expect(run(ukcoreRequiredBinding, both)).toEqual([]);
  });
  test('body height in UCUM length units', () => {
    const obs = (system: string, code: string) => ({
      resourceType: 'Observation',
      status: 'final',
      meta: {
        profile: ['https://fhir.hl7.org.uk/StructureDefinition/UKCore-Observation-VitalSigns-BodyHeight'],
      },
      code: { text: 'height' },
      valueQuantity: { value: 170, unit: 'cm', system, code },
    });
    expect(run(ukcoreRequiredBinding, obs('http://unitsofmeasure.org', 'cm'))).toEqual([]);
    expect(run(ukcoreRequiredBinding, obs('http://unitsofmeasure.org', 'kg'))).toHaveLength(1);
  });
});
