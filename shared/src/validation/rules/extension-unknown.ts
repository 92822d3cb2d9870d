/**
 * extension-unknown: an extension whose definition cannot be found is not allowed
 * (https://hl7.org/fhir/R4/extensibility.html#Extension: "the url SHALL be a resolvable reference to an
 * extension definition"). Known here: the R4 core extension definitions, the core namespace of later
 * versions (http://hl7.org/fhir/StructureDefinition/...), cross-version extensions
 * (http://hl7.org/fhir/5.0/StructureDefinition/extension-...), the HL7 tools IG, example.org (unless
 * example URLs are off), the domains of the setting allowUnresolvedExtensionDomains, anything the loaded
 * packages resolve (ctx.conformance), and UK Core / NHS England URLs (fhir.hl7.org.uk, fhir.nhs.uk: the ukcore-*
 * rules and UK packages judge those).
 * Extensions inside an extension (complex extensions) belong to their parent's definition: not checked.
 */
import { defineRule } from '../rule.js';

const KNOWN_NAMESPACES = [/^http:\/\/hl7\.org\/fhir\/StructureDefinition\/[^/|]+$/, /^http:\/\/hl7\.org\/fhir\/[0-9.]+\/StructureDefinition\/extension-/, /^http:\/\/hl7\.org\/fhir\/tools\/StructureDefinition\//];
const EXAMPLE = /^https?:\/\/([^/]*\.)?example\.org([:/?#]|$)/i;
const DEFERRED_DOMAINS = new Set(['fhir.hl7.org.uk', 'fhir.nhs.uk']);

function domainOf(url: string): string | undefined {
  return /^[a-z][a-z0-9+.-]*:\/\/([^/:?#]+)/i.exec(url)?.[1]?.toLowerCase();
}

export const extensionUnknown = defineRule({
  id: 'extension-unknown',
  severity: 'error',
  description: 'Extensions whose definition cannot be found (not core, not an allowed domain).',
  elements: {
    Extension(ctx) {
      if (ctx.definition.path === 'Extension.extension' || !ctx.terminology) return;
      const url = (ctx.elementValue as Record<string, unknown> | null)?.['url'];
      if (typeof url !== 'string' || !/^https?:\/\//.test(url) || url.includes('|')) return;
      if (ctx.terminology.isCoreExtension(url) || KNOWN_NAMESPACES.some((re) => re.test(url))) return;
      // Extensions defined in loaded packages and workspace folders (issue 6).
      if (ctx.conformance?.resolve?.(url) !== undefined) return;
      if (EXAMPLE.test(url) && ctx.settings['allowExampleUrls'] !== false) return;
      const domain = domainOf(url);
      // UK Core and NHS England extensions: the ukcore-* rules and the UK packages judge those.
      if (domain && DEFERRED_DOMAINS.has(domain)) return;
      const allowed = ctx.settings.allowUnresolvedExtensionDomains ?? [];
      if (domain && allowed.some((d) => domain === d.toLowerCase() || domain.endsWith(`.${d.toLowerCase()}`))) return;
      ctx.report({
        path: ctx.elementPathInDoc,
        message: `The extension ${url} could not be found so is not allowed here`,
        data: { url },
      });
    },
  },
});
