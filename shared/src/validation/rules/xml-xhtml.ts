/**
 * FHIR XML only (xhtml): Narrative is an XHTML <div> in the XHTML namespace; only Narrative.div may use XHTML (https://hl7.org/fhir/R4/narrative.html#xhtml).
 * The XML parser (shared/src/xml) finds these while building the tree; this rule reports them.
 */
import { isXmlDocument, type XmlFindingKind } from '../../xml/parse.js';
import { defineRule } from '../rule.js';

const KINDS: ReadonlySet<XmlFindingKind> = new Set<XmlFindingKind>(['xhtml']);

export const xmlXhtml = defineRule({
  id: 'xml-xhtml',
  severity: 'error',
  description: 'Narrative is an XHTML <div> in the XHTML namespace; only Narrative.div may use XHTML (https://hl7.org/fhir/R4/narrative.html#xhtml).',
  resource(ctx) {
    // Findings cover the whole document: report them once, from the top-level resource.
    if (ctx.ancestors.length > 0 || !isXmlDocument(ctx.document)) return;
    for (const f of ctx.document.xml.findings) if (KINDS.has(f.kind)) ctx.report({ path: f.path, message: f.message });
  },
});
