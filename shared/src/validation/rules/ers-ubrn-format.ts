/**
 * ers-ubrn-format: An e-RS UBRN (system https://fhir.nhs.uk/Id/UBRN) is exactly 12 digits.
 * Source: https://github.com/NHSDigital/e-referrals-service-api (specification/components/r4/schemas/queryParameters/Identifier.yaml)
 */
import { checkUbrn, UBRN_SYSTEM } from '../../identifiers/index.js';
import { identifierOf, reportFindings } from '../nhs-rules-support.js';
import { defineRule } from '../rule.js';

export const ersUbrnFormat = defineRule({
  id: 'ers-ubrn-format',
  severity: 'error',
  description: 'An e-RS UBRN (system https://fhir.nhs.uk/Id/UBRN) is exactly 12 digits.',
  elements: {
    Identifier(ctx) {
      const { system, value } = identifierOf(ctx);
      if (value === undefined || system !== UBRN_SYSTEM) return;
      reportFindings(ctx, 'ers-ubrn-format', checkUbrn(value), () => [...ctx.elementPathInDoc, 'value']);
    },
  },
});
