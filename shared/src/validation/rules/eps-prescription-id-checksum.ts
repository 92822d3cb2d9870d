/**
 * eps-prescription-id-checksum: An EPS short-form prescription id ends with its ISO/IEC 7064 MOD 37-2 check character.
 * Source: https://github.com/NHSDigital/electronic-prescription-service-api (packages/tool/site/client/src/fhir/generatePrescriptionIds.ts)
 */
import { checkShortPrescriptionId, PRESCRIPTION_ORDER_NUMBER_SYSTEM } from '../../identifiers/index.js';
import { identifierOf, reportFindings } from '../nhs-rules-support.js';
import { defineRule } from '../rule.js';

export const epsPrescriptionIdChecksum = defineRule({
  id: 'eps-prescription-id-checksum',
  severity: 'error',
  description: 'An EPS short-form prescription id ends with its ISO/IEC 7064 MOD 37-2 check character.',
  elements: {
    Identifier(ctx) {
      const { system, value } = identifierOf(ctx);
      if (value === undefined || system !== PRESCRIPTION_ORDER_NUMBER_SYSTEM) return;
      reportFindings(ctx, 'eps-prescription-id-checksum', checkShortPrescriptionId(value), () => [
        ...ctx.elementPathInDoc,
        'value',
      ]);
    },
  },
});
