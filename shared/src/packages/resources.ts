/** Recognising conformance resources in files (JSON here; XML through a converter passed in). */
import type { ConformanceResource } from '../profiles/types.js';

/** Resource types a package or workspace contributes to validation. */
export const CONFORMANCE_TYPES: ReadonlySet<string> = new Set([
  'StructureDefinition', 'ValueSet', 'CodeSystem', 'NamingSystem', 'ConceptMap', 'SearchParameter',
  'OperationDefinition', 'CapabilityStatement', 'ImplementationGuide', 'Questionnaire', 'StructureMap',
  'MessageDefinition', 'GraphDefinition', 'CompartmentDefinition', 'Measure', 'Library',
]);

/** The conformance resources in one parsed resource (a Bundle's entries are looked into). */
export function conformanceResourcesIn(value: unknown): ConformanceResource[] {
  if (typeof value !== 'object' || value === null) return [];
  const r = value as ConformanceResource;
  if (r.resourceType === 'Bundle') {
    const entries = (r as { entry?: { resource?: unknown }[] }).entry ?? [];
    return entries.flatMap((e) => conformanceResourcesIn(e.resource));
  }
  return typeof r.resourceType === 'string' && CONFORMANCE_TYPES.has(r.resourceType) && typeof r.url === 'string' ? [r] : [];
}

/** Parses JSON text; undefined when it is not JSON. */
export function parseJsonResource(text: string): unknown {
  try {
    return JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text) as unknown;
  } catch {
    return undefined;
  }
}
