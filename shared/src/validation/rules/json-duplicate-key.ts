/**
 * An object repeats a property name. JSON parsers keep only one of them (which one varies), so FHIR
 * forbids it. https://hl7.org/fhir/R4/json.html
 */
import { defineRule } from '../rule.js';

export const jsonDuplicateKey = defineRule({
  id: 'json-duplicate-key',
  severity: 'error',
  description: 'A JSON object must not repeat a property name.',
});
