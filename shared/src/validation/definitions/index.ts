/**
 * Lookups over the compact definitions index. State lives in the `Definitions` instance (STYLE.md 7);
 * per-type lookup tables are built lazily on first use so start-up stays cheap.
 */
import type { DefinitionsIndexFile, ElementData, TypeDefinitionData } from './types.js';

export type * from './types.js';

/** One JSON property an element may carry, resolved to its definition and (for choices) its type. */
export interface ChildElement {
  /** JSON property name: 'identifier', 'valueString'. */
  name: string;
  element: ElementData;
  /** The element's path with `[x]` kept: 'Observation.value[x]'. */
  elementPath: string;
  /** Path used to find grandchildren: the element's own path, or the contentReference target. */
  childrenPath: string;
  /** Type of the value under this name ('string' for valueString); undefined for BackboneElements. */
  type: string | undefined;
  /** Max as a number; Infinity for '*'. */
  max: number;
  /** Whether a count can break the cardinality: a minimum above 0, or a finite maximum above 1. */
  counted: boolean;
  isChoice: boolean;
  /** For backbone elements ('BackboneElement' or 'Element' typed with children): true. */
  isBackbone: boolean;
  /** Element path with the concrete choice type ('Observation.valueQuantity'); elementPath otherwise. */
  valuePath: string;
  /** What the value under this name is: a primitive, a resource, a complex type or backbone ('complex'). */
  valueKind: 'primitive' | 'resource' | 'complex';
}

export interface ChildTable {
  /** JSON property name -> child. Choice elements contribute one entry per allowed type. */
  readonly byName: ReadonlyMap<string, ChildElement>;
  /** Declared elements, in order (a choice element once, under its `[x]` name). */
  readonly elements: readonly ChildElement[];
}

export interface Definitions {
  readonly fhirVersion: string;
  readonly source: string;
  /** A type by name ('Patient', 'Identifier', 'date'). */
  type(name: string): TypeDefinitionData | undefined;
  /** Whether `name` is a concrete resource type (not abstract, e.g. not 'DomainResource'). */
  isResourceType(name: string): boolean;
  /** Children of an element path: a type name ('Patient', 'Identifier') or a backbone path ('Patient.contact'). */
  children(elementPath: string): ChildTable | undefined;
  /** An element by full path ('Patient.contact.name'), searching the owning type's snapshot. */
  element(elementPath: string): ElementData | undefined;
  /** Names of all types, for "did you mean" suggestions. */
  typeNames(): readonly string[];
  /** Names of concrete resource types. */
  resourceTypeNames(): readonly string[];
}

const EMPTY: ChildTable = { byName: new Map(), elements: [] };

function capitalise(code: string): string {
  return code.charAt(0).toUpperCase() + code.slice(1);
}

/** Builds the lookups over an index file's data. */
export function createDefinitions(index: DefinitionsIndexFile): Definitions {
  const table = index.constraintTable ?? [];
  const resolved = new Set<TypeDefinitionData>();
  // Constraints come back from the shared table the first time a type is used (keeps start-up cheap).
  const resolve = (t: TypeDefinitionData | undefined): TypeDefinitionData | undefined => {
    if (!t || resolved.has(t)) return t;
    resolved.add(t);
    for (const e of t.elements) {
      if (!e.constraintRefs) continue;
      const own = e.constraints ?? [];
      e.constraints = [...e.constraintRefs.map((i) => table[i]!), ...own];
      delete e.constraintRefs;
    }
    return t;
  };
  const types = new Map<string, TypeDefinitionData>();
  for (const t of index.types) {
    // Constraint profiles (SimpleQuantity) are reachable by name too, but never shadow a specialization.
    if (t.derivation === 'specialization' || !types.has(t.name)) types.set(t.name, t);
  }
  const elementIndex = new Map<string, Map<string, ElementData>>();
  const childTables = new Map<string, ChildTable>();
  const resourceNames = index.types
    .filter((t) => t.kind === 'resource' && !t.abstract && t.derivation === 'specialization')
    .map((t) => t.name);
  const resourceSet = new Set(resourceNames);

  function elementsOf(typeName: string): Map<string, ElementData> | undefined {
    let map = elementIndex.get(typeName);
    if (map) return map;
    const t = resolve(types.get(typeName));
    if (!t) return undefined;
    map = new Map();
    for (const e of t.elements) map.set(e.path, e);
    elementIndex.set(typeName, map);
    return map;
  }

  function element(path: string): ElementData | undefined {
    const dot = path.indexOf('.');
    const typeName = dot < 0 ? path : path.slice(0, dot);
    return elementsOf(typeName)?.get(path);
  }

  function kindOf(code: string): ChildElement['valueKind'] {
    const k = types.get(code)?.kind;
    return k === 'primitive-type' ? 'primitive' : k === 'resource' ? 'resource' : 'complex';
  }

  function buildChildren(path: string): ChildTable {
    const dot = path.indexOf('.');
    const typeName = dot < 0 ? path : path.slice(0, dot);
    const t = resolve(types.get(typeName));
    if (!t) return EMPTY;
    const prefix = `${path}.`;
    const byName = new Map<string, ChildElement>();
    const elements: ChildElement[] = [];
    const all = t.elements;
    for (let i = 0; i < all.length; i++) {
      const e = all[i]!;
      if (!e.path.startsWith(prefix) || e.path.indexOf('.', prefix.length) >= 0) continue;
      const local = e.path.slice(prefix.length);
      const max = e.max === '*' ? Infinity : Number(e.max);
      const counted = e.min > 0 || (max > 1 && max <= 1e9);
      const childrenPath = e.contentReference ? e.contentReference.slice(e.contentReference.indexOf('#') + 1) : e.path;
      const codes = e.types?.map((x) => x.code) ?? [];
      // Snapshots are depth-first: an element's children follow it directly.
      const hasOwnChildren = all[i + 1]?.path.startsWith(`${e.path}.`) === true;
      const isBackbone = e.contentReference !== undefined || ((codes[0] === 'BackboneElement' || codes[0] === 'Element') && hasOwnChildren);
      if (local.endsWith('[x]')) {
        const stem = local.slice(0, -3);
        const declared: ChildElement = {
          name: local,
          element: e,
          elementPath: e.path,
          childrenPath,
          type: undefined,
          max,
          counted,
          isChoice: true,
          isBackbone: false,
          valuePath: e.path,
          valueKind: 'complex',
        };
        elements.push(declared);
        for (const code of codes) {
          const name = stem + capitalise(code);
          byName.set(name, { ...declared, name, type: code, valuePath: `${e.path.slice(0, -3)}${capitalise(code)}`, valueKind: kindOf(code) });
        }
      } else {
        const type = isBackbone ? undefined : codes[0];
        const child: ChildElement = {
          name: local,
          element: e,
          elementPath: e.path,
          childrenPath,
          type,
          max,
          counted,
          isChoice: false,
          isBackbone,
          valuePath: e.path,
          valueKind: type === undefined ? 'complex' : kindOf(type),
        };
        elements.push(child);
        byName.set(local, child);
      }
    }
    return { byName, elements };
  }

  return {
    fhirVersion: index.fhirVersion,
    source: index.source,
    type: (name) => resolve(types.get(name)),
    isResourceType: (name) => resourceSet.has(name),
    children(path) {
      let table = childTables.get(path);
      if (!table) {
        table = buildChildren(path);
        childTables.set(path, table);
      }
      return table === EMPTY ? undefined : table;
    },
    element,
    typeNames: () => [...types.keys()],
    resourceTypeNames: () => resourceNames,
  };
}
