/**
 * What hover, completion and go-to-definition share: the JSON tree of a document at a version (parsed once
 * with the engine's tolerant parser, STYLE.md 3) and the FHIR element each JSON property stands for, found by
 * walking the definitions from the resource type down (Bundle entries, contained and Parameters resources
 * switch to their own resourceType).
 */
import {
  findNodeAtOffset,
  parseJson,
  type ChildElement,
  type Definitions,
  type JsonDocument,
  type JsonNode,
  type PropertyNode,
} from '@wheelhouse/shared/validation';

/** A document's text as the features need it (a vscode-languageserver-textdocument TextDocument fits). */
export interface FeatureDocument {
  readonly uri: string;
  readonly version: number;
  readonly languageId: string;
  getText(): string;
}

/** Parses each document version once; keeps the last few (hover and completion ask repeatedly). */
export function createTreeCache(limit = 8): {
  get(doc: FeatureDocument): JsonDocument;
  delete(uri: string): void;
} {
  const cache = new Map<string, { version: number; tree: JsonDocument }>();
  return {
    get(doc) {
      const hit = cache.get(doc.uri);
      if (hit?.version === doc.version) return hit.tree;
      const tree = parseJson(doc.getText());
      cache.delete(doc.uri);
      cache.set(doc.uri, { version: doc.version, tree });
      if (cache.size > limit) cache.delete(cache.keys().next().value!);
      return tree;
    },
    delete(uri) {
      cache.delete(uri);
    },
  };
}

/** One JSON property along a path, with the FHIR element it is (when known). */
export interface Step {
  /** The JSON property name ('birthDate', '_birthDate', 'valueQuantity'). */
  key: string;
  /** The element's children path it was looked up in ('Patient', 'Patient.contact', 'Identifier'). */
  container: string;
  /** The element, or undefined when the property is not one the container allows. */
  child: ChildElement | undefined;
  /** A `_name` primitive companion (id and extensions of the primitive). */
  companion: boolean;
}

const RESOURCE_TYPES = new Set(['Resource', 'DomainResource']);

function resourceTypeOf(value: unknown): string | undefined {
  const t =
    value !== null && typeof value === 'object' && !Array.isArray(value)
      ? (value as Record<string, unknown>)['resourceType']
      : undefined;
  return typeof t === 'string' ? t : undefined;
}

/** Where the children of a property's value are looked up; undefined for primitives and unknown elements. */
function containerOf(child: ChildElement | undefined, companion: boolean): string | undefined {
  if (!child) return undefined;
  if (companion) return 'Element';
  if (child.isBackbone) return child.childrenPath;
  return child.type;
}

/**
 * The FHIR elements along a JSON path from the document root. Array indexes are skipped; a resource-typed
 * element continues with the resourceType of the value found there.
 */
export function resolveSteps(
  definitions: Definitions,
  rootValue: unknown,
  path: readonly (string | number)[],
): Step[] {
  const steps: Step[] = [];
  let value: unknown = rootValue;
  let container: string | undefined = resourceTypeOf(rootValue);
  for (const segment of path) {
    if (typeof segment === 'number') {
      value = Array.isArray(value) ? value[segment] : undefined;
      continue;
    }
    if (container !== undefined && RESOURCE_TYPES.has(container)) container = resourceTypeOf(value);
    if (container === undefined) {
      steps.push({ key: segment, container: '', child: undefined, companion: false });
      value = undefined;
      continue;
    }
    const companion = segment.startsWith('_');
    const child = definitions.children(container)?.byName.get(companion ? segment.slice(1) : segment);
    steps.push({ key: segment, container, child, companion });
    value =
      value !== null && typeof value === 'object' && !Array.isArray(value)
        ? (value as Record<string, unknown>)[segment]
        : undefined;
    container = containerOf(child, companion);
  }
  return steps;
}

/** The children path of the object at `path` (the container its properties are looked up in). */
export function containerAt(
  definitions: Definitions,
  rootValue: unknown,
  path: readonly (string | number)[],
): string | undefined {
  if (path.length === 0 || path.every((s) => typeof s === 'number')) return resourceTypeOf(rootValue);
  const steps = resolveSteps(definitions, rootValue, path);
  const last = steps[steps.length - 1];
  let container = containerOf(last?.child, last?.companion ?? false);
  if (container !== undefined && RESOURCE_TYPES.has(container))
    container = resourceTypeOf(valueAt(rootValue, path));
  return container;
}

/** The plain JSON value at a path, or undefined. */
export function valueAt(root: unknown, path: readonly (string | number)[]): unknown {
  let value = root;
  for (const segment of path) {
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Record<string | number, unknown>)[segment];
  }
  return value;
}

/** What lies under an offset: the node, its path, and whether the offset is on a property's key. */
export interface Located {
  node: JsonNode | undefined;
  path: (string | number)[];
  property: PropertyNode | undefined;
  onKey: boolean;
}

export function locate(tree: JsonDocument, offset: number): Located {
  const found = findNodeAtOffset(tree.root, offset);
  const p = found.property;
  const onKey =
    p !== undefined &&
    offset >= p.keyOffset &&
    offset <= p.keyOffset + p.keyLength &&
    found.path[found.path.length - 1] === p.key;
  return { ...found, onKey };
}
