/**
 * A profile named in meta.profile, --profile or the configuration is not loaded (or its snapshot cannot be generated), so the resource was not checked against it.
 * https://hl7.org/fhir/R4/resource.html#profile — the findings come from the profile walk (shared/src/profiles, issue 6), run once per
 * resource when packages or workspace profiles are loaded.
 */
import { reportProfileFindings } from '../../profiles/rule-support.js';
import { defineRule } from '../rule.js';

export const profileUnknown = defineRule({
  id: 'profile-unknown',
  severity: 'warning',
  description: "A profile named in meta.profile, --profile or the configuration is not loaded (or its snapshot cannot be generated), so the resource was not checked against it.",
  resource(ctx) {
    reportProfileFindings(ctx, ['unknown-profile']);
  },
});
