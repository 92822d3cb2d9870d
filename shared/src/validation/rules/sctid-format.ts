/**
 * sctid-format: A SNOMED CT or dm+d code is an SCTID: 6–18 digits, no leading zero, no whitespace.
 * Source: https://docs.snomed.org/snomed-ct-specifications/snomed-ct-release-file-specification/snomed-ct-identifiers/6.1-sctid-data-type
 */
import { sctidHooks } from '../nhs-rules-support.js';
import { defineRule } from '../rule.js';

export const sctidFormat = defineRule({
  id: 'sctid-format',
  severity: 'error',
  description: 'A SNOMED CT or dm+d code is an SCTID: 6–18 digits, no leading zero, no whitespace.',
  elements: sctidHooks('sctid-format'),
});
