/**
 * FHIR XML only (namespace): FHIR XML elements must be in the FHIR namespace xmlns="http://hl7.org/fhir" (https://hl7.org/fhir/R4/xml.html).
 * The XML parser (shared/src/xml) finds these while building the tree; this rule reports them.
 */
import { isXmlDocument, type XmlFindingKind } from '../../xml/parse.js';
import { defineRule } from '../rule.js';

const KINDS: ReadonlySet<XmlFindingKind> = new Set<XmlFindingKind>(['namespace']);

export const xmlNamespace = defineRule({
  id: 'xml-namespace',
  severity: 'error',
  description: 'FHIR XML elements must be in the FHIR namespace xmlns="http://hl7.org/fhir" (https://hl7.org/fhir/R4/xml.html).',
  resource(ctx) {
    // Findings cover the whole document: report them once, from the top-level resource.
    if (ctx.ancestors.length > 0 || !isXmlDocument(ctx.document)) return;
    for (const f of ctx.document.xml.findings) if (KINDS.has(f.kind)) ctx.report({ path: f.path, message: f.message });
  },
});
