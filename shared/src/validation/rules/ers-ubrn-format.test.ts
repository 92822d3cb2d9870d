import { describe, expect, test } from 'vitest';
import { applyFix, run } from '../../../test/nhs-rules/harness.js';
import { ersUbrnFormat } from './ers-ubrn-format.js';

const sr = (value: string) => ({
  resourceType: 'ServiceRequest',
  status: 'active',
  intent: 'order',
  subject: { reference: 'Patient/1' },
  identifier: [{ system: 'https://fhir.nhs.uk/Id/UBRN', value }],
});

describe('ers-ubrn-format', () => {
  test('12 digits', () => expect(run(ersUbrnFormat, sr('000000070000'))).toEqual([]));
  test('11 digits', () =>
    expect(run(ersUbrnFormat, sr('00000007000'))).toMatchObject([{ severity: 'error' }]));
  test('separators are stripped by the fix', () => {
    const [issue] = run(ersUbrnFormat, sr('0000-0007-0000'));
    expect(applyFix(sr('0000-0007-0000'), issue!)).toEqual(sr('000000070000'));
  });
});
