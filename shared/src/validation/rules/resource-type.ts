/**
 * Every resource (top level, contained, Bundle entry, Parameters resource) needs a known, concrete
 * `resourceType`. https://hl7.org/fhir/R4/json.html#resources
 */
import { defineRule } from '../rule.js';
import { didYouMean } from '../did-you-mean.js';

export const resourceType = defineRule({
  id: 'resource-type',
  severity: 'error',
  description: 'Each resource needs a "resourceType" naming a concrete FHIR R4 resource type.',
  structure: {
    'resource-type-missing'(ctx, e) {
      ctx.report({ path: e.path, message: 'This resource has no "resourceType": nested resources (contained, Bundle entries) must say their type' });
    },
    'resource-type-unknown'(ctx, e) {
      const guess = didYouMean(e.resourceType, e.known);
      ctx.report({
        path: e.path,
        message: `Unknown resource type "${e.resourceType}" in FHIR R4${guess ? `. Did you mean "${guess}"?` : ''}`,
        ...(guess ? { fix: { title: `Change to "${guess}"`, replacement: guess }, data: { suggestion: guess } } : {}),
      });
    },
    'resource-type-abstract'(ctx, e) {
      ctx.report({ path: e.path, message: `"${e.resourceType}" is an abstract type; use a concrete resource type such as "Patient" or "Observation"` });
    },
  },
});
