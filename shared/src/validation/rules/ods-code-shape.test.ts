import { describe, expect, test } from 'vitest';
import { run } from '../../../test/nhs-rules/harness.js';
import { odsCodeShape } from './ods-code-shape.js';

const org = (value: string) => ({
  resourceType: 'Organization',
  identifier: [{ system: 'https://fhir.nhs.uk/Id/ods-organization-code', value }],
});

describe('ods-code-shape', () => {
  test.each([
    ['RH8', 'nhs-trust'],
    ['RH802', 'nhs-trust-site'],
    ['Y12345', 'gp-practice'],
    ['FW844', 'pharmacy'],
    ['8HA03', 'other'],
  ])('%s looks like %s (information only)', (v, shape) => {
    expect(run(odsCodeShape, org(v))).toMatchObject([{ severity: 'information', data: { shape } }]);
  });
  test('bad codes are left to ods-code-format', () => expect(run(odsCodeShape, org('R'))).toEqual([]));
});
