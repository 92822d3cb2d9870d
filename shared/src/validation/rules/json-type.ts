/**
 * The JSON type must match the element's FHIR type: booleans as true/false, integer and decimal as
 * JSON numbers, other primitives as strings, complex types and backbone elements as objects.
 * https://hl7.org/fhir/R4/json.html#primitive
 */
import { defineRule } from '../rule.js';

const article = (t: string): string => (/^[aeiou]/.test(t) ? `an ${t}` : `a ${t}`);

export const jsonType = defineRule({
  id: 'json-type',
  severity: 'error',
  description: 'Values must use the JSON type of their FHIR type (e.g. numbers unquoted, booleans as true/false, complex types as objects).',
  structure: {
    'wrong-json-type'(ctx, e) {
      let hint = '';
      if (e.expected === 'number' && e.actual === 'string') hint = ' (remove the quotes)';
      else if (e.expected === 'boolean' && e.actual === 'string') hint = ' (use true or false without quotes)';
      else if (e.expected === 'string' && (e.actual === 'number' || e.actual === 'boolean')) hint = ' (put the value in quotes)';
      ctx.report({
        path: e.path,
        message: `${e.elementPath} is of FHIR type ${e.fhirType}, so it must be ${article(`JSON ${e.expected}`)}, not ${article(e.actual)}${hint}`,
        data: { expected: e.expected, actual: e.actual, fhirType: e.fhirType },
      });
    },
  },
});
