/**
 * codesystem-supplement: a CodeSystem that supplements another has content 'supplement', and one with
 * content 'supplement' names what it supplements. https://hl7.org/fhir/R4/codesystem.html#supplements
 */
import { defineRule } from '../rule.js';

export const codesystemSupplement = defineRule({
  id: 'codesystem-supplement',
  severity: 'error',
  description: "CodeSystem.supplements and content 'supplement' go together.",
  resource(ctx) {
    if (ctx.resourceType !== 'CodeSystem') return;
    const content = ctx.value['content'];
    const supplements = ctx.value['supplements'];
    if (typeof supplements === 'string' && typeof content === 'string' && content !== 'supplement') {
      ctx.report({ path: [...ctx.path, 'content'], message: `CodeSystem Supplements SHALL have a content value of 'supplement' (not '${content}')` });
    } else if (content === 'supplement' && supplements === undefined) {
      ctx.report({ path: [...ctx.path, 'content'], message: "A CodeSystem with content 'supplement' SHALL say which code system it supplements (CodeSystem.supplements)" });
    }
  },
});
