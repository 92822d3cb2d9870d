/**
 * ukcore-retired-asset: a UK Core profile or extension whose status is retired (warning; e.g. Extension-UKCore-
 * NominatedPharmacy, still emitted by PDS) or draft (information).
 * Source: https://github.com/NHSDigital/FHIR-R4-UKCORE-STAGING-MAIN (StructureDefinition.status)
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
  reportFindings(ctx, 'ukcore-retired-asset', findings, ctx.elementPathInDoc);
}

export const ukcoreRetiredAsset = defineRule({
  id: 'ukcore-retired-asset',
  severity: 'warning',
  description: 'Content does not use retired (or, for information, draft) UK Core profiles and extensions.',
  elements: { canonical: check, uri: check },
});
