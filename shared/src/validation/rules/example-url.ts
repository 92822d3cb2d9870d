/**
 * example-url: when example URLs are not allowed (setting `allowExampleUrls: false`, the HL7 validator's
 * "examples" switch), uri/url/canonical values may not point at example.org.
 * https://hl7.org/fhir/R4/references.html and RFC 2606 (example domains).
 */
import { defineRule, type ElementContext } from '../rule.js';

const EXAMPLE = /^[a-z][a-z0-9+.-]*:\/\/([^/]*\.)?example\.org([:/?#]|$)/i;

function check(ctx: ElementContext): void {
  if (ctx.settings['allowExampleUrls'] !== false) return;
  const value = ctx.elementValue;
  if (typeof value !== 'string' || !EXAMPLE.test(value)) return;
  ctx.report({ path: ctx.elementPathInDoc, message: `Example URLs are not allowed in this context (${value})` });
}

export const exampleUrl = defineRule({
  id: 'example-url',
  severity: 'error',
  description: 'Example URLs (example.org) where the setting allowExampleUrls is false.',
  elements: { uri: check, url: check, canonical: check },
});
