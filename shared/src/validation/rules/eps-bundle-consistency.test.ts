import { describe, expect, test } from 'vitest';
import { run } from '../../../test/nhs-rules/harness.js';
import { epsBundleConsistency } from './eps-bundle-consistency.js';

const mr = (extra: Record<string, unknown> = {}) => ({
  resourceType: 'MedicationRequest',
  status: 'active',
  intent: 'order',
  subject: { reference: 'urn:uuid:00000000-0000-4000-8000-000000000009' },
  requester: { reference: 'urn:uuid:00000000-0000-4000-8000-000000000008' },
  authoredOn: '2024-01-01T10:00:00+00:00',
  medicationCodeableConcept: { coding: [{ system: 'http://snomed.info/sct', code: '39732311000001104' }] },
  groupIdentifier: {
    system: 'https://fhir.nhs.uk/Id/prescription-order-number',
    value: '24F5DA-A83008-7EFE6Z',
  },
  ...extra,
});
const bundle = (...resources: unknown[]) => ({
  resourceType: 'Bundle',
  type: 'message',
  entry: resources.map((resource, i) => ({
    fullUrl: `urn:uuid:00000000-0000-4000-8000-00000000000${i}`,
    resource,
  })),
});

describe('eps-bundle-consistency', () => {
  test('consistent prescription', () => expect(run(epsBundleConsistency, bundle(mr(), mr()))).toEqual([]));
  test('different authoredOn', () => {
    expect(
      run(epsBundleConsistency, bundle(mr(), mr({ authoredOn: '2024-01-02T10:00:00+00:00' }))),
    ).toMatchObject([{ path: ['entry', 1, 'resource', 'authoredOn'] }]);
  });
  test('five items, a cancelled one, both medication forms', () => {
    expect(run(epsBundleConsistency, bundle(mr(), mr(), mr(), mr(), mr()))).toHaveLength(1);
    expect(run(epsBundleConsistency, bundle(mr({ status: 'cancelled' })))).toHaveLength(1);
    expect(
      run(epsBundleConsistency, bundle(mr({ medicationReference: { reference: 'Medication/1' } }))),
    ).toHaveLength(1);
  });
  test('a searchset with two prescriptions is two groups', () => {
    const other = mr({
      subject: { reference: 'Patient/2' },
      groupIdentifier: {
        system: 'https://fhir.nhs.uk/Id/prescription-order-number',
        value: '04F4C2-A99968-7F717P',
      },
    });
    expect(run(epsBundleConsistency, { ...bundle(mr(), other), type: 'searchset' })).toEqual([]);
  });
  test('same prescription id with a different long-form id', () => {
    const long = (value: string) => ({
      extension: [
        {
          url: 'https://fhir.nhs.uk/StructureDefinition/Extension-DM-PrescriptionId',
          valueIdentifier: { system: 'https://fhir.nhs.uk/Id/prescription', value },
        },
      ],
      system: 'https://fhir.nhs.uk/Id/prescription-order-number',
      value: '24F5DA-A83008-7EFE6Z',
    });
    const issues = run(
      epsBundleConsistency,
      bundle(
        mr({ groupIdentifier: long('a54219b8-f741-4c47-b662-e4f8dfa49ab6') }),
        mr({ groupIdentifier: long('20ba5fb5-cb58-462c-923e-22d180b09356') }),
      ),
    );
    expect(issues).toMatchObject([{ path: ['entry', 1, 'resource', 'groupIdentifier'] }]);
  });
  test('non-EPS bundles are ignored', () => {
    expect(run(epsBundleConsistency, bundle(mr({ groupIdentifier: undefined, status: 'draft' })))).toEqual(
      [],
    );
  });
});
