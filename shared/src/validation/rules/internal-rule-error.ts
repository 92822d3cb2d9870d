/** A rule threw while checking this document: a Wheelhouse bug. The other rules still ran. */
import { defineRule } from '../rule.js';

export const internalRuleError = defineRule({
  id: 'internal-rule-error',
  severity: 'error',
  description: 'A validation rule failed on this input; the issue names the rule. Please report it.',
});
