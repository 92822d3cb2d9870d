/**
 * Document symbols (the outline, issue 7): the resource as the root, Bundle entries by type/id (nested
 * Bundles too), contained resources, and for a single resource its top-level elements. JSON documents only.
 * Ranges are offsets; the server converts.
 */
import type { JsonDocument, JsonNode, ObjectNode } from '@wheelhouse/shared/validation';

export type SymbolKind = 'resource' | 'element';

export interface OutlineSymbol {
  name: string;
  detail?: string;
  kind: SymbolKind;
  /** The whole node. */
  offset: number;
  length: number;
  /** What to select: the resource's resourceType value, or the element's key. */
  selectionOffset: number;
  selectionLength: number;
  children: OutlineSymbol[];
}

function prop(object: ObjectNode, key: string): JsonNode | undefined {
  for (let i = object.properties.length - 1; i >= 0; i--)
    if (object.properties[i]!.key === key) return object.properties[i]!.value;
  return undefined;
}

function str(node: JsonNode | undefined): string | undefined {
  return node?.type === 'string' ? node.value : undefined;
}

function resourceSymbol(
  node: ObjectNode,
  detail: string | undefined,
  depth: number,
): OutlineSymbol | undefined {
  const typeNode = prop(node, 'resourceType');
  const type = str(typeNode);
  if (type === undefined || depth > 8) return undefined;
  const id = str(prop(node, 'id'));
  const selection = typeNode ?? node;
  const symbol: OutlineSymbol = {
    name: id !== undefined ? `${type}/${id}` : type,
    kind: 'resource',
    offset: node.offset,
    length: node.length,
    selectionOffset: selection.offset,
    selectionLength: selection.length,
    children: [],
    ...(detail ? { detail } : {}),
  };
  const entries = type === 'Bundle' ? prop(node, 'entry') : undefined;
  if (entries?.type === 'array') {
    entries.items.forEach((entry, i) => {
      if (entry.type !== 'object') return;
      const resource = prop(entry, 'resource');
      const fullUrl = str(prop(entry, 'fullUrl'));
      const request = prop(entry, 'request');
      const method = request?.type === 'object' ? str(prop(request, 'method')) : undefined;
      const label = [`entry[${i}]`, method, fullUrl].filter(Boolean).join(' ');
      const child = resource?.type === 'object' ? resourceSymbol(resource, label, depth + 1) : undefined;
      symbol.children.push(
        child ?? {
          name: `entry[${i}]`,
          ...(fullUrl ? { detail: fullUrl } : {}),
          kind: 'element',
          offset: entry.offset,
          length: entry.length,
          selectionOffset: entry.offset,
          selectionLength: 1,
          children: [],
        },
      );
    });
  }
  const contained = prop(node, 'contained');
  if (contained?.type === 'array') {
    for (const c of contained.items) {
      const child = c.type === 'object' ? resourceSymbol(c, 'contained', depth + 1) : undefined;
      if (child) symbol.children.push(child);
    }
  }
  // A single resource: its top-level elements, so the outline is useful beyond Bundles.
  if (type !== 'Bundle' && depth === 0) {
    for (const p of node.properties) {
      if (p.key === 'resourceType' || p.key === 'contained' || !p.value) continue;
      symbol.children.push({
        name: p.key,
        kind: 'element',
        offset: p.keyOffset,
        length: p.value.offset + p.value.length - p.keyOffset,
        selectionOffset: p.keyOffset,
        selectionLength: p.keyLength,
        children: [],
      });
    }
  }
  return symbol;
}

/** The outline of a FHIR JSON document; empty when the root is not a resource. */
export function outline(tree: JsonDocument): OutlineSymbol[] {
  const root = tree.root;
  if (root?.type !== 'object') return [];
  const symbol = resourceSymbol(root, undefined, 0);
  return symbol ? [symbol] : [];
}
