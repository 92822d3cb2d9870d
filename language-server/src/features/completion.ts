/**
 * Completion (issue 7) for FHIR JSON: property names the element at the cursor allows (choice types expanded,
 * `_` companions of primitives, required ones first), resourceType values (with a snippet filling the resource's
 * required elements), codes of required/extensible bound core value sets, codes of a Coding's system,
 * registered NHS identifier systems and core extension URLs. Returns plain items with offset ranges; the server
 * converts offsets to positions.
 */
import {
  jsonTypeOfPrimitive,
  type ChildElement,
  type Definitions,
  type JsonDocument,
  type ObjectNode,
  type Terminology,
} from '@wheelhouse/shared/validation';
import type { HoverData } from './hover-data.js';
import { identifierSystems } from './identifier-systems.js';
import { containerAt, locate, resolveSteps, valueAt } from './fhir-tree.js';

export interface CompletionDeps {
  definitions: Definitions;
  terminology: Terminology | undefined;
  texts: HoverData;
  /** Canonical URLs of the workspace's conformance resources of a type (StructureDefinition for meta.profile). */
  canonicals?(resourceType: string): readonly string[];
}

export type CompletionKind = 'property' | 'value' | 'snippet';

export interface Completion {
  label: string;
  kind: CompletionKind;
  detail?: string;
  documentation?: string;
  /** Text with `${n}`/`$0` tab stops (stripped when the client has no snippet support). */
  snippet: string;
  /** The range the text replaces (insert when length is 0). */
  offset: number;
  length: number;
  sortText?: string;
  filterText?: string;
}

const MAX_CODES = 500;

function capitalise(code: string): string {
  return code.charAt(0).toUpperCase() + code.slice(1);
}

function isWhitespace(c: string | undefined): boolean {
  return c === ' ' || c === '\t' || c === '\n' || c === '\r';
}

function prevNonSpace(text: string, offset: number): { char: string | undefined; at: number } {
  let i = offset - 1;
  while (i >= 0 && isWhitespace(text[i])) i--;
  return { char: text[i], at: i };
}

function nextNonSpace(text: string, offset: number): string | undefined {
  let i = offset;
  while (i < text.length && isWhitespace(text[i])) i++;
  return text[i];
}

/** The JSON skeleton of a value of `type` (a tab stop inside); required children of complex types filled in. */
function valueSkeleton(
  definitions: Definitions,
  type: string | undefined,
  childrenPath: string | undefined,
  depth: number,
): string {
  const kind = type ? definitions.type(type)?.kind : undefined;
  if (kind === 'primitive-type') {
    const json = jsonTypeOfPrimitive(type!);
    return json === 'string' ? '"$1"' : '$1';
  }
  const required = depth < 2 ? requiredChildren(definitions, childrenPath ?? type) : [];
  if (required.length === 0) return '{$1}';
  return `{ ${required.map((c) => `"${c.name}": ${elementSkeleton(definitions, c, depth + 1)}`).join(', ')} }`;
}

function elementSkeleton(definitions: Definitions, child: ChildElement, depth: number): string {
  const inner = valueSkeleton(
    definitions,
    child.type,
    child.isBackbone ? child.childrenPath : child.type,
    depth,
  );
  return child.max > 1 ? `[${inner}]` : inner;
}

/** Required children (min >= 1, not choices) of a container. */
function requiredChildren(definitions: Definitions, container: string | undefined): ChildElement[] {
  if (!container) return [];
  return (definitions.children(container)?.elements ?? []).filter((c) => c.element.min >= 1 && !c.isChoice);
}

/** Numbers the tab stops of a skeleton in order ($1 $1 $1 -> $1 $2 $3). */
function numberStops(text: string): string {
  let n = 0;
  return text.replace(/\$1/g, () => `$${++n}`);
}

/** Removes tab stops for clients without snippet support. */
export function plainText(snippet: string): string {
  return snippet.replace(
    /\$\{\d+(?::([^}]*))?\}|\$\d+/g,
    (_m, placeholder: string | undefined) => placeholder ?? '',
  );
}

function propertyItems(
  deps: CompletionDeps,
  container: string,
  object: ObjectNode | undefined,
  offset: number,
  length: number,
  prefix: string,
  suffix: string,
  isResource: boolean,
): Completion[] {
  const { definitions } = deps;
  const present = new Set(object?.properties.map((p) => p.key) ?? []);
  const items: Completion[] = [];
  const add = (
    name: string,
    detail: string,
    documentation: string | undefined,
    value: string,
    required: boolean,
  ): void => {
    if (present.has(name)) return;
    items.push({
      label: name,
      kind: 'property',
      detail,
      ...(documentation ? { documentation } : {}),
      snippet: numberStops(`${prefix}"${name}": ${value}${suffix}`),
      offset,
      length,
      sortText: `${required ? '0' : name.startsWith('_') ? '2' : '1'}${name}`,
      filterText: `"${name}"`,
    });
  };
  if (isResource && !present.has('resourceType'))
    add('resourceType', 'the resource type', undefined, '"$1"', true);
  const table = definitions.children(container);
  for (const child of table?.elements ?? []) {
    const texts = deps.texts.element(child.elementPath)?.short;
    const card = `${child.element.min}..${child.element.max}`;
    if (child.isChoice) {
      const stem = child.name.slice(0, -3);
      // One value of a choice: once any is present, the others are not offered.
      if (
        [...present].some(
          (k) => k.startsWith(stem) && table?.byName.get(k)?.elementPath === child.elementPath,
        )
      )
        continue;
      for (const t of child.element.types ?? []) {
        const name = stem + capitalise(t.code);
        add(
          name,
          `${t.code} ${card} (${child.name})`,
          texts,
          valueSkeleton(definitions, t.code, t.code, 0),
          false,
        );
      }
      continue;
    }
    const typeName = child.isBackbone ? 'BackboneElement' : (child.type ?? '');
    add(
      child.name,
      `${typeName} ${card}`,
      texts,
      elementSkeleton(definitions, child, 0),
      child.element.min >= 1,
    );
    if (child.type && definitions.type(child.type)?.kind === 'primitive-type') {
      const companion = child.max > 1 ? '[{$1}]' : '{$1}';
      add(`_${child.name}`, `id and extensions of ${child.name}`, undefined, companion, false);
    }
  }
  return items;
}

function valueItem(
  value: string,
  detail: string | undefined,
  offset: number,
  length: number,
  sort?: string,
): Completion {
  const text = JSON.stringify(value);
  return {
    label: value,
    kind: 'value',
    ...(detail ? { detail } : {}),
    snippet: text.replace(/\$/g, '\\$'),
    offset,
    length,
    filterText: text,
    ...(sort ? { sortText: sort } : {}),
  };
}

function codesOfValueSet(
  deps: CompletionDeps,
  url: string,
): { code: string; display: string; system: string }[] {
  const vs = deps.terminology?.valueSet(url);
  if (!vs) return [];
  const out: { code: string; display: string; system: string }[] = [];
  for (const system of vs.systems) {
    for (const [code, display] of Object.entries(deps.texts.codes(system) ?? {})) {
      if (vs.has(system, code) === 'yes') out.push({ code, display, system });
      if (out.length >= MAX_CODES) return out;
    }
  }
  return out;
}

/** Completions for the string value of the property at `path` (range = the string with its quotes, or an insert). */
function valueItems(
  deps: CompletionDeps,
  rootValue: unknown,
  path: (string | number)[],
  offset: number,
  length: number,
  parentObject: ObjectNode | undefined,
): Completion[] {
  const key = path[path.length - 1];
  if (typeof key !== 'string') return [];
  if (key === 'resourceType') {
    const items = deps.definitions
      .resourceTypeNames()
      .map((t) => valueItem(t, deps.texts.element(t)?.short, offset, length));
    // An object holding only its resourceType gets a snippet filling the type's required elements.
    if (parentObject?.properties.length === 1) {
      for (const t of deps.definitions.resourceTypeNames()) {
        const required = requiredChildren(deps.definitions, t);
        if (required.length === 0) continue;
        const body = required
          .map((c) => `"${c.name}": ${elementSkeleton(deps.definitions, c, 0)}`)
          .join(',\n  ');
        items.push({
          label: `${t} (required elements)`,
          kind: 'snippet',
          detail: `resourceType ${t} with ${required.map((c) => c.name).join(', ')}`,
          snippet: numberStops(`"${t}",\n  ${body}`),
          offset,
          length,
          filterText: `"${t}"`,
          sortText: `~${t}`,
        });
      }
    }
    return items;
  }
  const steps = resolveSteps(deps.definitions, rootValue, path);
  const step = steps[steps.length - 1];
  if (!step?.child || step.companion) return [];
  const parent = valueAt(rootValue, path.slice(0, -1)) as Record<string, unknown> | undefined;
  if (key === 'system' && step.container === 'Identifier') {
    return identifierSystems().map((s) => valueItem(s.system, s.description, offset, length));
  }
  if (step.child.elementPath === 'Meta.profile' && deps.canonicals) {
    return deps
      .canonicals('StructureDefinition')
      .map((url) => valueItem(url, 'profile in the workspace', offset, length));
  }
  if (key === 'url' && step.container === 'Extension') {
    return deps.texts.extensions().map(([url, short]) => valueItem(url, short, offset, length));
  }
  if (key === 'code' && step.container === 'Coding') {
    const system = typeof parent?.['system'] === 'string' ? parent['system'] : undefined;
    const codes = system ? deps.texts.codes(system) : undefined;
    if (codes)
      return Object.entries(codes)
        .slice(0, MAX_CODES)
        .map(([code, display]) => valueItem(code, display, offset, length));
  }
  if (key === 'system' && step.container === 'Coding') {
    // The systems of the value set bound to the Coding or its CodeableConcept.
    const bound = [...steps]
      .reverse()
      .slice(1, 4)
      .find((s) => s.child?.element.binding?.valueSet)?.child?.element.binding?.valueSet;
    const vs = bound ? deps.terminology?.valueSet(bound) : undefined;
    return (vs?.systems ?? []).map((s) => valueItem(s, vs?.name, offset, length));
  }
  const binding = step.child.element.binding;
  if (
    step.child.type === 'code' &&
    binding?.valueSet &&
    (binding.strength === 'required' || binding.strength === 'extensible')
  ) {
    return codesOfValueSet(deps, binding.valueSet).map((c) => valueItem(c.code, c.display, offset, length));
  }
  if (step.child.type === 'boolean') {
    return ['true', 'false'].map((b) => ({ label: b, kind: 'value' as const, snippet: b, offset, length }));
  }
  return [];
}

/** The completions at `offset` of a JSON document. */
export function completeAt(tree: JsonDocument, offset: number, deps: CompletionDeps): Completion[] {
  const text = tree.text;
  const rootValue = tree.root?.value;
  const at = locate(tree, offset);
  const node = at.node;

  // On a key (typed or being typed): replace the key token; add `: value` only when it has no value yet.
  if (at.onKey && at.property) {
    const objectPath = at.path.slice(0, -1);
    const object = objectAt(tree, objectPath);
    const container = containerAt(deps.definitions, rootValue, objectPath);
    const hasValue = at.property.value !== undefined;
    const items = container
      ? propertyItems(
          deps,
          container,
          object && { ...object, properties: object.properties.filter((p) => p !== at.property) },
          at.property.keyOffset,
          at.property.keyLength,
          '',
          '',
          isResourceObject(deps, objectPath, rootValue),
        )
      : [];
    if (!hasValue) return items;
    // The key of an existing property: only the name changes.
    return items.map((i) => ({ ...i, snippet: `"${i.label}"`, kind: i.kind }));
  }

  if (node?.type === 'string') {
    const key = at.path[at.path.length - 1];
    // A string inside an array (meta.profile, identifiers in a list) completes like the property holding it.
    const path = typeof key === 'number' ? at.path.slice(0, -1) : at.path;
    return valueItems(deps, rootValue, path, node.offset, node.length, objectAt(tree, path.slice(0, -1)));
  }

  if (node?.type === 'object') {
    const before = prevNonSpace(text, offset);
    if (before.char === ':') {
      // After `"key":` with no value yet: complete the value, quotes included.
      const prop = [...node.properties].reverse().find((p) => p.keyOffset + p.keyLength <= before.at + 1);
      if (!prop) return [];
      return valueItems(deps, rootValue, [...at.path, prop.key], offset, 0, node);
    }
    const container = containerAt(deps.definitions, rootValue, at.path);
    const isResource = isResourceObject(deps, at.path, rootValue);
    if (!container && !isResource) return [];
    // Keep the JSON valid around the insert: a comma before when a property precedes, after when one follows.
    const prefix = before.char === '{' || before.char === ',' || before.char === undefined ? '' : ',';
    const next = nextNonSpace(text, offset);
    const suffix = next === '"' ? ',' : '';
    return propertyItems(deps, container ?? '', node, offset, 0, prefix, suffix, isResource);
  }
  return [];
}

function objectAt(tree: JsonDocument, path: readonly (string | number)[]): ObjectNode | undefined {
  let node = tree.root;
  for (const segment of path) {
    if (!node) return undefined;
    if (node.type === 'object' && typeof segment === 'string')
      node = [...node.properties].reverse().find((p) => p.key === segment)?.value;
    else if (node.type === 'array' && typeof segment === 'number') node = node.items[segment];
    else return undefined;
  }
  return node?.type === 'object' ? node : undefined;
}

/** Is the object at `path` a resource (the root, a Bundle entry's resource, a contained resource)? */
function isResourceObject(
  deps: CompletionDeps,
  path: readonly (string | number)[],
  rootValue: unknown,
): boolean {
  if (path.every((s) => typeof s === 'number')) return true;
  const steps = resolveSteps(deps.definitions, rootValue, path);
  const type = steps[steps.length - 1]?.child?.type;
  return type === 'Resource' || type === 'DomainResource';
}
