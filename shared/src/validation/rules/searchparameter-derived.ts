/**
 * searchparameter-derived: a SearchParameter derived from a core one keeps its type and only narrows its
 * base. https://hl7.org/fhir/R4/searchparameter-definitions.html#SearchParameter.derivedFrom
 */
import { defineRule } from '../rule.js';

export const searchparameterDerived = defineRule({
  id: 'searchparameter-derived',
  severity: 'error',
  description: 'A SearchParameter derived from a core search parameter has the same type and a base within its base.',
  resource(ctx) {
    if (ctx.resourceType !== 'SearchParameter' || !ctx.terminology) return;
    const derivedFrom = ctx.value['derivedFrom'];
    if (typeof derivedFrom !== 'string') return;
    const parent = ctx.terminology.searchParameter(derivedFrom);
    if (!parent) return;
    const type = ctx.value['type'];
    if (typeof type === 'string' && type !== parent.type) {
      ctx.report({
        path: [...ctx.path, 'type'],
        message: `The type ${parent.type} is different to the type ${derivedFrom} in the derivedFrom SearchParameter (it is ${type} here)`,
      });
    }
    const base = ctx.value['base'];
    if (!Array.isArray(base)) return;
    base.forEach((b: unknown, i) => {
      if (typeof b !== 'string' || parent.base.includes(b) || parent.base.includes('Resource') || parent.base.includes('DomainResource')) return;
      ctx.report({ path: [...ctx.path, 'base', i], message: `The resource type ${b} is not listed as a base in the SearchParameter this is derived from (${derivedFrom})` });
    });
  },
});
