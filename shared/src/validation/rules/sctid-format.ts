/**
 * sctid-format: A SNOMED CT or dm+d code is an SCTID: 6–18 digits, no leading zero, no whitespace.
 * Source: https://docs.snomed.org/snomed-ct-specifications/snomed-ct-release-file-specification/snomed-ct-identifiers/6.1-sctid-data-type
 */
import {
  checkSctid,
  DMD_SYSTEM,
  SCT_DESCRIPTION_ID_EXTENSION,
  SNOMED_SYSTEM,
} from '../../identifiers/index.js';
import { reportFindings, str } from '../nhs-rules-support.js';
import { defineRule } from '../rule.js';

export const sctidFormat = defineRule({
  id: 'sctid-format',
  severity: 'error',
  description: 'A SNOMED CT or dm+d code is an SCTID: 6–18 digits, no leading zero, no whitespace.',
  elements: {
    Coding(ctx) {
      const system = str(ctx.elementValue, 'system');
      const code = str(ctx.elementValue, 'code');
      if (code === undefined || (system !== SNOMED_SYSTEM && system !== DMD_SYSTEM)) return;
      const label = system === DMD_SYSTEM ? 'dm+d code' : 'SNOMED CT code';
      reportFindings(ctx, 'sctid-format', checkSctid(code, { label }), [...ctx.elementPathInDoc, 'code']);
    },
    Extension(ctx) {
      if (str(ctx.elementValue, 'url') !== SCT_DESCRIPTION_ID_EXTENSION) return;
      const id = str(ctx.elementValue, 'valueId');
      if (id === undefined) return;
      const findings = checkSctid(id, { expect: 'description', label: 'SNOMED CT description id' });
      reportFindings(ctx, 'sctid-format', findings, [...ctx.elementPathInDoc, 'valueId']);
    },
  },
});
