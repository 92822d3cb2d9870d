/**
 * Empty strings, objects and arrays carry no data and are not allowed: omit the property.
 * https://hl7.org/fhir/R4/json.html ("a property must have a value"), datatypes.html#primitive
 */
import { defineRule } from '../rule.js';

export const jsonEmpty = defineRule({
  id: 'json-empty',
  severity: 'error',
  description: 'No empty strings, objects or arrays: a property must have content or be left out.',
  structure: {
    'empty-value'(ctx, e) {
      const what = e.what === 'string' ? 'an empty string' : e.what === 'object' ? 'an empty object' : 'an empty array';
      ctx.report({ path: e.path, message: `${e.elementPath} is ${what}: leave the property out if it has no value` });
    },
  },
});
