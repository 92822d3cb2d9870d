/**
 * Codes bound by a profile to a value set from the loaded packages: required (error) and extensible (warning). Code systems not available offline are not checked.
 * https://hl7.org/fhir/R4/terminologies.html#binding — the findings come from the profile walk (shared/src/profiles, issue 6), run once per
 * resource when packages or workspace profiles are loaded.
 */
import { reportProfileFindings } from '../../profiles/rule-support.js';
import { defineRule } from '../rule.js';

export const profileBinding = defineRule({
  id: 'profile-binding',
  severity: 'error',
  description: "Codes bound by a profile to a value set from the loaded packages: required (error) and extensible (warning). Code systems not available offline are not checked.",
  resource(ctx) {
    reportProfileFindings(ctx, ['binding']);
  },
});
