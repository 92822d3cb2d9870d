/**
 * The structural walker: one pass over the plain JSON values, guided by the definitions index. It
 * resolves every property to its element definition (choices `[x]`, `_element` companions, backbone
 * elements, contentReference), recurses into contained / Bundle entry / Parameters resources as
 * resources, emits StructureEvents for the structural rules and calls the rules' resource and element
 * hooks. Iterative (explicit stacks): deep documents cannot overflow the call stack. Paths are kept as
 * parent-linked segments and turned into arrays only when something is reported or hooked.
 * FHIR JSON representation: https://hl7.org/fhir/R4/json.html
 */
import type { ChildElement, ChildTable, Definitions, ElementData } from './definitions/index.js';
import type { Path } from './issue.js';
import type { ElementContext, ResourceContext, ResourceFrame, Rule, StructureEvent } from './rule.js';

/** JSON type of each FHIR primitive (R4 json.html#primitive); anything else primitive is a string. */
const NUMBER_TYPES = new Set(['integer', 'positiveInt', 'unsignedInt', 'decimal']);

export function jsonTypeOfPrimitive(fhirType: string): 'string' | 'number' | 'boolean' {
  if (fhirType === 'boolean') return 'boolean';
  return NUMBER_TYPES.has(fhirType) ? 'number' : 'string';
}

/** A path as linked segments (cheap to extend); `toPath` materialises it. */
export interface PathLink {
  readonly parent: PathLink | undefined;
  readonly segment: string | number;
  readonly depth: number;
}

function link(parent: PathLink | undefined, segment: string | number): PathLink {
  return { parent, segment, depth: parent ? parent.depth + 1 : 1 };
}

export function toPath(p: PathLink | undefined): (string | number)[] {
  if (!p) return [];
  const out = new Array<string | number>(p.depth);
  for (let l: PathLink | undefined = p, i = p.depth - 1; l; l = l.parent, i--) out[i] = l.segment;
  return out;
}

/** An element hook with the rule it belongs to (for reporting and error attribution). */
export interface ElementHookEntry {
  readonly rule: Rule;
  readonly hook: (ctx: ElementContext) => void;
}

type JsonKind = 'null' | 'array' | 'object' | 'string' | 'number' | 'boolean';

function kindOf(v: unknown): JsonKind {
  if (v === null) return 'null';
  const t = typeof v;
  if (t === 'object') return Array.isArray(v) ? 'array' : 'object';
  return t as JsonKind;
}

type Obj = Record<string, unknown>;

export interface WalkEnv {
  definitions: Definitions;
  /** Builds the context of a resource (report plumbing lives in run.ts). */
  resourceContext(resourceType: string, value: Obj, path: Path, ancestors: readonly ResourceFrame[]): ResourceContext;
  onResource(ctx: ResourceContext): void;
  onStructure(ctx: ResourceContext, event: StructureEvent): void;
  /**
   * Element hooks for an element of this definition and FHIR type, in call order (empty when no rule
   * listens: then no context is built). The walker asks once per pair and keeps the answer.
   */
  elementHooks(definition: ElementData, type: string): readonly ElementHookEntry[];
  runElementHook(entry: ElementHookEntry, ctx: ElementContext): void;
  /** Checked between resources; throws when cancelled. */
  checkCancelled(): void;
}

interface ResourceJob {
  value: Obj;
  path: PathLink | undefined;
  ancestors: readonly ResourceFrame[];
  /** Top-level resources without resourceType are not FHIR; nested ones are errors. */
  nested: boolean;
}

interface ElementJob {
  value: Obj;
  /** Path whose children apply ('Patient', 'Patient.contact', 'Identifier', 'Element'). */
  childrenPath: string;
  /** FHIR element path of this object, for messages and hooks ('Patient.contact'). */
  elementPath: string;
  path: PathLink | undefined;
  isResourceRoot: boolean;
}

/** Per-walk state shared by the helpers below. */
interface Walk {
  env: WalkEnv;
  defs: Definitions;
  rctx: ResourceContext;
  stack: ElementJob[];
  resources: ResourceJob[];
  innerAncestors: readonly ResourceFrame[];
  /** Element hooks per definition and type (env.elementHooks, asked once per pair in the walk). */
  hooks: Map<ElementData, Map<string, readonly ElementHookEntry[]>>;
  /** Per child table, the elements whose cardinality can fail (shared by all resources of the walk). */
  constrained: Map<ChildTable, readonly ChildElement[]>;
}

/** Whether an element's count can break its cardinality (precomputed: reads no ElementData per value). */
function countMatters(e: ChildElement): boolean {
  return e.counted;
}

/** Walks every resource in the document whose root value is `root` (already known to be a FHIR resource). */
export function walkResources(root: Obj, env: WalkEnv): void {
  const resources: ResourceJob[] = [{ value: root, path: undefined, ancestors: [], nested: false }];
  const hooks = new Map<ElementData, Map<string, readonly ElementHookEntry[]>>();
  const constrained = new Map<ChildTable, readonly ChildElement[]>();
  while (resources.length > 0) {
    env.checkCancelled();
    walkResource(resources.pop()!, env, resources, hooks, constrained);
  }
}

function walkResource(
  job: ResourceJob,
  env: WalkEnv,
  resources: ResourceJob[],
  hooks: Walk['hooks'],
  constrained: Walk['constrained'],
): void {
  const defs = env.definitions;
  const rtValue = job.value['resourceType'];
  const rt = typeof rtValue === 'string' ? rtValue : undefined;
  const path = toPath(job.path);
  if (rt === undefined || !defs.isResourceType(rt)) {
    const ctx = env.resourceContext(rt ?? '', job.value, path, job.ancestors);
    if (rt === undefined) {
      if (job.nested) env.onStructure(ctx, { kind: 'resource-type-missing', path });
    } else if (defs.type(rt)?.kind === 'resource') {
      env.onStructure(ctx, { kind: 'resource-type-abstract', path: [...path, 'resourceType'], resourceType: rt });
    } else {
      env.onStructure(ctx, { kind: 'resource-type-unknown', path: [...path, 'resourceType'], resourceType: rt, known: defs.resourceTypeNames() });
    }
    return;
  }
  const rctx = env.resourceContext(rt, job.value, path, job.ancestors);
  env.onResource(rctx);
  const frame: ResourceFrame = { resourceType: rt, value: job.value, path };
  const w: Walk = { env, defs, rctx, stack: [], resources, innerAncestors: [frame, ...job.ancestors], hooks, constrained };
  w.stack.push({ value: job.value, childrenPath: rt, elementPath: rt, path: job.path, isResourceRoot: true });
  while (w.stack.length > 0) walkObject(w, w.stack.pop()!);
}

function walkObject(w: Walk, el: ElementJob): void {
  const table = w.defs.children(el.childrenPath);
  if (!table) return;
  const obj = el.value;
  const env = w.env;
  // Counts per declared element whose cardinality can fail (choices share one); no closure or map per
  // object unless one is counted (issue 3: this runs on every object of the document).
  let counts: Map<string, number> | undefined;

  for (const key in obj) {
    if (el.isResourceRoot && key === 'resourceType') continue;
    const value = obj[key];
    if (key.charCodeAt(0) === 95 /* _ */ && key.length > 1) {
      const base = key.slice(1);
      if (el.isResourceRoot && base === 'id') {
        // Resource.id is not an Element: it cannot carry an id or extensions (R4 resource.html#id).
        env.onStructure(w.rctx, { kind: 'companion-mismatch', path: toPath(link(el.path, key)), elementPath: `${el.elementPath}.id`, detail: 'Extensions are not allowed on Resource.id: "_id" cannot be used on a resource' });
        continue;
      }
      const child = table.byName.get(base);
      if (!child || child.valueKind !== 'primitive') {
        env.onStructure(w.rctx, unknownProperty(toPath(link(el.path, key)), key, el, table.byName));
        continue;
      }
      if (!(base in obj) && countMatters(child)) counts = addCount(counts, child, 1);
      walkCompanion(w, key, value, obj[base], child, link(el.path, key));
      continue;
    }
    const child = table.byName.get(key);
    if (!child) {
      env.onStructure(w.rctx, unknownProperty(toPath(link(el.path, key)), key, el, table.byName));
      continue;
    }
    const elementPath = child.valuePath;
    const propPath = link(el.path, key);
    if (value === null) {
      env.onStructure(w.rctx, { kind: 'null-value', path: toPath(propPath), elementPath });
      continue;
    }
    if (Array.isArray(value)) {
      if (value.length === 0) {
        env.onStructure(w.rctx, { kind: 'empty-value', path: toPath(propPath), elementPath, what: 'array' });
        continue;
      }
      if (child.max <= 1) env.onStructure(w.rctx, { kind: 'array-unexpected', path: toPath(propPath), elementPath });
      if (countMatters(child)) counts = addCount(counts, child, value.length);
      for (let i = 0; i < value.length; i++) {
        const item: unknown = value[i];
        if (item === null) {
          // A null keeps positions aligned with `_key`; it needs a companion item there (json.html#primitive).
          const companion = obj[`_${key}`];
          const c = Array.isArray(companion) ? (companion[i] as unknown) : undefined;
          if (c === undefined || c === null) env.onStructure(w.rctx, { kind: 'null-value', path: toPath(link(propPath, i)), elementPath });
          continue;
        }
        walkValue(w, item, link(propPath, i), child, elementPath, el);
      }
    } else {
      if (child.max > 1) env.onStructure(w.rctx, { kind: 'array-expected', path: toPath(propPath), elementPath, max: child.element.max });
      if (countMatters(child)) counts = addCount(counts, child, 1);
      walkValue(w, value, propPath, child, elementPath, el);
    }
  }

  // Cardinality against the base definitions (R4 elementdefinition.html#min-max).
  let required = w.constrained.get(table);
  if (!required) {
    required = table.elements.filter(countMatters);
    w.constrained.set(table, required);
  }
  for (let i = 0; i < required.length; i++) {
    const e = required[i]!;
    const min = e.element.min;
    const n = counts?.get(e.elementPath) ?? 0;
    if (n < min) {
      env.onStructure(w.rctx, { kind: 'cardinality-min', path: toPath(el.path), elementPath: e.elementPath, min, count: n });
    } else if (n > e.max && e.max > 1) {
      env.onStructure(w.rctx, { kind: 'cardinality-max', path: toPath(link(el.path, e.name)), elementPath: e.elementPath, max: e.element.max, count: n });
    }
  }
}

function addCount(counts: Map<string, number> | undefined, child: ChildElement, n: number): Map<string, number> {
  const map = counts ?? new Map<string, number>();
  map.set(child.elementPath, (map.get(child.elementPath) ?? 0) + n);
  return map;
}

function unknownProperty(path: Path, key: string, el: ElementJob, byName: ReadonlyMap<string, ChildElement>): StructureEvent {
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
  return event;
}

function walkValue(w: Walk, value: unknown, path: PathLink, child: ChildElement, elementPath: string, parent: ElementJob): void {
  const env = w.env;
  if (child.isBackbone) {
    const k = kindOf(value);
    if (k !== 'object') {
      env.onStructure(w.rctx, { kind: 'wrong-json-type', path: toPath(path), elementPath, fhirType: 'BackboneElement', expected: 'object', actual: k });
      return;
    }
    if (isEmptyObject(value as Obj)) {
      env.onStructure(w.rctx, { kind: 'empty-value', path: toPath(path), elementPath, what: 'object' });
      return;
    }
    w.stack.push({ value: value as Obj, childrenPath: child.childrenPath, elementPath, path, isResourceRoot: false });
    callHooks(w, child.element.types?.[0]?.code ?? 'BackboneElement', value, path, child.element, elementPath, parent);
    return;
  }
  const type = child.type;
  if (type === undefined) return;
  const tk = child.valueKind;
  if (tk === 'primitive') {
    const expected = jsonTypeOfPrimitive(type);
    const t = typeof value;
    if (t !== expected) {
      env.onStructure(w.rctx, { kind: 'wrong-json-type', path: toPath(path), elementPath, fhirType: type, expected, actual: kindOf(value) });
      return;
    }
    if (value === '') {
      env.onStructure(w.rctx, { kind: 'empty-value', path: toPath(path), elementPath, what: 'string' });
      return;
    }
    callHooks(w, type, value, path, child.element, elementPath, parent);
    return;
  }
  const k = kindOf(value);
  if (k !== 'object') {
    env.onStructure(w.rctx, { kind: 'wrong-json-type', path: toPath(path), elementPath, fhirType: type, expected: 'object', actual: k });
    return;
  }
  if (tk === 'resource') {
    if (w.rctx.settings.validateContained === false && path.parent?.segment === 'contained') return;
    w.resources.push({ value: value as Obj, path, ancestors: w.innerAncestors, nested: true });
    return;
  }
  if (isEmptyObject(value as Obj)) {
    env.onStructure(w.rctx, { kind: 'empty-value', path: toPath(path), elementPath, what: 'object' });
    return;
  }
  w.stack.push({ value: value as Obj, childrenPath: type, elementPath, path, isResourceRoot: false });
  callHooks(w, type, value, path, child.element, elementPath, parent);
}

function isEmptyObject(o: Obj): boolean {
  for (const _ in o) return false;
  return true;
}

/** `_key` companion of a primitive: an object (or array of objects/nulls aligned with the values) with id/extension. */
function walkCompanion(w: Walk, key: string, value: unknown, values: unknown, child: ChildElement, path: PathLink): void {
  const env = w.env;
  const elementPath = child.elementPath;
  const pushElement = (v: unknown, p: PathLink): void => {
    const k = kindOf(v);
    if (k !== 'object') {
      env.onStructure(w.rctx, { kind: 'wrong-json-type', path: toPath(p), elementPath, fhirType: 'Element', expected: 'object', actual: k });
      return;
    }
    if (isEmptyObject(v as Obj)) {
      env.onStructure(w.rctx, { kind: 'empty-value', path: toPath(p), elementPath, what: 'object' });
      return;
    }
    w.stack.push({ value: v as Obj, childrenPath: 'Element', elementPath, path: p, isResourceRoot: false });
  };
  if (value === null) {
    env.onStructure(w.rctx, { kind: 'null-value', path: toPath(path), elementPath });
    return;
  }
  if (Array.isArray(value)) {
    if (child.max <= 1) env.onStructure(w.rctx, { kind: 'array-unexpected', path: toPath(path), elementPath });
    const valueItems = Array.isArray(values) ? (values as unknown[]) : undefined;
    if (valueItems && valueItems.length !== value.length) {
      env.onStructure(w.rctx, {
        kind: 'companion-mismatch',
        path: toPath(path),
        elementPath,
        detail: `"${key}" has ${value.length} items but "${key.slice(1)}" has ${valueItems.length}; they must line up item by item`,
      });
    }
    for (let i = 0; i < value.length; i++) {
      const item: unknown = value[i];
      if (item === null) {
        const v = valueItems?.[i];
        if (v === undefined || v === null) env.onStructure(w.rctx, { kind: 'null-value', path: toPath(link(path, i)), elementPath });
        continue;
      }
      pushElement(item, link(path, i));
    }
    return;
  }
  if (child.max > 1) env.onStructure(w.rctx, { kind: 'array-expected', path: toPath(path), elementPath, max: child.element.max });
  pushElement(value, path);
}

/**
 * The element context: resource fields come from the resource context; the document path and the
 * parent are materialised only when a rule reads them.
 */
class ElementCtx {
  constructor(
    private readonly r: ResourceContext,
    readonly elementPath: string,
    readonly elementType: string,
    readonly elementValue: unknown,
    readonly definition: ElementData,
    private readonly pathLink: PathLink,
    private readonly parentJob: ElementJob,
  ) {}
  get resourceType(): string {
    return this.r.resourceType;
  }
  get value(): ResourceContext['value'] {
    return this.r.value;
  }
  get path(): Path {
    return this.r.path;
  }
  get profiles(): readonly string[] {
    return this.r.profiles;
  }
  get fhirVersion(): string {
    return this.r.fhirVersion;
  }
  get settings(): ResourceContext['settings'] {
    return this.r.settings;
  }
  get definitions(): Definitions {
    return this.r.definitions;
  }
  get fhirpath(): ResourceContext['fhirpath'] {
    return this.r.fhirpath;
  }
  get document(): ResourceContext['document'] {
    return this.r.document;
  }
  get sourceText(): ResourceContext['sourceText'] {
    const r = this.r;
    return (path) => r.sourceText?.(path);
  }
  get ancestors(): ResourceContext['ancestors'] {
    return this.r.ancestors;
  }
  get terminology(): ResourceContext['terminology'] {
    return this.r.terminology;
  }
  get conformance(): ResourceContext['conformance'] {
    return this.r.conformance;
  }
  get report(): ResourceContext['report'] {
    const r = this.r;
    return (args) => r.report(args);
  }
  get elementPathInDoc(): Path {
    return toPath(this.pathLink);
  }
  get parent(): { elementPath: string; value: unknown; path: Path } {
    return { elementPath: this.parentJob.elementPath, value: this.parentJob.value, path: toPath(this.parentJob.path) };
  }
}

function callHooks(w: Walk, type: string, value: unknown, path: PathLink, definition: ElementData, elementPath: string, parent: ElementJob): void {
  let byType = w.hooks.get(definition);
  if (!byType) w.hooks.set(definition, (byType = new Map<string, readonly ElementHookEntry[]>()));
  let hooks = byType.get(type);
  if (!hooks) byType.set(type, (hooks = w.env.elementHooks(definition, type)));
  if (hooks.length === 0) return;
  const ctx = new ElementCtx(w.rctx, elementPath, type, value, definition, path, parent) as unknown as ElementContext;
  for (let i = 0; i < hooks.length; i++) w.env.runElementHook(hooks[i]!, ctx);
}
