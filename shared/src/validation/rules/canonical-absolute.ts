/**
 * canonical-absolute: canonical references are absolute URLs (a warning: see below) unless they are '#fragment' references to a
 * contained resource; a canonical resource's own url is absolute; ValueSet.compose include/exclude systems
 * are absolute URIs. https://hl7.org/fhir/R4/references.html#canonical and valueset.html#compose
 */
import { defineRule } from '../rule.js';
import { ABSOLUTE_URI } from '../references/index.js';

export const canonicalAbsolute = defineRule({
  id: 'canonical-absolute',
  severity: 'error',
  description: 'Canonical URLs are absolute (or #fragments); canonical resource urls and ValueSet compose systems are absolute.',
  elements: {
    canonical(ctx) {
      const v = ctx.elementValue;
      if (typeof v !== 'string' || v.startsWith('#') || ABSOLUTE_URI.test(v)) return;
      // A warning, not an error: the HL7 validator errors, but the R4 specification's own examples use
      // relative canonicals ('MessageDefinition/example'), which servers resolve against their base.
      ctx.report({ path: ctx.elementPathInDoc, severity: 'warning', message: `Canonical URLs should be absolute URLs if they are not fragment references (${v})` });
    },
    uri(ctx) {
      const v = ctx.elementValue;
      if (typeof v !== 'string' || ABSOLUTE_URI.test(v)) return;
      const path = ctx.definition.path;
      if (path === 'ValueSet.compose.include.system') {
        ctx.report({
          path: ctx.elementPathInDoc,
          message: `URI values in ValueSet.compose.include.system must be absolute (${v}). To reference a contained code system, use the full CodeSystem URL and reference it using the http://hl7.org/fhir/StructureDefinition/valueset-system extension`,
        });
        return;
      }
      // A canonical resource's url: <Type>.url typed uri on a resource that also has a version.
      if (path !== `${ctx.resourceType}.url` || !ctx.definitions.element(`${ctx.resourceType}.version`)) return;
      const contained = ctx.path[ctx.path.length - 2] === 'contained';
      ctx.report({
        path: ctx.elementPathInDoc,
        message: contained
          ? `Canonical URLs in contained resources must be absolute URLs if present (${v})`
          : `Canonical URLs must be absolute URLs if they are not fragment references (${v})`,
      });
    },
  },
});
