import { describe, expect, test } from 'vitest';
import { run } from '../../../test/nhs-rules/harness.js';
import { ukcoreOdsSlice } from './ukcore-ods-slice.js';

const ORG = 'https://fhir.nhs.uk/Id/ods-organization-code';
const SITE = 'https://fhir.nhs.uk/Id/ods-site-code';
const org = (identifier: unknown[]) => ({
  resourceType: 'Organization',
  meta: { profile: ['https://fhir.hl7.org.uk/StructureDefinition/UKCore-Organization'] },
  identifier,
});

describe('ukcore-ods-slice', () => {
  test('one of each', () =>
    expect(
      run(
        ukcoreOdsSlice,
        org([
          { system: ORG, value: 'RH8' },
          { system: SITE, value: 'RH802' },
        ]),
      ),
    ).toEqual([]));
  test('two organisation codes', () => {
    expect(
      run(
        ukcoreOdsSlice,
        org([
          { system: ORG, value: 'RH8' },
          { system: ORG, value: 'RH9' },
        ]),
      ),
    ).toMatchObject([{ path: ['identifier', 1] }]);
  });
  test('missing value', () => expect(run(ukcoreOdsSlice, org([{ system: SITE }]))).toHaveLength(1));
  test('Location: one site code', () => {
    const loc = {
      resourceType: 'Location',
      meta: { profile: ['https://fhir.hl7.org.uk/StructureDefinition/UKCore-Location'] },
      identifier: [
        { system: SITE, value: 'RH802' },
        { system: SITE, value: 'RH803' },
      ],
    };
    expect(run(ukcoreOdsSlice, loc)).toHaveLength(1);
  });
});
