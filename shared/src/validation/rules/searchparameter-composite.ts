/**
 * searchparameter-composite: a composite SearchParameter defines two or more components.
 * https://hl7.org/fhir/R4/searchparameter.html#composite and search.html#composite
 */
import { defineRule } from '../rule.js';

export const searchparameterComposite = defineRule({
  id: 'searchparameter-composite',
  severity: 'error',
  description: "A SearchParameter of type 'composite' has at least two components.",
  resource(ctx) {
    if (ctx.resourceType !== 'SearchParameter' || ctx.value['type'] !== 'composite') return;
    const components = ctx.value['component'];
    const count = Array.isArray(components) ? components.length : 0;
    if (count >= 2) return;
    ctx.report({
      path: count === 0 ? [...ctx.path, 'type'] : [...ctx.path, 'component'],
      message: `When the SearchParameter has a type of 'composite', then the SearchParameter must define two or more components (it has ${count})`,
    });
  },
});
