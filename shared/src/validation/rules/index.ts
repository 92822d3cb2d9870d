import type { Rule } from '../rule.js';
import { internalRuleError } from './internal-rule-error.js';
import { invariant } from './invariant.js';
import { jsonDuplicateKey } from './json-duplicate-key.js';
import { jsonSyntax } from './json-syntax.js';
import { xmlNotSupported } from './xml-not-supported.js';

/** The one list of rules (STYLE.md 2): a new rule is one file plus one line here. */
export const rules: readonly Rule[] = [
  jsonSyntax,
  jsonDuplicateKey,
  internalRuleError,
  xmlNotSupported,
  invariant,
];
