/**
 * nhs-number-checksum: An NHS number passes the Mod 11 check digit.
 * Source: https://www.datadictionary.nhs.uk/attributes/nhs_number.html
 */
import { checkNhsNumber, NHS_NUMBER_SYSTEM } from '../../identifiers/index.js';
import { identifierOf, reportFindings } from '../nhs-rules-support.js';
import { defineRule } from '../rule.js';

export const nhsNumberChecksum = defineRule({
  id: 'nhs-number-checksum',
  severity: 'error',
  description: 'An NHS number passes the Mod 11 check digit.',
  elements: {
    Identifier(ctx) {
      const { system, value } = identifierOf(ctx);
      if (value === undefined || system !== NHS_NUMBER_SYSTEM) return;
      reportFindings(ctx, 'nhs-number-checksum', checkNhsNumber(value), () => [...ctx.elementPathInDoc, 'value']);
    },
  },
});
