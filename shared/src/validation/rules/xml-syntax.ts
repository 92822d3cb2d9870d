/**
 * The text is not well-formed XML (https://www.w3.org/TR/xml/). Reported by the XML parser (saxes),
 * which carries on where it can so the rest of the document is still validated.
 */
import { defineRule } from '../rule.js';

export const xmlSyntax = defineRule({
  id: 'xml-syntax',
  severity: 'error',
  description: 'The text must be well-formed XML: matched tags, quoted attributes, one root element, escaped & and <.',
});
