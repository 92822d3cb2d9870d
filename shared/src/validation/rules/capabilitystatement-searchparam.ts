/**
 * capabilitystatement-searchparam: a search parameter a CapabilityStatement declares with a core definition
 * has that definition's type. https://hl7.org/fhir/R4/capabilitystatement-definitions.html#CapabilityStatement.rest.resource.searchParam.definition
 */
import { defineRule } from '../rule.js';

type Obj = Record<string, unknown>;

export const capabilitystatementSearchparam = defineRule({
  id: 'capabilitystatement-searchparam',
  severity: 'error',
  description: 'CapabilityStatement search parameters with a core definition have its type.',
  elements: {
    BackboneElement(ctx) {
      if (ctx.definition.path !== 'CapabilityStatement.rest.resource.searchParam' || !ctx.terminology) return;
      const sp = ctx.elementValue as Obj | null;
      const definition = sp?.['definition'];
      const type = sp?.['type'];
      if (typeof definition !== 'string' || typeof type !== 'string') return;
      const core = ctx.terminology.searchParameter(definition);
      if (!core || core.type === type) return;
      const canonical = definition.includes('|') ? definition : `${definition}|${ctx.terminology.fhirVersion}`;
      ctx.report({ path: [...ctx.elementPathInDoc, 'type'], message: `Type mismatch - SearchParameter '${canonical}' type is ${core.type}, but type here is ${type}` });
    },
  },
});
