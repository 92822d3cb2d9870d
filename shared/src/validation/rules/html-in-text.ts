/**
 * html-in-text: with the security checks on (setting `securityChecks`), string values must not carry HTML
 * tags; with `noHtmlInMarkdown`, neither may markdown. HL7 validator options "security-checks" and
 * "no-html-in-markdown"; see https://hl7.org/fhir/R4/security.html#narrative (active content).
 */
import { defineRule, type ElementContext } from '../rule.js';

/** '<' followed by a tag name or '/' or '!': what a browser would start parsing as markup. */
const TAG = /<[a-zA-Z/!]/;

function check(ctx: ElementContext, kind: 'string' | 'markdown'): void {
  const value = ctx.elementValue;
  if (typeof value !== 'string') return;
  const m = TAG.exec(value);
  if (!m) return;
  if (kind === 'string') {
    if (ctx.settings['securityChecks'] !== true) return;
    ctx.report({ path: ctx.elementPathInDoc, message: 'The string value contains text that looks like embedded HTML tags, which are not allowed for security reasons in this context' });
  } else {
    if (ctx.settings['noHtmlInMarkdown'] !== true && ctx.settings['securityChecks'] !== true) return;
    const at = value.slice(m.index, m.index + 2);
    ctx.report({
      path: ctx.elementPathInDoc,
      message: `The markdown contains content that appears to be an embedded HTML tag starting at '${at}'. This will (or SHOULD) be escaped by the presentation layer. The content should be checked to confirm that this is the desired behaviour`,
    });
  }
}

export const htmlInText = defineRule({
  id: 'html-in-text',
  severity: 'error',
  description: 'HTML tags in string (security checks) or markdown (no-HTML-in-markdown) values, when those settings are on.',
  elements: {
    string: (ctx) => check(ctx, 'string'),
    markdown: (ctx) => check(ctx, 'markdown'),
  },
});
