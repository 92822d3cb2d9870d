/**
 * An extension URL under a domain whose extensions the loaded packages or workspace define, but
 * which none of them defines: misspelt, retired, or from another version of the IG.
 * https://hl7.org/fhir/R4/extensibility.html#Extension ("url SHALL be a resolvable reference").
 * Complements extension-unknown, which leaves UK Core / NHS domains to the UK rules and packages.
 */
import { reportProfileFindings } from '../../profiles/rule-support.js';
import { defineRule } from '../rule.js';

export const extensionUndefined = defineRule({
  id: 'extension-undefined',
  severity: 'error',
  description: 'Extensions under a loaded package\'s own domain that the package does not define (misspelt, retired or from another version).',
  resource(ctx) {
    reportProfileFindings(ctx, ['extension-undefined']);
  },
});
