import { describe, expect, test } from 'vitest';
import { applyFix, run } from '../../../test/nhs-rules/harness.js';
import { ukcoreEthnicCategory } from './ukcore-ethnic-category.js';

const EXT = 'https://fhir.hl7.org.uk/StructureDefinition/Extension-UKCore-EthnicCategory';
const ENGLAND = 'https://fhir.hl7.org.uk/CodeSystem/UKCore-EthnicCategoryEngland';
const ext = (code: string) => ({ url: EXT, valueCodeableConcept: { coding: [{ system: ENGLAND, code }] } });

describe('ukcore-ethnic-category', () => {
  test('one valid code', () =>
    expect(run(ukcoreEthnicCategory, { resourceType: 'Patient', extension: [ext('A')] })).toEqual([]));
  test('two extensions', () => {
    expect(
      run(ukcoreEthnicCategory, { resourceType: 'Patient', extension: [ext('A'), ext('B')] }),
    ).toMatchObject([{ severity: 'warning', path: ['extension', 1] }]);
  });
  test('unknown code; lower case is fixed', () => {
    expect(run(ukcoreEthnicCategory, { resourceType: 'Patient', extension: [ext('I')] })).toHaveLength(1);
    const r = { resourceType: 'Patient', extension: [ext('a')] };
    expect(applyFix(r, run(ukcoreEthnicCategory, r)[0]!)).toEqual({
      resourceType: 'Patient',
      extension: [ext('A')],
    });
  });
});
