/**
 * nhs-number-verification-status-code: Extension-UKCore-NHSNumberVerificationStatus codes come from the required value
 * set (England 01–08, Wales nn/01–08, NullFlavor NI). Retired UK Core and CareConnect systems are errors, or warnings
 * with the PDS compatibility setting (PDS still returns them).
 * Source: https://github.com/NHSDigital/FHIR-R4-UKCORE-STAGING-MAIN (ValueSet UKCore-NHSNumberVerificationStatus)
 */
import { checkVerificationStatus, VERIFICATION_STATUS_EXTENSION } from '../../identifiers/index.js';
import { arr, payloadFhirVersion, str } from '../nhs-rules-support.js';
import { defineRule } from '../rule.js';

export const nhsNumberVerificationStatusCode = defineRule({
  id: 'nhs-number-verification-status-code',
  severity: 'error',
  description: 'NHS number verification status codes are in the required UK Core value set.',
  elements: {
    Extension(ctx) {
      if (str(ctx.elementValue, 'url') !== VERIFICATION_STATUS_EXTENSION) return;
      const concept = (ctx.elementValue as Record<string, unknown>)['valueCodeableConcept'];
      arr(concept, 'coding').forEach((coding, i) => {
        const system = str(coding, 'system');
        const code = str(coding, 'code');
        const findings = checkVerificationStatus(system, code, {
          pdsCompatibility: ctx.settings.pdsCompatibility,
          fhirVersion: payloadFhirVersion(ctx),
        });
        for (const f of findings) {
          if (f.ruleId !== 'nhs-number-verification-status-code') continue;
          const fix = f.fix?.replacement.split('|');
          ctx.report({
            path: [...ctx.elementPathInDoc, 'valueCodeableConcept', 'coding', i],
            message: f.message,
            severity: f.severity,
            ...(fix && fix.length === 2
              ? {
                  fix: {
                    title: f.fix?.title ?? 'Use the UK Core code',
                    replacement: { ...(coding as Record<string, unknown>), system: fix[0], code: fix[1] },
                  },
                }
              : {}),
          });
        }
      });
    },
  },
});
