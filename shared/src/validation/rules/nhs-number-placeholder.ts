/**
 * nhs-number-placeholder: An NHS number is not a repeated-digit placeholder (0000000000...), which always passes Mod 11.
 * Source: heuristic; Mod 11 per https://www.datadictionary.nhs.uk/attributes/nhs_number.html
 */
import { checkNhsNumber, NHS_NUMBER_SYSTEM } from '../../identifiers/index.js';
import { identifierOf, reportFindings } from '../nhs-rules-support.js';
import { defineRule } from '../rule.js';

export const nhsNumberPlaceholder = defineRule({
  id: 'nhs-number-placeholder',
  severity: 'warning',
  description:
    'An NHS number is not a repeated-digit placeholder (0000000000...), which always passes Mod 11.',
  elements: {
    Identifier(ctx) {
      const { system, value } = identifierOf(ctx);
      if (value === undefined || system !== NHS_NUMBER_SYSTEM) return;
      reportFindings(ctx, 'nhs-number-placeholder', checkNhsNumber(value), () => [
        ...ctx.elementPathInDoc,
        'value',
      ]);
    },
  },
});
