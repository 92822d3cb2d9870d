/**
 * Element cardinality (min..max) from the R4 base definitions: required elements present, repeating
 * elements within their maximum. https://hl7.org/fhir/R4/elementdefinition-definitions.html#ElementDefinition.min
 */
import { defineRule } from '../rule.js';

export const cardinality = defineRule({
  id: 'cardinality',
  severity: 'error',
  description: 'Required elements (min >= 1 in the base specification) must be present; no element may repeat beyond its max.',
  structure: {
    'cardinality-min'(ctx, e) {
      ctx.report({
        path: e.path,
        message: `${e.elementPath} is required (minimum ${e.min}) but ${e.count === 0 ? 'missing' : `only ${e.count} found`}`,
        data: { element: e.elementPath, min: e.min, count: e.count },
      });
    },
    'cardinality-max'(ctx, e) {
      ctx.report({ path: e.path, message: `${e.elementPath} allows at most ${e.max} but has ${e.count}`, data: { element: e.elementPath, max: e.max, count: e.count } });
    },
  },
});
