/**
 * ukcore-deprecated-careconnect: CareConnect (STU3) profile, extension, code system and value set URLs in R4 content;
 * CareConnect is superseded by UK Core. Silent in STU3 payloads (GP Connect, e-RS), where they are right.
 * Source: https://digital.nhs.uk/developer/api-catalogue/care-connect-fhir-standards
 */
import { checkCareConnectUrl } from '../../identifiers/index.js';
import type { ElementContext } from '../rule.js';
import { payloadFhirVersion, reportFindings, ukCoreFacts } from '../nhs-rules-support.js';
import { defineRule } from '../rule.js';

function check(ctx: ElementContext): void {
  if (typeof ctx.elementValue !== 'string' || !ctx.elementValue.includes('CareConnect-')) return;
  const facts = ukCoreFacts(ctx);
  const findings = checkCareConnectUrl(ctx.elementValue, {
    fhirVersion: payloadFhirVersion(ctx),
    ...(facts ? { ukCore: facts } : {}),
  });
  reportFindings(ctx, 'ukcore-deprecated-careconnect', findings, () => ctx.elementPathInDoc);
}

export const ukcoreDeprecatedCareconnect = defineRule({
  id: 'ukcore-deprecated-careconnect',
  severity: 'warning',
  description:
    'R4 content uses UK Core, not CareConnect (STU3) profiles, extensions, code systems or value sets.',
  elements: { canonical: check, uri: check },
});
