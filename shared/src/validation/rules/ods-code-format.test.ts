import { describe, expect, test } from 'vitest';
import { applyFix, run } from '../../../test/nhs-rules/harness.js';
import { odsCodeFormat } from './ods-code-format.js';

const org = (value: string) => ({
  resourceType: 'Organization',
  identifier: [{ system: 'https://fhir.nhs.uk/Id/ods-organization-code', value }],
});

describe('ods-code-format', () => {
  test.each(['RH8', 'Y12345', 'FW844'])('valid %s', (v) => expect(run(odsCodeFormat, org(v))).toEqual([]));
  test('lower case is a warning with an upper-case fix', () => {
    const [issue] = run(odsCodeFormat, org('rh8'));
    expect(issue?.severity).toBe('warning');
    expect(applyFix(org('rh8'), issue!)).toEqual(org('RH8'));
  });
  test.each(['R', 'RH8 02', 'ABCDEFGHIJKLM'])('error %s', (v) =>
    expect(run(odsCodeFormat, org(v))).toMatchObject([{ severity: 'error' }]),
  );
});
