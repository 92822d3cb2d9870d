/**
 * FHIR XML only (value attributes): FHIR XML carries primitive values in value="..." attributes: primitives need one, complex elements may not have one, elements hold no text, and only id (and url on extensions) are allowed as other attributes (https://hl7.org/fhir/R4/xml.html).
 * The XML parser (shared/src/xml) finds these while building the tree; this rule reports them.
 */
import { isXmlDocument, type XmlFindingKind } from '../../xml/parse.js';
import { defineRule } from '../rule.js';

const KINDS: ReadonlySet<XmlFindingKind> = new Set<XmlFindingKind>(['value-attribute', 'attribute', 'text-content']);

export const xmlValueAttribute = defineRule({
  id: 'xml-value-attribute',
  severity: 'error',
  description: 'FHIR XML carries primitive values in value="..." attributes: primitives need one, complex elements may not have one, elements hold no text, and only id (and url on extensions) are allowed as other attributes (https://hl7.org/fhir/R4/xml.html).',
  resource(ctx) {
    // Findings cover the whole document: report them once, from the top-level resource.
    if (ctx.ancestors.length > 0 || !isXmlDocument(ctx.document)) return;
    for (const f of ctx.document.xml.findings) if (KINDS.has(f.kind)) ctx.report({ path: f.path, message: f.message });
  },
});
