/**
 * dmd-system-uri: dm+d codes use https://dmd.nhs.uk (UK Core) or http://snomed.info/sct (EPS); https://dmd.nhs.uk/
 * and http://dmd.nhs.uk are wrong.
 * Source: https://github.com/NHSDigital/FHIR-R4-UKCORE-STAGING-MAIN (ValueSet UKCore-MedicationCode)
 */
import { checkCodingSystem } from '../../identifiers/index.js';
import { reportFindings, str } from '../nhs-rules-support.js';
import { defineRule } from '../rule.js';

export const dmdSystemUri = defineRule({
  id: 'dmd-system-uri',
  severity: 'error',
  description: 'Coding.system for dm+d is exactly https://dmd.nhs.uk (or http://snomed.info/sct).',
  elements: {
    Coding(ctx) {
      const system = str(ctx.elementValue, 'system');
      if (system === undefined) return;
      reportFindings(ctx, 'dmd-system-uri', checkCodingSystem(system), () => [...ctx.elementPathInDoc, 'system']);
    },
  },
});
