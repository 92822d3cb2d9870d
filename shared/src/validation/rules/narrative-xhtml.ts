/**
 * narrative-xhtml: Narrative.div is well-formed XHTML using only the elements and attributes the FHIR
 * narrative allows, with no scripts, event handlers or entities XML does not define.
 * https://hl7.org/fhir/R4/narrative.html#xhtml (txt-1, txt-3)
 */
import { defineRule } from '../rule.js';
import { checkXhtml } from '../narrative/xhtml.js';

export const narrativeXhtml = defineRule({
  id: 'narrative-xhtml',
  severity: 'error',
  description: 'Narrative XHTML: well-formed, allowed elements and attributes only, no scripts, XML entities only.',
  elements: {
    xhtml(ctx) {
      if (typeof ctx.elementValue !== 'string') return;
      for (const problem of checkXhtml(ctx.elementValue)) {
        ctx.report({ path: ctx.elementPathInDoc, message: problem.message, data: { problem: problem.kind } });
      }
    },
  },
});
