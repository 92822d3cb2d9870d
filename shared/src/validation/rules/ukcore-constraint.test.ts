import { describe, expect, test } from 'vitest';
import { run, ukCore } from '../../../test/nhs-rules/harness.js';
import { ukcoreConstraint } from './ukcore-constraint.js';

const IMM = 'https://fhir.hl7.org.uk/StructureDefinition/UKCore-Immunization';
const imm = (extra: Record<string, unknown>) => ({
  resourceType: 'Immunization',
  meta: { profile: [IMM] },
  vaccineCode: { text: 'flu' },
  patient: { reference: 'Patient/1' },
  occurrenceDateTime: '2024-01-01',
  ...extra,
});
if (!ukCore) console.warn('Skipping ukcore-constraint tests: ../shared/domain/ukcore-index.json not found.');

describe.skipIf(!ukCore)('ukcore-constraint', () => {
  test('ukcore-imm-001 holds', () => {
    expect(run(ukcoreConstraint, imm({ status: 'completed' }))).toEqual([]);
    expect(run(ukcoreConstraint, imm({ status: 'not-done', statusReason: { text: 'refused' } }))).toEqual([]);
  });
  test('ukcore-imm-001 fails: not-done without statusReason', () => {
    expect(run(ukcoreConstraint, imm({ status: 'not-done' }))).toMatchObject([
      { severity: 'error', data: { key: 'ukcore-imm-001' } },
    ]);
  });
  test('only for resources claiming the profile', () => {
    expect(run(ukcoreConstraint, { ...imm({ status: 'not-done' }), meta: undefined })).toEqual([]);
  });
});
