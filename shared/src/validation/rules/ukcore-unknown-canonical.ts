/**
 * ukcore-unknown-canonical: a https://fhir.hl7.org.uk/StructureDefinition/ URL in meta.profile or extension.url that is
 * not a UK Core profile or extension; suggests the nearest one.
 * Source: https://github.com/NHSDigital/FHIR-R4-UKCORE-STAGING-MAIN (structuredefinitions/)
 */
import { ukCoreCanonicalCheck } from '../nhs-rules-support.js';
import { defineRule } from '../rule.js';

const check = ukCoreCanonicalCheck('ukcore-unknown-canonical');

export const ukcoreUnknownCanonical = defineRule({
  id: 'ukcore-unknown-canonical',
  severity: 'warning',
  description: 'UK Core profile and extension URLs exist in UK Core.',
  elements: { canonical: check, uri: check },
});
