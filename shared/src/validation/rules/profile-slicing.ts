/**
 * Repeating elements sliced by a profile: each slice's cardinality, closed slicing (no unmatched items), openAtEnd and ordered slicing.
 * https://hl7.org/fhir/R4/profiling.html#slicing — the findings come from the profile walk (shared/src/profiles, issue 6), run once per
 * resource when packages or workspace profiles are loaded.
 */
import { reportProfileFindings } from '../../profiles/rule-support.js';
import { defineRule } from '../rule.js';

export const profileSlicing = defineRule({
  id: 'profile-slicing',
  severity: 'error',
  description: "Repeating elements sliced by a profile: each slice's cardinality, closed slicing (no unmatched items), openAtEnd and ordered slicing.",
  resource(ctx) {
    reportProfileFindings(ctx, ['slicing']);
  },
});
