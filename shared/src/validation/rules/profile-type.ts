/**
 * Types a profile allows: choice types narrowed by the profile, and the resource type a profile is for.
 * https://hl7.org/fhir/R4/profiling.html#types — the findings come from the profile walk (shared/src/profiles, issue 6), run once per
 * resource when packages or workspace profiles are loaded.
 */
import { reportProfileFindings } from '../../profiles/rule-support.js';
import { defineRule } from '../rule.js';

export const profileType = defineRule({
  id: 'profile-type',
  severity: 'error',
  description: "Types a profile allows: choice types narrowed by the profile, and the resource type a profile is for.",
  resource(ctx) {
    reportProfileFindings(ctx, ['type']);
  },
});
