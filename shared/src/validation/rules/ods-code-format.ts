/**
 * ods-code-format: An ODS organisation or site code is 3–12 letters or digits, upper case.
 * Source: https://archive.datadictionary.nhs.uk/DD%20Release%20April%202022/GPDataSet/Organisation.html
 */
import { checkOdsCode, ODS_ORGANIZATION_SYSTEM, ODS_SITE_SYSTEM } from '../../identifiers/index.js';
import { identifierOf, reportFindings } from '../nhs-rules-support.js';
import { defineRule } from '../rule.js';

export const odsCodeFormat = defineRule({
  id: 'ods-code-format',
  severity: 'error',
  description: 'An ODS organisation or site code is 3–12 letters or digits, upper case.',
  elements: {
    Identifier(ctx) {
      const { system, value } = identifierOf(ctx);
      if (value === undefined || !(system === ODS_ORGANIZATION_SYSTEM || system === ODS_SITE_SYSTEM)) return;
      reportFindings(ctx, 'ods-code-format', checkOdsCode(value), () => [...ctx.elementPathInDoc, 'value']);
    },
  },
});
