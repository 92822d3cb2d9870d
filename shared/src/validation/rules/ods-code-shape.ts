/**
 * ods-code-shape: Hints which ODS coding frame a code looks like (trust, trust site, GP practice, pharmacy).
 * Source: https://archive.datadictionary.nhs.uk/DD%20Release%20September%202020/supporting_information/organisation_coding_frames.html
 */
import { checkOdsCode, ODS_ORGANIZATION_SYSTEM, ODS_SITE_SYSTEM } from '../../identifiers/index.js';
import { identifierOf, reportFindings } from '../nhs-rules-support.js';
import { defineRule } from '../rule.js';

export const odsCodeShape = defineRule({
  id: 'ods-code-shape',
  severity: 'information',
  description: 'Hints which ODS coding frame a code looks like (trust, trust site, GP practice, pharmacy).',
  elements: {
    Identifier(ctx) {
      const { system, value } = identifierOf(ctx);
      if (value === undefined || !(system === ODS_ORGANIZATION_SYSTEM || system === ODS_SITE_SYSTEM)) return;
      reportFindings(ctx, 'ods-code-shape', checkOdsCode(value), () => [...ctx.elementPathInDoc, 'value']);
    },
  },
});
