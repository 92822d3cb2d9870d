/**
 * nhs-identifier-system: Identifier.system near-misses of registered NHS/UK identifier systems (case, trailing
 * "/", http/https, legacy fhir.nhs.net domain, GMC/GMP on the wrong domain: error; OIDs and other near-misses: warning).
 * Source: https://simplifier.net/guide/UKNamingSystems/Home/Identifiersystems/IndexofIdentifierNamingsystems
 */
import { checkIdentifierSystem } from '../../identifiers/index.js';
import { identifierOf, reportFindings } from '../nhs-rules-support.js';
import { defineRule } from '../rule.js';

export const nhsIdentifierSystem = defineRule({
  id: 'nhs-identifier-system',
  severity: 'error',
  description: 'Identifier.system is exactly a registered NHS/UK identifier system, not a near-miss of one.',
  elements: {
    Identifier(ctx) {
      const { system } = identifierOf(ctx);
      if (system === undefined) return;
      reportFindings(ctx, 'nhs-identifier-system', checkIdentifierSystem(system), () => [
        ...ctx.elementPathInDoc,
        'system',
      ]);
    },
  },
});
