/**
 * Snapshot generation from differentials (FHIR R4 profiling), pure: no I/O.
 * Spec: https://hl7.org/fhir/R4/profiling.html#snapshot — the algorithm follows the shape of the HL7
 * Java ProfileUtilities.generateSnapshot: start from the base snapshot, then walk the differential in
 * order, finding (or creating: slices, unfolded type children) the snapshot element each differential
 * element constrains and merging the constraint in.
 */
import type { ElementDefinition, StructureDefinition } from './types.js';

/** Where base definitions come from: core types/resources, package and workspace profiles. */
export interface StructureDefinitionSource {
  /** The StructureDefinition with this canonical URL (a `|version` suffix may be present). */
  get(url: string): StructureDefinition | undefined;
}

export interface SnapshotMessage {
  severity: 'error' | 'warning';
  /** Element id of the differential element concerned, when there is one. */
  elementId?: string;
  message: string;
}

export interface SnapshotResult {
  elements: ElementDefinition[];
  messages: SnapshotMessage[];
}

export interface SnapshotOptions {
  /**
   * Regenerate snapshots even for StructureDefinitions that carry one (the published one is used
   * otherwise). The comparison script sets it for the profile under test only.
   */
  regenerate?: boolean;
}

/** Error raised when a snapshot cannot be generated at all (missing base, cycle). */
export class SnapshotError extends Error {
  readonly url: string;
  constructor(url: string, message: string) {
    super(message);
    this.name = 'SnapshotError';
    this.url = url;
  }
}

const FHIR_SD = 'http://hl7.org/fhir/StructureDefinition/';

/** Properties merged by appending distinct entries rather than replacing. */
const APPEND_KEYS = new Set(['constraint', 'condition', 'alias', 'mapping', 'code']);
/** Differential properties that are not constraints on the element. */
const SKIP_KEYS = new Set(['id', 'path', 'base', 'sliceName']);

function clone<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}

function stripVersion(url: string): string {
  const bar = url.indexOf('|');
  return bar < 0 ? url : url.slice(0, bar);
}

/** Element id of an element without one (old definitions): path, with `:sliceName` on the last part. */
function elementId(e: ElementDefinition): string {
  if (e.id) return e.id;
  return e.sliceName ? `${e.path}:${e.sliceName}` : e.path;
}

/** Splits an element id into its dot-separated parts, ignoring dots inside slice names' `[...]`. */
function splitId(id: string): string[] {
  const parts: string[] = [];
  let start = 0;
  let depth = 0;
  for (let i = 0; i < id.length; i++) {
    const c = id[i];
    if (c === '[') depth++;
    else if (c === ']') depth--;
    else if (c === '.' && depth === 0) {
      parts.push(id.slice(start, i));
      start = i + 1;
    }
  }
  parts.push(id.slice(start));
  return parts;
}

function isDescendantId(id: string, ancestor: string): boolean {
  return id.startsWith(ancestor) && (id[ancestor.length] === '.' || id[ancestor.length] === ':');
}

function isChildOrDeeperId(id: string, ancestor: string): boolean {
  return id.startsWith(ancestor) && id[ancestor.length] === '.';
}

function upperFirst(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

/**
 * Generates and memoises snapshots. One instance per set of loaded definitions; it keeps no global
 * state, and hands out frozen-by-convention element arrays (callers must not mutate them).
 */
export class SnapshotGenerator {
  readonly #source: StructureDefinitionSource;
  readonly #cache = new Map<string, SnapshotResult>();
  readonly #inProgress = new Set<string>();

  constructor(source: StructureDefinitionSource) {
    this.#source = source;
  }

  /**
   * The snapshot of the StructureDefinition with this URL: the published one if it has one, else
   * generated (and memoised). Undefined when the URL is unknown.
   */
  snapshotOf(url: string): ElementDefinition[] | undefined {
    const key = stripVersion(url);
    const cached = this.#cache.get(key);
    if (cached) return cached.elements;
    const sd = this.#source.get(key);
    if (!sd) return undefined;
    if (sd.snapshot?.element.length) return sd.snapshot.element;
    return this.generate(sd).elements;
  }

  /** Generates the snapshot of `sd` from its differential and its base's snapshot. */
  generate(sd: StructureDefinition, options: SnapshotOptions = {}): SnapshotResult {
    const key = stripVersion(sd.url);
    if (!options.regenerate) {
      const cached = this.#cache.get(key);
      if (cached) return cached;
    }
    if (this.#inProgress.has(key)) throw new SnapshotError(sd.url, `Circular base or type profile chain at ${sd.url}`);
    this.#inProgress.add(key);
    try {
      const result = this.#build(sd);
      if (!options.regenerate) this.#cache.set(key, result);
      return result;
    } finally {
      this.#inProgress.delete(key);
    }
  }

  #build(sd: StructureDefinition): SnapshotResult {
    const messages: SnapshotMessage[] = [];
    if (!sd.baseDefinition) {
      // A base type or resource: it must carry its own snapshot.
      if (sd.snapshot?.element.length) return { elements: sd.snapshot.element, messages };
      throw new SnapshotError(sd.url, `${sd.url} has no baseDefinition and no snapshot`);
    }
    const base = this.snapshotOf(sd.baseDefinition);
    if (!base) {
      throw new SnapshotError(sd.url, `Base definition ${sd.baseDefinition} of ${sd.url} is not loaded`);
    }
    const work = new Work(this, clone(base), messages);
    work.inheritAncestorSlicing();
    if (sd.derivation === 'specialization') {
      // A new type/logical model: differential paths start with the new type name; only the root
      // element and Element/Resource children come from the base.
      work.rebaseRoot(sd.type);
    }
    for (const d of sd.differential?.element ?? []) {
      const id = work.differentialId(d);
      const target = work.findOrCreate(id);
      if (!target) {
        if (sd.derivation === 'specialization') {
          work.appendNew(id, d);
          continue;
        }
        messages.push({ severity: 'error', elementId: id, message: `Differential element ${id} has no match in the base definition ${sd.baseDefinition}` });
        continue;
      }
      mergeInto(target, d, sd.url);
    }
    return { elements: work.elements, messages };
  }
}

/** One snapshot under construction. */
class Work {
  readonly elements: ElementDefinition[];
  readonly #generator: SnapshotGenerator;
  readonly #messages: SnapshotMessage[];
  /** Each element as it was before any differential touched it, by id (the base of new slices). */
  readonly #original = new Map<string, ElementDefinition>();
  /** Last slice name seen per sliced path, to give ids to id-less differential elements. */
  readonly #lastSlice = new Map<string, string>();
  /** Ids of the elements of the base snapshot itself (not unfolded or sliced here). */
  readonly #baseIds = new Set<string>();

  constructor(generator: SnapshotGenerator, elements: ElementDefinition[], messages: SnapshotMessage[]) {
    this.#generator = generator;
    this.#messages = messages;
    this.elements = elements;
    for (const e of elements) {
      e.id = elementId(e);
      this.#original.set(e.id, clone(e));
      this.#baseIds.add(e.id);
    }
  }

  /**
   * Core resource snapshots leave `extension`/`modifierExtension` unsliced where the element comes
   * from DomainResource/Element/BackboneElement, whose definitions slice them by url; profile
   * snapshots carry that slicing (as the HL7 and Forge generators write it).
   */
  inheritAncestorSlicing(): void {
    const root = this.elements[0]?.path ?? '';
    for (const e of this.elements) {
      if (e.slicing || !e.base || e.base.path === e.path) continue;
      const ancestor = e.base.path.split('.')[0] ?? '';
      if (ancestor === root || !e.base.path.includes('.')) continue;
      const defining = this.#generator.snapshotOf(`${FHIR_SD}${ancestor}`)?.find((x) => x.path === e.base?.path);
      if (defining?.slicing) {
        e.slicing = clone(defining.slicing);
        const original = this.#original.get(e.id ?? '');
        if (original) original.slicing = clone(defining.slicing);
      }
    }
  }

  rebaseRoot(typeName: string): void {
    const root = this.elements[0];
    if (!root) return;
    const oldRoot = root.path;
    for (const e of this.elements) {
      e.path = typeName + e.path.slice(oldRoot.length);
      e.id = typeName + (e.id ?? '').slice(oldRoot.length);
    }
    this.#original.clear();
    this.#baseIds.clear();
    for (const e of this.elements) {
      this.#original.set(e.id ?? e.path, clone(e));
      this.#baseIds.add(e.id ?? e.path);
    }
  }

  /** The id of a differential element, derived from path and slice context when absent. */
  differentialId(d: ElementDefinition): string {
    if (d.id) return d.id;
    const parts = d.path.split('.');
    let prefix = '';
    const out: string[] = [];
    for (let i = 0; i < parts.length; i++) {
      const part = parts[i] ?? '';
      prefix = prefix ? `${prefix}.${part}` : part;
      const last = i === parts.length - 1;
      if (last && d.sliceName) {
        this.#lastSlice.set(prefix, d.sliceName);
        out.push(`${part}:${d.sliceName}`);
      } else if (!last && this.#lastSlice.has(prefix)) {
        out.push(`${part}:${this.#lastSlice.get(prefix) ?? ''}`);
      } else {
        out.push(part);
      }
    }
    if (!d.sliceName) this.#lastSlice.delete(d.path);
    return out.join('.');
  }

  #indexOf(id: string): number {
    return this.elements.findIndex((e) => e.id === id);
  }

  /** Index just past `id`'s subtree including its slices and their subtrees. */
  #endOfSubtree(index: number): number {
    const id = this.elements[index]?.id ?? '';
    let i = index + 1;
    while (i < this.elements.length && isDescendantId(this.elements[i]?.id ?? '', id)) i++;
    return i;
  }

  #insert(at: number, items: ElementDefinition[]): void {
    this.elements.splice(at, 0, ...items);
    for (const e of items) this.#original.set(e.id ?? e.path, clone(e));
  }

  findOrCreate(id: string): ElementDefinition | undefined {
    const found = this.#indexOf(id);
    if (found >= 0) return this.elements[found];
    const parts = splitId(id);
    if (parts.length < 2) return undefined;
    const last = parts[parts.length - 1] ?? '';
    const parentId = parts.slice(0, -1).join('.');
    const colon = last.indexOf(':');
    if (colon >= 0) return this.#createSlice(parentId, last.slice(0, colon), last.slice(colon + 1));
    const parent = this.findOrCreate(parentId);
    if (!parent) return undefined;
    // Creating the parent may have unfolded a content reference that brought this element along.
    const created = this.#indexOf(id);
    if (created >= 0) return this.elements[created];
    const parentIndex = this.#indexOf(parentId);
    const hasChildren = this.elements.some((e) => isChildOrDeeperId(e.id ?? '', parentId));
    if (!hasChildren) {
      this.#unfold(parentIndex);
      const after = this.#indexOf(id);
      if (after >= 0) return this.elements[after];
    }
    return this.#renamedChoice(parentId, last);
  }

  /** `valueQuantity` in a differential constrains `value[x]` (R4 allows the renamed form). */
  #renamedChoice(parentId: string, name: string): ElementDefinition | undefined {
    for (const e of this.elements) {
      const eid = e.id ?? '';
      if (!eid.startsWith(`${parentId}.`) || !eid.endsWith('[x]')) continue;
      const stem = eid.slice(parentId.length + 1, -3);
      if (stem.includes('.') || stem.includes(':')) continue;
      const typeName = name.slice(stem.length);
      if (name.startsWith(stem) && e.type?.some((t) => upperFirst(t.code) === typeName)) return e;
    }
    return undefined;
  }

  #createSlice(parentId: string, name: string, sliceName: string): ElementDefinition | undefined {
    const baseId = parentId ? `${parentId}.${name}` : name;
    // Re-slicing (`a:b/c`) slices the slice `a:b`.
    const slash = sliceName.lastIndexOf('/');
    const slicedId = slash >= 0 ? `${baseId}:${sliceName.slice(0, slash)}` : baseId;
    const sliced = this.findOrCreate(slicedId);
    if (!sliced) return undefined;
    // Unfolding the sliced element's type profile may have brought the slice along.
    const existing = this.#indexOf(`${baseId}:${sliceName}`);
    if (existing >= 0) return this.elements[existing];
    const slicedIndex = this.#indexOf(slicedId);
    const original = this.#original.get(slicedId) ?? sliced;
    const slice = clone(original);
    delete slice.slicing;
    slice.sliceName = sliceName;
    slice.id = `${baseId}:${sliceName}`;
    // Children of the sliced element that come from its own definition (backbone elements) are part
    // of every slice; children of a data type are unfolded lazily when a differential reaches them.
    const children: ElementDefinition[] = [];
    const inlineChildren = original.type?.some((t) => t.code === 'BackboneElement' || t.code === 'Element');
    if (inlineChildren) {
      for (const e of this.elements) {
        const eid = e.id ?? '';
        if (isChildOrDeeperId(eid, slicedId) && !eid.slice(slicedId.length + 1).includes(':')) {
          const c = clone(this.#original.get(eid) ?? e);
          c.id = slice.id + eid.slice(slicedId.length);
          children.push(c);
        }
      }
    }
    this.#insert(this.#endOfSubtree(slicedIndex), [slice, ...children]);
    return slice;
  }

  /** Copies the children of the element's type (or content reference) under it. */
  #unfold(index: number): void {
    const parent = this.elements[index];
    if (!parent) return;
    const parentId = parent.id ?? parent.path;
    let source: ElementDefinition[] | undefined;
    let sourceRoot: string;
    if (parent.contentReference) {
      const refPath = parent.contentReference.slice(parent.contentReference.indexOf('#') + 1);
      sourceRoot = refPath;
      source = this.elements
        .filter((e) => this.#baseIds.has(e.id ?? '') && (e.path === refPath || (e.path.startsWith(`${refPath}.`) && !(e.id ?? '').includes(':'))))
        .map((e) => this.#original.get(e.id ?? '') ?? e);
    } else {
      const types = parent.type ?? [];
      const codes = new Set(types.map((t) => t.code));
      if (codes.size !== 1) {
        this.#messages.push({ severity: 'error', elementId: parentId, message: `Cannot constrain children of ${parentId}: it has ${codes.size} types` });
        return;
      }
      const type = types[0];
      if (!type) return;
      const profile = type.profile?.length === 1 ? type.profile[0] : undefined;
      source = (profile && this.#generator.snapshotOf(profile)) || this.#generator.snapshotOf(`${FHIR_SD}${type.code}`);
      if (!source) {
        this.#messages.push({ severity: 'error', elementId: parentId, message: `Definition of type ${profile ?? type.code} (for ${parentId}) is not loaded` });
        return;
      }
      sourceRoot = source[0]?.path ?? type.code;
    }
    const sourceRootId = sourceRoot;
    const items: ElementDefinition[] = [];
    for (const e of source) {
      const eid = elementId(e);
      if (eid === sourceRootId || !isChildOrDeeperId(eid, sourceRootId)) continue;
      const c = clone(e);
      c.path = parent.path + e.path.slice(sourceRoot.length);
      c.id = parentId + eid.slice(sourceRootId.length);
      items.push(c);
    }
    this.#insert(index + 1, items);
  }

  /** A differential element of a specialization that adds a new element. */
  appendNew(id: string, d: ElementDefinition): void {
    const e = clone(d);
    e.id = id;
    const parts = splitId(id);
    const parentId = parts.slice(0, -1).join('.');
    const parentIndex = this.#indexOf(parentId);
    const at = parentIndex >= 0 ? this.#endOfSubtree(parentIndex) : this.elements.length;
    e.base ??= { path: d.path, min: d.min ?? 0, max: d.max ?? '*' };
    this.#insert(at, [e]);
  }
}

/** Merges a differential element's constraints into the snapshot element (in place). */
function mergeInto(target: ElementDefinition, d: ElementDefinition, sourceUrl: string): void {
  if (d.sliceName !== undefined) target.sliceName = d.sliceName;
  for (const [key, value] of Object.entries(d)) {
    if (SKIP_KEYS.has(key) || value === undefined) continue;
    if (APPEND_KEYS.has(key) && Array.isArray(value)) {
      const existing = Array.isArray(target[key]) ? (target[key] as unknown[]) : [];
      const merged = [...existing];
      for (const item of value as unknown[]) {
        const itemKey = key === 'constraint' ? (item as { key?: string }).key : JSON.stringify(item);
        const present = merged.some((m) => (key === 'constraint' ? (m as { key?: string }).key : JSON.stringify(m)) === itemKey);
        if (present) continue;
        const added: unknown = key === 'constraint' ? { ...(item as object), source: (item as { source?: string }).source ?? sourceUrl } : item;
        merged.push(added);
      }
      target[key] = merged;
    } else if ((key === 'binding' || key === 'slicing') && typeof value === 'object' && value !== null) {
      const base: unknown = target[key];
      (target as Record<string, unknown>)[key] = { ...(typeof base === 'object' && base !== null ? base : {}), ...clone(value) };
    } else if (key === 'extension' && Array.isArray(value)) {
      const existing = Array.isArray(target.extension) ? (target.extension as { url?: string }[]) : [];
      const urls = new Set((value as { url?: string }[]).map((x) => x.url));
      target.extension = [...existing.filter((x) => !urls.has(x.url)), ...clone(value as unknown[])];
    } else {
      if (key.startsWith('fixed') || key.startsWith('pattern')) {
        // One fixed/pattern value per element: a new one replaces the inherited one.
        for (const k of Object.keys(target)) if (k.startsWith('fixed') || k.startsWith('pattern')) delete target[k];
      }
      target[key] = clone(value);
    }
  }
}
