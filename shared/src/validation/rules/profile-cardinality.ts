/**
 * Elements must occur as often as the profile allows (min/max tightened by the profile; the base cardinality is the cardinality rule).
 * https://hl7.org/fhir/R4/profiling.html#cardinality — the findings come from the profile walk (shared/src/profiles, issue 6), run once per
 * resource when packages or workspace profiles are loaded.
 */
import { reportProfileFindings } from '../../profiles/rule-support.js';
import { defineRule } from '../rule.js';

export const profileCardinality = defineRule({
  id: 'profile-cardinality',
  severity: 'error',
  description: "Elements must occur as often as the profile allows (min/max tightened by the profile; the base cardinality is the cardinality rule).",
  resource(ctx) {
    reportProfileFindings(ctx, ['cardinality']);
  },
});
