/**
 * nhs-number-format: An NHS number Identifier.value is exactly 10 ASCII digits (no spaces or hyphens).
 * Source: https://www.datadictionary.nhs.uk/attributes/nhs_number.html
 */
import { checkNhsNumber, NHS_NUMBER_SYSTEM } from '../../identifiers/index.js';
import { identifierOf, reportFindings } from '../nhs-rules-support.js';
import { defineRule } from '../rule.js';

export const nhsNumberFormat = defineRule({
  id: 'nhs-number-format',
  severity: 'error',
  description: 'An NHS number Identifier.value is exactly 10 ASCII digits (no spaces or hyphens).',
  elements: {
    Identifier(ctx) {
      const { system, value } = identifierOf(ctx);
      if (value === undefined || system !== NHS_NUMBER_SYSTEM) return;
      reportFindings(ctx, 'nhs-number-format', checkNhsNumber(value), () => [...ctx.elementPathInDoc, 'value']);
    },
  },
});
