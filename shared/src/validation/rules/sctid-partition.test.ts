import { describe, expect, test } from 'vitest';
import { observationWithCoding, run, SCT } from '../../../test/nhs-rules/harness.js';
import { sctidPartition } from './sctid-partition.js';

const DESC = 'http://hl7.org/fhir/StructureDefinition/coding-sctdescid';

describe('sctid-partition', () => {
  test('concept id in Coding.code', () =>
    expect(run(sctidPartition, observationWithCoding({ system: SCT, code: '22298006' }))).toEqual([]));
  test('description id in Coding.code', () => {
    expect(run(sctidPartition, observationWithCoding({ system: SCT, code: '123558018' }))).toMatchObject([
      { severity: 'error', data: { partition: '01', componentType: 'description' } },
    ]);
  });
  test('description id in coding-sctdescid is right; a concept id there is wrong', () => {
    const coding = (id: string) => ({
      system: SCT,
      code: '22298006',
      extension: [{ url: DESC, valueId: id }],
    });
    expect(run(sctidPartition, observationWithCoding(coding('37443015')))).toEqual([]);
    expect(run(sctidPartition, observationWithCoding(coding('22298006')))).toMatchObject([
      { path: ['code', 'coding', 0, 'extension', 0, 'valueId'] },
    ]);
  });
});
