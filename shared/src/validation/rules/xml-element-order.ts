/**
 * FHIR XML only (element order): In FHIR XML, elements must appear in the order of their definition (https://hl7.org/fhir/R4/xml.html#1.17.1).
 * The XML parser (shared/src/xml) finds these while building the tree; this rule reports them.
 */
import { isXmlDocument, type XmlFindingKind } from '../../xml/parse.js';
import { defineRule } from '../rule.js';

const KINDS: ReadonlySet<XmlFindingKind> = new Set<XmlFindingKind>(['element-order']);

export const xmlElementOrder = defineRule({
  id: 'xml-element-order',
  severity: 'error',
  description: 'In FHIR XML, elements must appear in the order of their definition (https://hl7.org/fhir/R4/xml.html#1.17.1).',
  resource(ctx) {
    // Findings cover the whole document: report them once, from the top-level resource.
    if (ctx.ancestors.length > 0 || !isXmlDocument(ctx.document)) return;
    for (const f of ctx.document.xml.findings) if (KINDS.has(f.kind)) ctx.report({ path: f.path, message: f.message });
  },
});
