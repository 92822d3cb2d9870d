/**
 * sctid-verhoeff: The last digit of an SCTID is its Verhoeff check digit.
 * Source: https://confluence.snomedtools.org/display/DOCRELFMT/6.4.2+Check-digit+Computation
 */
import {
  checkSctid,
  DMD_SYSTEM,
  SCT_DESCRIPTION_ID_EXTENSION,
  SNOMED_SYSTEM,
} from '../../identifiers/index.js';
import { reportFindings, str } from '../nhs-rules-support.js';
import { defineRule } from '../rule.js';

export const sctidVerhoeff = defineRule({
  id: 'sctid-verhoeff',
  severity: 'error',
  description: 'The last digit of an SCTID is its Verhoeff check digit.',
  elements: {
    Coding(ctx) {
      const system = str(ctx.elementValue, 'system');
      const code = str(ctx.elementValue, 'code');
      if (code === undefined || (system !== SNOMED_SYSTEM && system !== DMD_SYSTEM)) return;
      const label = system === DMD_SYSTEM ? 'dm+d code' : 'SNOMED CT code';
      reportFindings(ctx, 'sctid-verhoeff', checkSctid(code, { label }), [...ctx.elementPathInDoc, 'code']);
    },
    Extension(ctx) {
      if (str(ctx.elementValue, 'url') !== SCT_DESCRIPTION_ID_EXTENSION) return;
      const id = str(ctx.elementValue, 'valueId');
      if (id === undefined) return;
      const findings = checkSctid(id, { expect: 'description', label: 'SNOMED CT description id' });
      reportFindings(ctx, 'sctid-verhoeff', findings, [...ctx.elementPathInDoc, 'valueId']);
    },
  },
});
