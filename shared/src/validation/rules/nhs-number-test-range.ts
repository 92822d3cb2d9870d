/**
 * nhs-number-test-range: Flags NHS numbers in the 999 prefix, a range used for test data.
 * Source: https://en.wikipedia.org/wiki/NHS_number (secondary source)
 */
import { checkNhsNumber, NHS_NUMBER_SYSTEM } from '../../identifiers/index.js';
import { identifierOf, reportFindings } from '../nhs-rules-support.js';
import { defineRule } from '../rule.js';

export const nhsNumberTestRange = defineRule({
  id: 'nhs-number-test-range',
  severity: 'information',
  description: 'Flags NHS numbers in the 999 prefix, a range used for test data.',
  elements: {
    Identifier(ctx) {
      const { system, value } = identifierOf(ctx);
      if (value === undefined || system !== NHS_NUMBER_SYSTEM) return;
      reportFindings(ctx, 'nhs-number-test-range', checkNhsNumber(value), () => [...ctx.elementPathInDoc, 'value']);
    },
  },
});
