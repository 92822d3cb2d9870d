/**
 * ukcore-unknown-canonical: a https://fhir.hl7.org.uk/StructureDefinition/ URL in meta.profile or extension.url that is
 * not a UK Core profile or extension; suggests the nearest one.
 * Source: https://github.com/NHSDigital/FHIR-R4-UKCORE-STAGING-MAIN (structuredefinitions/)
 */
import { checkCanonicalUrl } from '../../identifiers/index.js';
import type { ElementContext } from '../rule.js';
import { payloadFhirVersion, reportFindings, ukCoreFacts } from '../nhs-rules-support.js';
import { defineRule } from '../rule.js';

function check(ctx: ElementContext): void {
  if (
    typeof ctx.elementValue !== 'string' ||
    (ctx.elementPath !== 'Meta.profile' && ctx.elementPath !== 'Extension.url')
  )
    return;
  const facts = ukCoreFacts(ctx);
  if (!facts) return;
  const findings = checkCanonicalUrl(ctx.elementValue, {
    fhirVersion: payloadFhirVersion(ctx),
    ukCore: facts,
  });
  reportFindings(ctx, 'ukcore-unknown-canonical', findings, ctx.elementPathInDoc);
}

export const ukcoreUnknownCanonical = defineRule({
  id: 'ukcore-unknown-canonical',
  severity: 'warning',
  description: 'UK Core profile and extension URLs exist in UK Core.',
  elements: { canonical: check, uri: check },
});
