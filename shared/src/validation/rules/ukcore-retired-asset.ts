/**
 * ukcore-retired-asset: a UK Core profile or extension whose status is retired (warning; e.g. Extension-UKCore-
 * NominatedPharmacy, still emitted by PDS) or draft (information).
 * Source: https://github.com/NHSDigital/FHIR-R4-UKCORE-STAGING-MAIN (StructureDefinition.status)
 */
import { ukCoreCanonicalCheck } from '../nhs-rules-support.js';
import { defineRule } from '../rule.js';

const check = ukCoreCanonicalCheck('ukcore-retired-asset');

export const ukcoreRetiredAsset = defineRule({
  id: 'ukcore-retired-asset',
  severity: 'warning',
  description: 'Content does not use retired (or, for information, draft) UK Core profiles and extensions.',
  elements: { canonical: check, uri: check },
});
