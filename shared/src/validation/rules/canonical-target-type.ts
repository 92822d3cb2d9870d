/**
 * canonical-target-type: a canonical that names a core conformance resource we know (a core ValueSet or
 * CodeSystem) must point at a type the element allows (ElementDefinition.type.targetProfile).
 * https://hl7.org/fhir/R4/references.html#canonical
 */
import { defineRule } from '../rule.js';

const PROFILE = 'http://hl7.org/fhir/StructureDefinition/';

export const canonicalTargetType = defineRule({
  id: 'canonical-target-type',
  severity: 'error',
  description: 'Canonical references to known core ValueSets/CodeSystems match the allowed target types.',
  elements: {
    canonical(ctx) {
      const v = ctx.elementValue;
      if (typeof v !== 'string' || !ctx.terminology) return;
      const found = ctx.terminology.canonicalType(v);
      if (!found) return;
      const targets = (ctx.definition.types ?? [])
        .filter((t) => t.code === 'canonical')
        .flatMap((t) => t.targetProfile ?? [])
        .map((p) => (p.startsWith(PROFILE) ? p.slice(PROFILE.length) : p));
      if (targets.length === 0 || targets.includes(found) || targets.includes('Resource')) return;
      ctx.report({
        path: ctx.elementPathInDoc,
        message: `Canonical URL '${v}' refers to a resource that has the wrong type. Found ${found} expecting one of [${targets.join(', ')}]`,
      });
    },
  },
});
