/**
 * A property that the element's definition does not declare (R4 json.html: "unknown properties are an
 * error"). Suggests the closest valid name; for choice elements `value[x]` names the allowed types.
 */
import { defineRule } from '../rule.js';
import { didYouMean } from '../did-you-mean.js';

export const unknownProperty = defineRule({
  id: 'unknown-property',
  severity: 'error',
  description: 'Properties must be elements defined for the resource or data type (no typos, no invented fields).',
  structure: {
    'unknown-property'(ctx, e) {
      const where = e.parentElementPath;
      if (e.choice) {
        const types = e.choice.types.map((t) => e.choice!.stem + t.charAt(0).toUpperCase() + t.slice(1));
        const guess = didYouMean(e.key, types);
        ctx.report({
          path: e.path,
          range: 'key',
          message: `"${e.key}" is not an allowed type for ${e.choice.elementPath}${guess ? `. Did you mean "${guess}"?` : `; use one of: ${types.join(', ')}`}`,
          data: { key: e.key, allowed: types, ...(guess ? { suggestion: guess } : {}) },
        });
        return;
      }
      const guess = didYouMean(e.key, e.allowed);
      ctx.report({
        path: e.path,
        range: 'key',
        message: `Unknown property "${e.key}" in ${where}${guess ? `. Did you mean "${guess}"?` : ''}`,
        data: { key: e.key, ...(guess ? { suggestion: guess } : {}) },
      });
    },
  },
});
