import { describe, expect, test } from 'vitest';
import { applyFix, run } from '../../../test/nhs-rules/harness.js';
import { epsPrescriptionIdFormat } from './eps-prescription-id-format.js';

const mr = (value: string) => ({
  resourceType: 'MedicationRequest',
  status: 'active',
  intent: 'order',
  subject: { reference: 'Patient/1' },
  medicationCodeableConcept: { text: 'x' },
  groupIdentifier: { system: 'https://fhir.nhs.uk/Id/prescription-order-number', value },
});

describe('eps-prescription-id-format', () => {
  test('valid', () => expect(run(epsPrescriptionIdFormat, mr('24F5DA-A83008-7EFE6Z'))).toEqual([]));
  test('lower case: warning, fix upper-cases', () => {
    const [issue] = run(epsPrescriptionIdFormat, mr('24f5da-a83008-7efe6z'));
    expect(issue?.severity).toBe('warning');
    expect(applyFix(mr('24f5da-a83008-7efe6z'), issue!)).toEqual(mr('24F5DA-A83008-7EFE6Z'));
  });
  test('missing hyphens: error with fix', () => {
    const [issue] = run(epsPrescriptionIdFormat, mr('24F5DAA830087EFE6Z'));
    expect(issue?.severity).toBe('error');
    expect(applyFix(mr('24F5DAA830087EFE6Z'), issue!)).toEqual(mr('24F5DA-A83008-7EFE6Z'));
  });
  test.each(['24F5DA-A83008-7EFE6*', '24F5DA-A83008-7EFE6'])('error %s', (v) =>
    expect(run(epsPrescriptionIdFormat, mr(v))).toHaveLength(1),
  );
});
