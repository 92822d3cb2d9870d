import { describe, expect, test } from 'vitest';
import { run } from '../../../test/nhs-rules/harness.js';
import { epsPrescriptionIdLongFormat } from './eps-prescription-id-long-format.js';

const ITEM = 'https://fhir.nhs.uk/Id/prescription-order-item-number';
const mr = (item: string, long = '20ba5fb5-cb58-462c-923e-22d180b09356') => ({
  resourceType: 'MedicationRequest',
  status: 'active',
  intent: 'order',
  subject: { reference: 'Patient/1' },
  medicationCodeableConcept: { text: 'x' },
  identifier: [{ system: ITEM, value: item }],
  groupIdentifier: {
    extension: [
      {
        url: 'https://fhir.nhs.uk/StructureDefinition/Extension-DM-PrescriptionId',
        valueIdentifier: { system: 'https://fhir.nhs.uk/Id/prescription', value: long },
      },
    ],
    system: 'https://fhir.nhs.uk/Id/prescription-order-number',
    value: '24F5DA-A83008-7EFE6Z',
  },
});

describe('eps-prescription-id-long-format', () => {
  test('UUIDs', () =>
    expect(run(epsPrescriptionIdLongFormat, mr('a54219b8-f741-4c47-b662-e4f8dfa49ab6'))).toEqual([]));
  test('a short-form id in the long-form slot', () => {
    const issues = run(
      epsPrescriptionIdLongFormat,
      mr('a54219b8-f741-4c47-b662-e4f8dfa49ab6', '24F5DA-A83008-7EFE6Z'),
    );
    expect(issues).toMatchObject([{ severity: 'error' }]);
    expect(issues[0]?.message).toContain('short-form');
  });
  test('item id not a UUID', () => expect(run(epsPrescriptionIdLongFormat, mr('item-1'))).toHaveLength(1));
  test('item ids unique per Bundle', () => {
    const entry = (n: number) => ({
      fullUrl: `urn:uuid:00000000-0000-4000-8000-00000000000${n}`,
      resource: mr('a54219b8-f741-4c47-b662-e4f8dfa49ab6'),
    });
    const bundle = { resourceType: 'Bundle', type: 'collection', entry: [entry(1), entry(2)] };
    expect(run(epsPrescriptionIdLongFormat, bundle).map((i) => i.location)).toEqual([
      'Bundle.entry[1].resource.identifier[0].value',
    ]);
  });
});
