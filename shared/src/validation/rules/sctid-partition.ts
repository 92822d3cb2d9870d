/**
 * sctid-partition: Coding.code holds a concept id (partition 00/10); the coding-sctdescid extension holds a description id (01/11).
 * Source: https://docs.snomed.org/snomed-ct-specifications/snomed-ct-release-file-specification/snomed-ct-identifiers/6.5-partition-identifier
 */
import {
  checkSctid,
  DMD_SYSTEM,
  SCT_DESCRIPTION_ID_EXTENSION,
  SNOMED_SYSTEM,
} from '../../identifiers/index.js';
import { reportFindings, str } from '../nhs-rules-support.js';
import { defineRule } from '../rule.js';

export const sctidPartition = defineRule({
  id: 'sctid-partition',
  severity: 'error',
  description:
    'Coding.code holds a concept id (partition 00/10); the coding-sctdescid extension holds a description id (01/11).',
  elements: {
    Coding(ctx) {
      const system = str(ctx.elementValue, 'system');
      const code = str(ctx.elementValue, 'code');
      if (code === undefined || (system !== SNOMED_SYSTEM && system !== DMD_SYSTEM)) return;
      const label = system === DMD_SYSTEM ? 'dm+d code' : 'SNOMED CT code';
      reportFindings(ctx, 'sctid-partition', checkSctid(code, { label }), [...ctx.elementPathInDoc, 'code']);
    },
    Extension(ctx) {
      if (str(ctx.elementValue, 'url') !== SCT_DESCRIPTION_ID_EXTENSION) return;
      const id = str(ctx.elementValue, 'valueId');
      if (id === undefined) return;
      const findings = checkSctid(id, { expect: 'description', label: 'SNOMED CT description id' });
      reportFindings(ctx, 'sctid-partition', findings, [...ctx.elementPathInDoc, 'valueId']);
    },
  },
});
