import { describe, expect, test } from 'vitest';
import { run, ukCore } from '../../../test/nhs-rules/harness.js';
import { ukcoreRetiredAsset } from './ukcore-retired-asset.js';

const SD = 'https://fhir.hl7.org.uk/StructureDefinition/';
if (!ukCore)
  console.warn('Skipping ukcore-retired-asset tests: ../shared/domain/ukcore-index.json not found.');

describe.skipIf(!ukCore)('ukcore-retired-asset', () => {
  test('active extension', () => {
    const r = {
      resourceType: 'Patient',
      extension: [{ url: `${SD}Extension-UKCore-EthnicCategory`, valueString: 'x' }],
    };
    expect(run(ukcoreRetiredAsset, r)).toEqual([]);
  });
  test('retired extension: warning', () => {
    const r = {
      resourceType: 'Patient',
      extension: [
        { url: `${SD}Extension-UKCore-NominatedPharmacy`, valueReference: { reference: 'Organization/1' } },
      ],
    };
    expect(run(ukcoreRetiredAsset, r)).toMatchObject([{ severity: 'warning', data: { status: 'retired' } }]);
  });
  test('draft profile: information', () => {
    const r = { resourceType: 'Bundle', type: 'collection', meta: { profile: [`${SD}UKCore-Bundle`] } };
    expect(run(ukcoreRetiredAsset, r)).toMatchObject([
      { severity: 'information', data: { status: 'draft' } },
    ]);
  });
});
