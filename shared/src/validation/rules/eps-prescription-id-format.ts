/**
 * eps-prescription-id-format: An EPS short-form prescription id has the XXXXXX-XXXXXX-XXXXXC layout, upper case.
 * Source: https://github.com/NHSDigital/electronic-prescription-service-api (packages/specification/schemas/components/_fragments/groupIdentifier.yaml)
 */
import { checkShortPrescriptionId, PRESCRIPTION_ORDER_NUMBER_SYSTEM } from '../../identifiers/index.js';
import { identifierOf, reportFindings } from '../nhs-rules-support.js';
import { defineRule } from '../rule.js';

export const epsPrescriptionIdFormat = defineRule({
  id: 'eps-prescription-id-format',
  severity: 'error',
  description: 'An EPS short-form prescription id has the XXXXXX-XXXXXX-XXXXXC layout, upper case.',
  elements: {
    Identifier(ctx) {
      const { system, value } = identifierOf(ctx);
      if (value === undefined || system !== PRESCRIPTION_ORDER_NUMBER_SYSTEM) return;
      reportFindings(ctx, 'eps-prescription-id-format', checkShortPrescriptionId(value), () => [
        ...ctx.elementPathInDoc,
        'value',
      ]);
    },
  },
});
