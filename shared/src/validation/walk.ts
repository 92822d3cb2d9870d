/**
 * The structural walker: one pass over the offset tree, guided by the definitions index. It resolves
 * every property to its element definition (choices `[x]`, `_element` companions, backbone elements,
 * contentReference), recurses into contained / Bundle entry / Parameters resources as resources, emits
 * StructureEvents for the structural rules and calls the rules' resource and element hooks.
 * Iterative (explicit stacks): deep documents cannot overflow the call stack.
 * FHIR JSON representation: https://hl7.org/fhir/R4/json.html
 */
import type { ChildElement, Definitions } from './definitions/index.js';
import type { Path } from './issue.js';
import type { ArrayNode, JsonNode, ObjectNode, PropertyNode } from './parse.js';
import type { ElementContext, ResourceContext, ResourceFrame, StructureEvent } from './rule.js';

/** JSON type of each FHIR primitive (R4 json.html#primitive); anything else primitive is a string. */
const NUMBER_TYPES = new Set(['integer', 'positiveInt', 'unsignedInt', 'decimal']);

export function jsonTypeOfPrimitive(fhirType: string): 'string' | 'number' | 'boolean' {
  if (fhirType === 'boolean') return 'boolean';
  return NUMBER_TYPES.has(fhirType) ? 'number' : 'string';
}

function jsonTypeName(node: JsonNode): string {
  return node.type;
}

export interface WalkEnv {
  definitions: Definitions;
  /** Builds the context of a resource (report plumbing lives in run.ts). */
  resourceContext(resourceType: string, node: ObjectNode, path: Path, ancestors: readonly ResourceFrame[]): ResourceContext;
  onResource(ctx: ResourceContext): void;
  onStructure(ctx: ResourceContext, event: StructureEvent): void;
  /** Element hooks for a FHIR type (undefined when no rule listens: then no context is built). */
  elementHooks(type: string): readonly ((ctx: ElementContext) => void)[] | undefined;
  runElementHook(hook: (ctx: ElementContext) => void, ctx: ElementContext): void;
  /** Checked between resources; throws when cancelled. */
  checkCancelled(): void;
}

interface ResourceJob {
  node: ObjectNode;
  path: Path;
  ancestors: readonly ResourceFrame[];
  /** Top-level resources without resourceType are not FHIR; nested ones are errors. */
  nested: boolean;
}

interface ElementJob {
  node: ObjectNode;
  /** Path whose children apply ('Patient', 'Patient.contact', 'Identifier', 'Element'). */
  childrenPath: string;
  /** FHIR element path of this object, for messages and hooks ('Patient.contact'). */
  elementPath: string;
  path: Path;
  isResourceRoot: boolean;
}

function isPrimitiveType(defs: Definitions, code: string | undefined): boolean {
  return code !== undefined && defs.type(code)?.kind === 'primitive-type';
}

/** Walks every resource in the document rooted at `root` (already known to be a FHIR resource). */
export function walkResources(root: ObjectNode, env: WalkEnv): void {
  const defs = env.definitions;
  const resources: ResourceJob[] = [{ node: root, path: [], ancestors: [], nested: false }];
  while (resources.length > 0) {
    env.checkCancelled();
    const job = resources.pop()!;
    walkResource(job, env, defs, resources);
  }
}

function walkResource(job: ResourceJob, env: WalkEnv, defs: Definitions, resources: ResourceJob[]): void {
  const rtProp = job.node.properties.find((p) => p.key === 'resourceType');
  const rt = rtProp?.value?.type === 'string' ? rtProp.value.value : undefined;
  if (rt === undefined || !defs.type(rt) || defs.type(rt)?.kind !== 'resource' || !defs.isResourceType(rt)) {
    const ctx = env.resourceContext(rt ?? '', job.node, job.path, job.ancestors);
    if (rt === undefined) {
      if (job.nested) env.onStructure(ctx, { kind: 'resource-type-missing', path: job.path });
    } else if (defs.type(rt)?.kind === 'resource') {
      env.onStructure(ctx, { kind: 'resource-type-abstract', path: [...job.path, 'resourceType'], resourceType: rt });
    } else {
      env.onStructure(ctx, { kind: 'resource-type-unknown', path: [...job.path, 'resourceType'], resourceType: rt, known: defs.resourceTypeNames() });
    }
    return;
  }
  const rctx = env.resourceContext(rt, job.node, job.path, job.ancestors);
  env.onResource(rctx);
  const frame: ResourceFrame = { resourceType: rt, value: job.node.value, path: job.path };
  const innerAncestors = [frame, ...job.ancestors];

  const stack: ElementJob[] = [{ node: job.node, childrenPath: rt, elementPath: rt, path: job.path, isResourceRoot: true }];
  while (stack.length > 0) {
    const el = stack.pop()!;
    walkObject(el, rctx, env, defs, stack, resources, innerAncestors);
  }
}

function walkObject(
  el: ElementJob,
  rctx: ResourceContext,
  env: WalkEnv,
  defs: Definitions,
  stack: ElementJob[],
  resources: ResourceJob[],
  innerAncestors: readonly ResourceFrame[],
): void {
  const table = defs.children(el.childrenPath);
  if (!table) return;
  const props = el.node.properties;
  // Counts per declared element (choices share one), for cardinality.
  const counts = new Map<string, number>();
  const parentInfo = { elementPath: el.elementPath, value: el.node.value, path: el.path };

  for (let pi = 0; pi < props.length; pi++) {
    const prop = props[pi]!;
    const key = prop.key;
    const value = prop.value;
    if (el.isResourceRoot && key === 'resourceType') continue;
    const propPath: Path = [...el.path, key];
    if (key.charCodeAt(0) === 95 /* _ */ && key.length > 1) {
      const base = key.slice(1);
      const child = table.byName.get(base);
      if (!child || !isPrimitiveType(defs, child.type)) {
        env.onStructure(rctx, unknownProperty(propPath, key, el, table.byName, defs));
        continue;
      }
      const hasValue = props.some((p) => p.key === base);
      if (!hasValue) counts.set(child.elementPath, (counts.get(child.elementPath) ?? 0) + 1);
      if (value) walkCompanion(prop, value, child, el, propPath, props, rctx, env, stack);
      continue;
    }
    const child = table.byName.get(key);
    if (!child) {
      env.onStructure(rctx, unknownProperty(propPath, key, el, table.byName, defs));
      continue;
    }
    if (!value) continue; // half-typed: the parse error says it
    const elementPath = child.isChoice ? `${child.elementPath.slice(0, -3)}${capitalise(child.type ?? '')}` : child.elementPath;
    if (value.type === 'null') {
      env.onStructure(rctx, { kind: 'null-value', path: propPath, elementPath });
      continue;
    }
    if (value.type === 'array') {
      if (value.items.length === 0) {
        env.onStructure(rctx, { kind: 'empty-value', path: propPath, elementPath, what: 'array' });
        continue;
      }
      if (child.max <= 1) env.onStructure(rctx, { kind: 'array-unexpected', path: propPath, elementPath });
      counts.set(child.elementPath, (counts.get(child.elementPath) ?? 0) + value.items.length);
      const companion = isPrimitiveType(defs, child.type) ? findProp(props, `_${key}`) : undefined;
      const companionItems = companion?.value?.type === 'array' ? companion.value.items : undefined;
      for (let i = 0; i < value.items.length; i++) {
        const item = value.items[i]!;
        const itemPath: Path = [...propPath, i];
        if (item.type === 'null') {
          // A null keeps positions aligned with `_key`; it needs a companion item there (json.html#primitive).
          const c = companionItems?.[i];
          if (!c || c.type === 'null') env.onStructure(rctx, { kind: 'null-value', path: itemPath, elementPath });
          continue;
        }
        walkValue(item, itemPath, child, elementPath, parentInfo, rctx, env, defs, stack, resources, innerAncestors);
      }
    } else {
      if (child.max > 1) env.onStructure(rctx, { kind: 'array-expected', path: propPath, elementPath, max: child.element.max });
      counts.set(child.elementPath, (counts.get(child.elementPath) ?? 0) + 1);
      walkValue(value, propPath, child, elementPath, parentInfo, rctx, env, defs, stack, resources, innerAncestors);
    }
  }

  // Cardinality against the base definitions (R4 elementdefinition.html#min-max).
  for (const e of table.elements) {
    const min = e.element.min;
    const count = counts.get(e.elementPath) ?? 0;
    if (count < min) {
      env.onStructure(rctx, { kind: 'cardinality-min', path: el.path, elementPath: e.elementPath, min, count });
    } else if (count > e.max && e.max > 1) {
      env.onStructure(rctx, { kind: 'cardinality-max', path: [...el.path, e.name], elementPath: e.elementPath, max: e.element.max, count });
    }
  }
}

function findProp(props: readonly PropertyNode[], key: string): PropertyNode | undefined {
  for (let i = props.length - 1; i >= 0; i--) if (props[i]!.key === key) return props[i];
  return undefined;
}

function capitalise(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

function unknownProperty(path: Path, key: string, el: ElementJob, byName: ReadonlyMap<string, ChildElement>, defs: Definitions): StructureEvent {
  const allowed = [...byName.keys()];
  const event: Extract<StructureEvent, { kind: 'unknown-property' }> = { kind: 'unknown-property', path, key, parentElementPath: el.elementPath, allowed };
  const bare = key.charCodeAt(0) === 95 ? key.slice(1) : key;
  // "valueFoo" where value[x] exists: a choice with a type the element does not allow.
  for (const c of byName.values()) {
    if (!c.isChoice) continue;
    const stem = c.elementPath.slice(c.elementPath.lastIndexOf('.') + 1, -3);
    const rest = bare.slice(stem.length);
    if (bare.startsWith(stem) && rest.length > 0 && rest.charCodeAt(0) >= 65 && rest.charCodeAt(0) <= 90) {
      const types = c.element.types?.map((t) => t.code) ?? [];
      event.choice = { elementPath: c.elementPath, stem, types };
      break;
    }
  }
  void defs;
  return event;
}

function walkValue(
  node: JsonNode,
  path: Path,
  child: ChildElement,
  elementPath: string,
  parent: { elementPath: string; value: unknown; path: Path },
  rctx: ResourceContext,
  env: WalkEnv,
  defs: Definitions,
  stack: ElementJob[],
  resources: ResourceJob[],
  innerAncestors: readonly ResourceFrame[],
): void {
  if (child.isBackbone) {
    if (node.type !== 'object') {
      env.onStructure(rctx, { kind: 'wrong-json-type', path, elementPath, fhirType: 'BackboneElement', expected: 'object', actual: jsonTypeName(node) });
      return;
    }
    if (node.properties.length === 0) {
      env.onStructure(rctx, { kind: 'empty-value', path, elementPath, what: 'object' });
      return;
    }
    stack.push({ node, childrenPath: child.childrenPath, elementPath, path, isResourceRoot: false });
    callHooks(child.element.types?.[0]?.code ?? 'BackboneElement', node, path, child, elementPath, parent, rctx, env);
    return;
  }
  const type = child.type;
  if (type === undefined) return;
  const typeDef = defs.type(type);
  if (typeDef?.kind === 'primitive-type') {
    const expected = jsonTypeOfPrimitive(type);
    if (node.type !== expected) {
      env.onStructure(rctx, { kind: 'wrong-json-type', path, elementPath, fhirType: type, expected, actual: jsonTypeName(node) });
      return;
    }
    if (node.type === 'string' && node.value === '') {
      env.onStructure(rctx, { kind: 'empty-value', path, elementPath, what: 'string' });
      return;
    }
    callHooks(type, node, path, child, elementPath, parent, rctx, env);
    return;
  }
  if (node.type !== 'object') {
    env.onStructure(rctx, { kind: 'wrong-json-type', path, elementPath, fhirType: type, expected: 'object', actual: jsonTypeName(node) });
    return;
  }
  if (typeDef?.kind === 'resource') {
    resources.push({ node, path, ancestors: innerAncestors, nested: true });
    return;
  }
  if (node.properties.length === 0) {
    env.onStructure(rctx, { kind: 'empty-value', path, elementPath, what: 'object' });
    return;
  }
  stack.push({ node, childrenPath: type, elementPath, path, isResourceRoot: false });
  callHooks(type, node, path, child, elementPath, parent, rctx, env);
}

/** `_key` companion of a primitive: an object (or array of objects/nulls aligned with the values) with id/extension. */
function walkCompanion(
  prop: PropertyNode,
  value: JsonNode,
  child: ChildElement,
  el: ElementJob,
  path: Path,
  props: readonly PropertyNode[],
  rctx: ResourceContext,
  env: WalkEnv,
  stack: ElementJob[],
): void {
  const elementPath = child.elementPath;
  const pushElement = (node: JsonNode, p: Path): void => {
    if (node.type !== 'object') {
      env.onStructure(rctx, { kind: 'wrong-json-type', path: p, elementPath, fhirType: 'Element', expected: 'object', actual: node.type });
      return;
    }
    if (node.properties.length === 0) {
      env.onStructure(rctx, { kind: 'empty-value', path: p, elementPath, what: 'object' });
      return;
    }
    stack.push({ node, childrenPath: 'Element', elementPath, path: p, isResourceRoot: false });
  };
  if (value.type === 'null') {
    env.onStructure(rctx, { kind: 'null-value', path, elementPath });
    return;
  }
  if (value.type === 'array') {
    if (child.max <= 1) {
      env.onStructure(rctx, { kind: 'array-unexpected', path, elementPath });
    }
    const values = findProp(props, prop.key.slice(1))?.value;
    const valueItems = values?.type === 'array' ? (values as ArrayNode).items : undefined;
    if (valueItems && valueItems.length !== value.items.length) {
      env.onStructure(rctx, {
        kind: 'companion-mismatch',
        path,
        elementPath,
        detail: `"${prop.key}" has ${value.items.length} items but "${prop.key.slice(1)}" has ${valueItems.length}; they must line up`,
      });
    }
    for (let i = 0; i < value.items.length; i++) {
      const item = value.items[i]!;
      if (item.type === 'null') {
        const v = valueItems?.[i];
        if (!v || v.type === 'null') env.onStructure(rctx, { kind: 'null-value', path: [...path, i], elementPath });
        continue;
      }
      pushElement(item, [...path, i]);
    }
    return;
  }
  if (child.max > 1) {
    env.onStructure(rctx, { kind: 'array-expected', path, elementPath, max: child.element.max });
  }
  pushElement(value, path);
  void el;
}

function callHooks(
  type: string,
  node: JsonNode,
  path: Path,
  child: ChildElement,
  elementPath: string,
  parent: { elementPath: string; value: unknown; path: Path },
  rctx: ResourceContext,
  env: WalkEnv,
): void {
  const hooks = env.elementHooks(type);
  const all = env.elementHooks('*');
  if (!hooks && !all) return;
  const ctx: ElementContext = Object.assign(Object.create(rctx) as ResourceContext, {
    elementPath,
    elementType: type,
    elementValue: node.value,
    elementPathInDoc: path,
    definition: child.element,
    node,
    parent,
  }) as ElementContext;
  if (hooks) for (const h of hooks) env.runElementHook(h, ctx);
  if (all) for (const h of all) env.runElementHook(h, ctx);
}
