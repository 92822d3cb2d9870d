/**
 * nhs-number-verification-status-missing: a Patient NHS number SHOULD carry Extension-UKCore-NHSNumberVerificationStatus.
 * Source: https://github.com/NHSDigital/FHIR-R4-UKCORE-STAGING-MAIN (UKCore-Patient, identifier:nhsNumber)
 */
import { NHS_NUMBER_SYSTEM, VERIFICATION_STATUS_EXTENSION } from '../../identifiers/index.js';
import { arr, str } from '../nhs-rules-support.js';
import { defineRule } from '../rule.js';

export const nhsNumberVerificationStatusMissing = defineRule({
  id: 'nhs-number-verification-status-missing',
  severity: 'information',
  description: 'A Patient NHS number identifier carries its verification status extension.',
  resource(ctx) {
    if (ctx.resourceType !== 'Patient') return;
    arr(ctx.value, 'identifier').forEach((id, i) => {
      if (str(id, 'system') !== NHS_NUMBER_SYSTEM) return;
      if (arr(id, 'extension').some((e) => str(e, 'url') === VERIFICATION_STATUS_EXTENSION)) return;
      ctx.report({
        path: [...ctx.path, 'identifier', i],
        message: `This NHS number has no verification status: add the ${VERIFICATION_STATUS_EXTENSION} extension (e.g. code 01 "Number present and verified").`,
      });
    });
  },
});
