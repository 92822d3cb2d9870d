/**
 * `_name` carries the id and extensions of primitive `name`; its shape must match `name` (an array
 * aligned item by item for repeating elements). https://hl7.org/fhir/R4/json.html#primitive
 */
import { defineRule } from '../rule.js';

export const jsonCompanion = defineRule({
  id: 'json-companion',
  severity: 'error',
  description: 'A `_name` property (id/extensions of a primitive) must line up with its `name` property.',
  structure: {
    'companion-mismatch'(ctx, e) {
      ctx.report({ path: e.path, message: e.detail });
    },
  },
});
