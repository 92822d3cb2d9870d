/**
 * Go to definition (issue 7): from a Reference.reference to the resource it points at inside the same
 * Bundle (by fullUrl, or by type/id as FHIR's Bundle reference resolution allows: https://hl7.org/fhir/R4/bundle.html#references),
 * to a contained resource (`#id`), and from a canonical (meta.profile, a StructureDefinition's baseDefinition,
 * an extension url, ...) to the conformance resource with that url in the workspace.
 */
import type { JsonDocument, JsonNode, ObjectNode } from '@wheelhouse/shared/validation';
import { locate } from './fhir-tree.js';

export interface Target {
  /** undefined: the same document. */
  uri?: string;
  offset: number;
  length: number;
  /** The other document's text (to turn the offsets into positions). */
  text?: string;
}

export interface DefinitionDeps {
  /** A conformance resource in the workspace by canonical URL (a `|version` suffix already removed). */
  findCanonical?(url: string): { uri: string; offset: number; length: number; text: string } | undefined;
}

function prop(object: ObjectNode, key: string): JsonNode | undefined {
  for (let i = object.properties.length - 1; i >= 0; i--)
    if (object.properties[i]!.key === key) return object.properties[i]!.value;
  return undefined;
}

function str(node: JsonNode | undefined): string | undefined {
  return node?.type === 'string' ? node.value : undefined;
}

interface Entry {
  fullUrl: string | undefined;
  type: string | undefined;
  id: string | undefined;
  resource: ObjectNode;
}

/** Every Bundle entry resource in the document (nested Bundles included). */
function entries(node: JsonNode | undefined, out: Entry[], depth = 0): Entry[] {
  if (node?.type !== 'object' || depth > 8) return out;
  if (str(prop(node, 'resourceType')) !== 'Bundle') return out;
  const list = prop(node, 'entry');
  if (list?.type !== 'array') return out;
  for (const e of list.items) {
    if (e.type !== 'object') continue;
    const resource = prop(e, 'resource');
    if (resource?.type !== 'object') continue;
    out.push({
      fullUrl: str(prop(e, 'fullUrl')),
      type: str(prop(resource, 'resourceType')),
      id: str(prop(resource, 'id')),
      resource,
    });
    entries(resource, out, depth + 1);
  }
  return out;
}

const ABSOLUTE = /^(?:[a-z][a-z0-9+.-]*:)/i;

/** The entry a reference resolves to, per the Bundle rules (exact fullUrl, then type/id). */
export function resolveInBundle(reference: string, all: readonly Entry[]): Entry | undefined {
  const exact = all.find((e) => e.fullUrl === reference);
  if (exact) return exact;
  // An absolute reference resolves only to the entry with that fullUrl.
  if (ABSOLUTE.test(reference)) return undefined;
  const m = /^([A-Za-z]+)\/([A-Za-z0-9\-.]{1,64})(?:\/_history\/[^/]+)?$/.exec(reference);
  if (!m) return undefined;
  return all.find(
    (e) => (e.type === m[1] && e.id === m[2]) || (e.fullUrl?.endsWith(`/${m[1]}/${m[2]}`) ?? false),
  );
}

/** The contained resource `#id` of the nearest resource along `path` that has one. */
function resolveContained(
  tree: JsonDocument,
  path: readonly (string | number)[],
  id: string,
): ObjectNode | undefined {
  const resources: ObjectNode[] = [];
  let node = tree.root;
  for (const segment of path) {
    if (node?.type === 'object') {
      if (prop(node, 'resourceType') !== undefined) resources.push(node);
      node = typeof segment === 'string' ? prop(node, segment) : undefined;
    } else if (node?.type === 'array' && typeof segment === 'number') {
      node = node.items[segment];
    } else break;
  }
  for (const r of resources.reverse()) {
    const contained = prop(r, 'contained');
    if (contained?.type !== 'array') continue;
    const hit = contained.items.find(
      (c): c is ObjectNode => c.type === 'object' && str(prop(c, 'id')) === id,
    );
    if (hit) return hit;
  }
  return undefined;
}

/** Where the string under `offset` points, or undefined. */
export function definitionAt(tree: JsonDocument, offset: number, deps: DefinitionDeps): Target | undefined {
  const at = locate(tree, offset);
  const node = at.node;
  if (at.onKey || node?.type !== 'string') return undefined;
  const value = node.value;
  const key = at.path.findLast((s): s is string => typeof s === 'string');
  if (key === 'reference') {
    if (value.startsWith('#')) {
      const hit = resolveContained(tree, at.path, value.slice(1));
      return hit ? { offset: hit.offset, length: hit.length } : undefined;
    }
    const hit = resolveInBundle(value, entries(tree.root, []));
    if (hit) return { offset: hit.resource.offset, length: hit.resource.length };
  }
  // Any URL-looking string may be a canonical of a workspace profile, value set or code system.
  if (deps.findCanonical && /^https?:\/\//.test(value)) {
    const found = deps.findCanonical(value.split('|')[0]!);
    if (found) return found;
  }
  return undefined;
}
