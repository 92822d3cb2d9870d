import { describe, expect, test } from 'vitest';
import { applyFix, run } from '../../../test/nhs-rules/harness.js';
import { epsPrescriptionIdChecksum } from './eps-prescription-id-checksum.js';

const mr = (value: string) => ({
  resourceType: 'MedicationRequest',
  status: 'active',
  intent: 'order',
  subject: { reference: 'Patient/1' },
  medicationCodeableConcept: { text: 'x' },
  groupIdentifier: { system: 'https://fhir.nhs.uk/Id/prescription-order-number', value },
});

describe('eps-prescription-id-checksum', () => {
  test.each(['24F5DA-A83008-7EFE6Z', '4243A0-A99968-4E149+'])('valid %s', (v) =>
    expect(run(epsPrescriptionIdChecksum, mr(v))).toEqual([]),
  );
  test('wrong check character: explicit fix recomputes it', () => {
    const [issue] = run(epsPrescriptionIdChecksum, mr('03F4C2-A99968-7F717P'));
    expect(issue).toMatchObject({ severity: 'error', data: { expectedCheckCharacter: 'Y' } });
    expect(applyFix(mr('03F4C2-A99968-7F717P'), issue!)).toEqual(mr('03F4C2-A99968-7F717Y'));
  });
});
