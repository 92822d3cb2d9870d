/**
 * An extension may only be used where its definition's context allows it.
 * https://hl7.org/fhir/R4/defnextensions.html#context — the findings come from the profile walk (shared/src/profiles, issue 6), run once per
 * resource when packages or workspace profiles are loaded.
 */
import { reportProfileFindings } from '../../profiles/rule-support.js';
import { defineRule } from '../rule.js';

export const extensionContext = defineRule({
  id: 'extension-context',
  severity: 'error',
  description: "An extension may only be used where its definition's context allows it.",
  resource(ctx) {
    reportProfileFindings(ctx, ['extension-context']);
  },
});
