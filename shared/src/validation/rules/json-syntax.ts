/**
 * The text is not valid JSON (RFC 8259). Reported by the parser, which carries on so the rest of the
 * document is still validated. https://hl7.org/fhir/R4/json.html
 */
import { defineRule } from '../rule.js';

export const jsonSyntax = defineRule({
  id: 'json-syntax',
  severity: 'error',
  description: 'The text must be valid JSON: quoted property names, commas between items, no comments, closed brackets.',
});
