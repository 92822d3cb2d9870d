/**
 * Values fixed (fixed[x]) or patterned (pattern[x]) by a profile, and maxLength.
 * https://hl7.org/fhir/R4/elementdefinition-definitions.html#ElementDefinition.fixed_x_ — the findings come from the profile walk (shared/src/profiles, issue 6), run once per
 * resource when packages or workspace profiles are loaded.
 */
import { reportProfileFindings } from '../../profiles/rule-support.js';
import { defineRule } from '../rule.js';

export const profileFixedValue = defineRule({
  id: 'profile-fixed-value',
  severity: 'error',
  description: "Values fixed (fixed[x]) or patterned (pattern[x]) by a profile, and maxLength.",
  resource(ctx) {
    reportProfileFindings(ctx, ['fixed']);
  },
});
