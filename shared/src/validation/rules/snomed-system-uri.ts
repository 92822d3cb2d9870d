/**
 * snomed-system-uri: the SNOMED CT system is exactly http://snomed.info/sct (no trailing "/", https, names, OID,
 * http://snomed.info/id, or an edition URI that belongs in Coding.version).
 * Source: https://hl7.org/fhir/R4/snomedct.html
 */
import { checkCodingSystem } from '../../identifiers/index.js';
import { reportFindings, str } from '../nhs-rules-support.js';
import { defineRule } from '../rule.js';

export const snomedSystemUri = defineRule({
  id: 'snomed-system-uri',
  severity: 'error',
  description: 'Coding.system for SNOMED CT is exactly http://snomed.info/sct.',
  elements: {
    Coding(ctx) {
      const system = str(ctx.elementValue, 'system');
      if (system === undefined) return;
      const findings = checkCodingSystem(system).filter((f) => f.ruleId === 'snomed-system-uri');
      for (const f of findings) {
        const version = typeof f.data?.['version'] === 'string' ? f.data['version'] : undefined;
        if (version !== undefined && str(ctx.elementValue, 'version') === undefined) {
          // An edition URI in system: move it to Coding.version (one edit of the whole Coding).
          const coding = {
            ...(ctx.elementValue as Record<string, unknown>),
            system: f.fix?.replacement,
            version,
          };
          ctx.report({
            path: ctx.elementPathInDoc,
            message: f.message,
            fix: {
              title: `Move ${system} to Coding.version and use http://snomed.info/sct`,
              replacement: coding,
            },
            data: { ...f.data, fixTarget: 'Coding' },
          });
          continue;
        }
        reportFindings(ctx, 'snomed-system-uri', [f], () => [...ctx.elementPathInDoc, 'system']);
      }
    },
  },
});
