/**
 * sctid-verhoeff: The last digit of an SCTID is its Verhoeff check digit.
 * Source: https://confluence.snomedtools.org/display/DOCRELFMT/6.4.2+Check-digit+Computation
 */
import { sctidHooks } from '../nhs-rules-support.js';
import { defineRule } from '../rule.js';

export const sctidVerhoeff = defineRule({
  id: 'sctid-verhoeff',
  severity: 'error',
  description: 'The last digit of an SCTID is its Verhoeff check digit.',
  elements: sctidHooks('sctid-verhoeff'),
});
