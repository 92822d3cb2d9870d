/**
 * ods-system-uri: the ODS code systems are https://fhir.nhs.uk/Id/ods-organization-code (US spelling, as the UK Core
 * profile fixes it) and https://fhir.nhs.uk/Id/ods-site-code; British spelling, legacy domain or case changes are wrong.
 * Source: https://github.com/NHSDigital/FHIR-R4-UKCORE-STAGING-MAIN (UKCore-Organization identifier slices)
 */
import { checkIdentifierSystem } from '../../identifiers/index.js';
import { identifierOf, reportFindings } from '../nhs-rules-support.js';
import { defineRule } from '../rule.js';

export const odsSystemUri = defineRule({
  id: 'ods-system-uri',
  severity: 'error',
  description:
    'ODS identifier systems are spelt exactly https://fhir.nhs.uk/Id/ods-organization-code or ods-site-code.',
  elements: {
    Identifier(ctx) {
      const { system } = identifierOf(ctx);
      if (system === undefined) return;
      reportFindings(ctx, 'ods-system-uri', checkIdentifierSystem(system), () => [
        ...ctx.elementPathInDoc,
        'system',
      ]);
    },
  },
});
