/**
 * Repeating elements (max > 1) are always JSON arrays, even with one item; single elements never are.
 * https://hl7.org/fhir/R4/json.html#arrays
 */
import { defineRule } from '../rule.js';

export const jsonArray = defineRule({
  id: 'json-array',
  severity: 'error',
  description: 'Elements that can repeat must be arrays (even with one item); elements that cannot must not be.',
  structure: {
    'array-expected'(ctx, e) {
      // Paths are from the document root: the outermost enclosing resource is the root value.
      const root = ctx.ancestors.length > 0 ? ctx.ancestors[ctx.ancestors.length - 1]!.value : ctx.value;
      const value = resolve(root, e.path);
      ctx.report({
        path: e.path,
        message: `${e.elementPath} can repeat (max ${e.max}), so it must be a JSON array, not a single value`,
        ...(value !== undefined ? { fix: { title: 'Wrap in an array', replacement: [value] } } : {}),
      });
    },
    'array-unexpected'(ctx, e) {
      ctx.report({ path: e.path, message: `${e.elementPath} cannot repeat (max 1), so it must be a single value, not an array` });
    },
  },
});

function resolve(root: unknown, path: readonly (string | number)[]): unknown {
  let v = root;
  for (const s of path) {
    if (v === null || typeof v !== 'object') return undefined;
    v = (v as Record<string | number, unknown>)[s];
  }
  return v;
}
