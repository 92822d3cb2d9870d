/**
 * `null` is not a FHIR value: leave the property out instead. Inside arrays of primitives a null only
 * keeps positions aligned with the `_name` array, so it needs an extension there.
 * https://hl7.org/fhir/R4/json.html#primitive
 */
import { defineRule } from '../rule.js';

export const jsonNull = defineRule({
  id: 'json-null',
  severity: 'error',
  description: 'No null values: omit the property (nulls in primitive arrays only where `_name` has content at the same index).',
  structure: {
    'null-value'(ctx, e) {
      const last = e.path[e.path.length - 1];
      ctx.report({
        path: e.path,
        message:
          typeof last === 'number'
            ? `Null at index ${last} of ${e.elementPath}: a null in an array is only allowed when the matching "_" array item carries an id or extensions`
            : `${e.elementPath} is null: omit the property instead of giving it a null value`,
      });
    },
  },
});
