/**
 * Validation of a resource (or an extension, or a data type value) against a profile's snapshot:
 * cardinality and types tightened by the profile, fixed and pattern values, slicing (value, pattern,
 * type, profile, exists discriminators; slice cardinality; closed/open/openAtEnd; ordered), bindings
 * to package value sets, type profiles (extension definitions, data type profiles).
 * Spec: https://hl7.org/fhir/R4/profiling.html. Pure: the snapshots and value sets come from a source.
 * Findings carry paths relative to the validated value; the profile-* rules report them.
 */
import type { ElementDefinition, StructureDefinition } from './types.js';
import type { ResourceLookup } from './valueset.js';
import { ValueSetChecker } from './valueset.js';

export type ProfileFindingKind = 'unknown-profile' | 'cardinality' | 'slicing' | 'fixed' | 'type' | 'binding' | 'extension-context' | 'extension-undefined' | 'constraint';

export interface ProfileFinding {
  kind: ProfileFindingKind;
  severity: 'error' | 'warning' | 'information';
  message: string;
  /** Relative to the validated value. */
  path: (string | number)[];
  profile: string;
  /** kind 'constraint': a FHIRPath invariant the profile adds, to evaluate on `value` (profile-invariant rule). */
  constraint?: { key: string; expression: string; base: string | undefined; value: unknown; basePath?: string | undefined };
}

/** What profile validation reads: snapshots (generated when needed) and conformance resources. */
export interface ProfileSource extends ResourceLookup {
  structureDefinition(canonical: string): StructureDefinition | undefined;
}

interface ElementNode {
  def: ElementDefinition;
  id: string;
  /** Last path segment: 'identifier', 'value[x]'. */
  name: string;
  children: ElementNode[];
  slices: ElementNode[];
}

interface Item {
  value: unknown;
  /** `_name` companion of a primitive (id, extension). */
  companion: unknown;
  path: (string | number)[];
  /** For choice elements: the type from the property name ('Quantity', 'string'). */
  typeCode?: string;
}

type Json = Record<string, unknown>;

const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
const MAX_NESTING = 12;

function lowerFirst(s: string): string {
  return s.charAt(0).toLowerCase() + s.slice(1);
}

function fixedAndPattern(def: ElementDefinition): { fixed?: [string, unknown]; pattern?: [string, unknown] } {
  const out: { fixed?: [string, unknown]; pattern?: [string, unknown] } = {};
  for (const [k, v] of Object.entries(def)) {
    if (k.startsWith('fixed') && k.length > 5) out.fixed = [k, v];
    else if (k.startsWith('pattern') && k.length > 7) out.pattern = [k, v];
  }
  return out;
}

function deepEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a === 'number' && typeof b === 'number') return a === b;
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((x, i) => deepEqual(x, b[i]));
  if (isObject(a) && isObject(b)) {
    const ka = Object.keys(a);
    return ka.length === Object.keys(b).length && ka.every((k) => deepEqual(a[k], b[k]));
  }
  return false;
}

/** Pattern containment (profiling.html#pattern): every value in the pattern appears in the instance. */
export function matchesPattern(instance: unknown, pattern: unknown): boolean {
  if (Array.isArray(pattern)) {
    const items = Array.isArray(instance) ? instance : [instance];
    return pattern.every((p) => items.some((i) => matchesPattern(i, p)));
  }
  if (isObject(pattern)) {
    if (!isObject(instance)) return false;
    return Object.entries(pattern).every(([k, v]) => matchesPattern(instance[k], v));
  }
  return instance === pattern || (typeof instance === 'number' && typeof pattern === 'number' && instance === pattern);
}

function maxOf(def: ElementDefinition): number {
  return def.max === undefined || def.max === '*' ? Infinity : Number(def.max);
}

/** Builds the element tree of a snapshot (children by path, slices under their sliced element). */
function buildTree(elements: readonly ElementDefinition[]): ElementNode | undefined {
  const byId = new Map<string, ElementNode>();
  let root: ElementNode | undefined;
  for (const def of elements) {
    const id = def.id ?? (def.sliceName ? `${def.path}:${def.sliceName}` : def.path);
    const lastDot = lastDotOutsideSlice(id);
    const lastSegment = id.slice(lastDot + 1);
    const colon = lastSegment.indexOf(':');
    const name = colon >= 0 ? lastSegment.slice(0, colon) : lastSegment;
    const node: ElementNode = { def, id, name, children: [], slices: [] };
    byId.set(id, node);
    if (!root) {
      root = node;
      continue;
    }
    if (colon >= 0) {
      const sliceName = lastSegment.slice(colon + 1);
      // Re-slices (a:b/c) are not checked separately.
      if (sliceName.includes('/')) continue;
      byId.get(id.slice(0, lastDot + 1 + colon))?.slices.push(node);
    } else if (lastDot >= 0) {
      byId.get(id.slice(0, lastDot))?.children.push(node);
    }
  }
  return root;
}

function lastDotOutsideSlice(id: string): number {
  // Slice names may not contain '.', but be safe with `[x]`.
  return id.lastIndexOf('.');
}

export interface ProfileValidatorOptions {
  /** Validate extensions found anywhere against their definitions (default true). */
  extensions?: boolean;
}

/** Core (R4) value sets, for profile bindings to value sets no package holds (e.g. UCUM age units). */
export interface CoreValueSets {
  valueSet(canonical: string): { has(system: string, code: string): 'yes' | 'no' | 'unknown'; hasCode(code: string): 'yes' | 'no' | 'unknown' } | undefined;
  /** The binding the core definition puts on this element path (that binding is the engine's binding rules' to check). */
  coreBinding(path: string): { valueSet?: string; strength?: string } | undefined;
}

export class ProfileValidator {
  readonly #source: ProfileSource;
  readonly #trees = new Map<string, ElementNode | undefined>();
  readonly #valueSets: ValueSetChecker;
  #core: CoreValueSets | undefined;
  /** The Bundle and the resource being validated, to resolve references for targetProfile checks. */
  #bundle: Json | undefined;
  #resource: Json | undefined;
  readonly #visiting = new Set<object>();

  constructor(source: ProfileSource) {
    this.#source = source;
    this.#valueSets = new ValueSetChecker(source);
  }

  /** Lets profile bindings to core value sets be checked (set once by the rules, from the engine's terminology). */
  useCoreValueSets(core: CoreValueSets): void {
    this.#core ??= core;
  }

  #tree(url: string): ElementNode | undefined {
    const key = url.split('|')[0] ?? url;
    if (this.#trees.has(key)) return this.#trees.get(key);
    const sd = this.#source.structureDefinition(key);
    const tree = sd?.snapshot?.element.length ? buildTree(sd.snapshot.element) : undefined;
    this.#trees.set(key, tree);
    return tree;
  }

  /** Runs `fn` with references resolving into this Bundle (the one holding the resource validated). */
  withBundle<T>(bundle: unknown, fn: () => T): T {
    const saved = this.#bundle;
    if (isObject(bundle) && bundle['resourceType'] === 'Bundle') this.#bundle = bundle;
    try {
      return fn();
    } finally {
      this.#bundle = saved;
    }
  }

  /** Validates a value (resource, extension, data type) against the profile with this URL. */
  validate(value: unknown, profile: string, depth = 0): ProfileFinding[] {
    if (!isObject(value) || typeof value['resourceType'] !== 'string') return this.#validate(value, profile, depth);
    const saved = [this.#bundle, this.#resource] as const;
    this.#resource = value;
    if (value['resourceType'] === 'Bundle' && this.#bundle === undefined) this.#bundle = value;
    try {
      return this.#validate(value, profile, depth);
    } finally {
      [this.#bundle, this.#resource] = saved;
    }
  }

  /** The resource a reference points to, when it is contained in the resource or an entry of the Bundle (one match only). */
  #resolve(reference: string): Json | undefined {
    if (reference.startsWith('#')) {
      const id = reference.slice(1);
      return Array.isArray(this.#resource?.['contained']) ? (this.#resource['contained'] as unknown[]).filter(isObject).find((r) => r['id'] === id) : undefined;
    }
    const entries = Array.isArray(this.#bundle?.['entry']) ? (this.#bundle['entry'] as unknown[]).filter(isObject) : [];
    const relative = /^([A-Z][A-Za-z]+)\/([A-Za-z0-9\-.]{1,64})(?:\/_history\/[^/]+)?$/.exec(reference);
    const matches = entries.filter((e) => {
      const r = e['resource'];
      if (!isObject(r)) return false;
      if (e['fullUrl'] === reference) return true;
      return relative !== null && r['resourceType'] === relative[1] && r['id'] === relative[2];
    });
    const only = matches.length === 1 ? matches[0]?.['resource'] : undefined;
    return isObject(only) ? only : undefined;
  }

  #validate(value: unknown, profile: string, depth: number): ProfileFinding[] {
    const findings: ProfileFinding[] = [];
    const sd = this.#source.structureDefinition(profile);
    if (!sd) {
      findings.push({ kind: 'unknown-profile', severity: 'warning', path: [], profile, message: `Profile ${profile} is not loaded (not in the packages or workspace given), so it has not been checked` });
      return findings;
    }
    const tree = this.#tree(profile);
    if (!tree) {
      findings.push({ kind: 'unknown-profile', severity: 'warning', path: [], profile, message: `Profile ${profile} has no snapshot and none could be generated (its base or a type profile is missing), so it has not been checked` });
      return findings;
    }
    if (isObject(value) && sd.kind === 'resource' && typeof value['resourceType'] === 'string' && value['resourceType'] !== sd.type) {
      findings.push({ kind: 'type', severity: 'error', path: [], profile, message: `Profile ${profile} is for ${sd.type} resources, not ${String(value['resourceType'])}` });
      return findings;
    }
    this.#checkItem({ value, companion: undefined, path: [] }, tree, findings, profile, depth);
    return findings;
  }

  #itemsOf(obj: Json, node: ElementNode, base: (string | number)[]): Item[] {
    const items: Item[] = [];
    const push = (key: string, typeCode?: string): void => {
      const v = obj[key];
      const c = obj[`_${key}`];
      if (v === undefined && c === undefined) return;
      if (Array.isArray(v) || Array.isArray(c)) {
        const vs = Array.isArray(v) ? v : [];
        const cs = Array.isArray(c) ? c : [];
        for (let i = 0; i < Math.max(vs.length, cs.length); i++) {
          const item: Item = { value: vs[i] ?? undefined, companion: cs[i] ?? undefined, path: [...base, key, i] };
          if (typeCode) item.typeCode = typeCode;
          if (item.value !== undefined && item.value !== null) items.push(item);
          else if (item.companion) items.push(item);
        }
      } else {
        const item: Item = { value: v, companion: c, path: [...base, key] };
        if (typeCode) item.typeCode = typeCode;
        items.push(item);
      }
    };
    if (node.name.endsWith('[x]')) {
      const stem = node.name.slice(0, -3);
      for (const key of Object.keys(obj)) {
        if (!key.startsWith(stem) || key.length === stem.length) continue;
        const suffix = key.slice(stem.length);
        if (suffix.charCodeAt(0) < 65 || suffix.charCodeAt(0) > 90) continue;
        push(key, suffix);
      }
    } else {
      push(node.name);
    }
    return items;
  }

  /** Checks one value against an element (and, for objects, its children in the snapshot). */
  #checkItem(item: Item, node: ElementNode, findings: ProfileFinding[], profile: string, depth: number): void {
    const def = node.def;
    const where = def.id ?? def.path;
    const value = item.value;
    // Choice type restricted by the profile.
    if (item.typeCode && def.type?.length) {
      const code = def.type.find((t) => t.code.toLowerCase() === item.typeCode!.toLowerCase());
      if (!code) findings.push({ kind: 'type', severity: 'error', path: item.path, profile, message: `Type ${lowerFirst(item.typeCode)} is not allowed for ${where} by profile ${profile} (allowed: ${def.type.map((t) => t.code).join(', ')})` });
    }
    const { fixed, pattern } = fixedAndPattern(def);
    if (fixed && value !== undefined && !deepEqual(value, fixed[1])) {
      findings.push({ kind: 'fixed', severity: 'error', path: item.path, profile, message: `Value must be exactly ${JSON.stringify(fixed[1])} (${where} in profile ${profile})${isObject(value) ? '' : `, not ${JSON.stringify(value)}`}` });
    }
    if (pattern && value !== undefined && !matchesPattern(value, pattern[1])) {
      findings.push({ kind: 'fixed', severity: 'error', path: item.path, profile, message: `Value must match the pattern ${JSON.stringify(pattern[1])} (${where} in profile ${profile})` });
    }
    if (typeof value === 'string' && def.maxLength !== undefined && value.length > def.maxLength) {
      findings.push({ kind: 'fixed', severity: 'error', path: item.path, profile, message: `Value is ${value.length} characters long; ${where} allows at most ${def.maxLength} (profile ${profile})` });
    }
    this.#checkBinding(item, def, findings, profile);
    // Invariants the profile adds (core ones are the engine's invariant rule).
    for (const c of def.constraint ?? []) {
      if (!c.expression || !c.source || c.source.startsWith('http://hl7.org/fhir/StructureDefinition/') || value === undefined || value === null) continue;
      // Inside a nested resource (contained, entry.resource) %resource would be that resource: not evaluated here.
      if (item.path.some((seg) => seg === 'contained' || seg === 'resource')) continue;
      const isRoot = !def.path.includes('.');
      findings.push({
        kind: 'constraint',
        severity: c.severity === 'warning' ? 'warning' : 'error',
        path: item.path,
        profile,
        message: `Constraint failed: ${c.key}: '${c.human}' (profile ${profile})`,
        constraint: { key: c.key, expression: c.expression, base: isRoot && isObject(value) && typeof value['resourceType'] === 'string' ? undefined : def.path, value, basePath: def.base?.path },
      });
    }
    if (!isObject(value) || depth > MAX_NESTING) return;
    // Type profiles (extension definitions, data type profiles) on this element.
    const typeProfiles = (def.type ?? []).flatMap((t) => (!item.typeCode || t.code.toLowerCase() === item.typeCode.toLowerCase() ? (t.profile ?? []) : []));
    if (typeProfiles.length > 0 && node.id !== node.def.path.split('.')[0]) {
      const results = typeProfiles.map((p) => this.validate(value, p, depth + 1).map((f) => ({ ...f, path: [...item.path, ...f.path] })));
      // One of the listed profiles must fit; report against the first when none does.
      const fits = results.find((r) => !r.some((f) => f.severity === 'error' && f.kind !== 'unknown-profile' && f.kind !== 'constraint'));
      findings.push(...(fits ?? results[0] ?? []));
    }
    this.#checkTargetProfile(item, value, def, findings, profile, depth);
    this.#checkChildren(value, node, item.path, findings, profile, depth);
  }

  /** A Reference whose target is contained or in the same Bundle conforms to one of the element's (non-core) target profiles. */
  #checkTargetProfile(item: Item, value: Json, def: ElementDefinition, findings: ProfileFinding[], profile: string, depth: number): void {
    const reference = value['reference'];
    if (typeof reference !== 'string') return;
    const targets = (def.type ?? []).filter((t) => t.code === 'Reference').flatMap((t) => t.targetProfile ?? []);
    // Core resource types are the engine's reference rules; only profiles say more than the type.
    if (targets.length === 0 || targets.every((t) => t.startsWith('http://hl7.org/fhir/StructureDefinition/'))) return;
    const target = this.#resolve(reference);
    if (!target || this.#visiting.has(target) || depth > MAX_NESTING) return;
    this.#visiting.add(target);
    try {
      const type = target['resourceType'];
      const fits = targets.some((t) => {
        const sd = this.#source.structureDefinition(t);
        if (!sd) return true; // a target profile we do not have: not judged
        if (sd.type !== type) return false;
        return !this.validate(target, t, depth + 1).some((f) => f.severity === 'error' && f.kind !== 'constraint' && f.kind !== 'unknown-profile');
      });
      if (!fits) {
        findings.push({ kind: 'type', severity: 'error', path: [...item.path, 'reference'], profile, message: `The resource ${reference} does not conform to ${targets.length === 1 ? 'the target profile' : 'any of the target profiles'} ${targets.join(', ')} of ${def.id ?? def.path} (profile ${profile})` });
      }
    } finally {
      this.#visiting.delete(target);
    }
  }

  #checkChildren(obj: Json, node: ElementNode, base: (string | number)[], findings: ProfileFinding[], profile: string, depth: number): void {
    for (const child of node.children) {
      const def = child.def;
      const items = this.#itemsOf(obj, child, base);
      const baseMin = def.base?.min ?? 0;
      const baseMax = def.base?.max === undefined || def.base.max === '*' ? Infinity : Number(def.base.max);
      const min = def.min ?? 0;
      const max = maxOf(def);
      const where = def.id ?? def.path;
      // The engine checks the base cardinality; only what the profile tightens is reported here.
      if (items.length < min && min > baseMin) {
        findings.push({ kind: 'cardinality', severity: 'error', path: base, profile, message: `${where}: minimum required = ${min}, but only found ${items.length} (from ${profile})` });
      }
      if (items.length > max && max < baseMax) {
        findings.push({ kind: 'cardinality', severity: 'error', path: items[max]?.path ?? base, profile, message: max === 0 ? `${where} is not allowed by profile ${profile}` : `${where}: max allowed = ${max}, but found ${items.length} (from ${profile})` });
      }
      if (items.length === 0) continue;
      const matched = def.slicing && child.slices.length > 0 ? this.#slice(items, child, findings, profile, depth) : undefined;
      for (const [i, item] of items.entries()) {
        const slice = matched?.[i];
        this.#checkItem(item, child, findings, profile, depth);
        if (slice) this.#checkItem(item, slice, findings, profile, depth);
      }
    }
  }

  /** Assigns items to slices and checks slice cardinality and the slicing rules. */
  #slice(items: Item[], node: ElementNode, findings: ProfileFinding[], profile: string, depth: number): (ElementNode | undefined)[] | undefined {
    const slicing = node.def.slicing!;
    const discriminators = slicing.discriminator ?? [];
    if (discriminators.length === 0) return undefined;
    const assigned: (ElementNode | undefined)[] = [];
    for (const item of items) {
      let match: ElementNode | undefined;
      for (const slice of node.slices) {
        const m = this.#matches(item, slice, discriminators, depth);
        if (m === undefined) return undefined; // cannot evaluate: skip slicing checks rather than guess
        if (m) {
          match = slice;
          break;
        }
      }
      assigned.push(match);
    }
    const where = node.def.id ?? node.def.path;
    for (const slice of node.slices) {
      const count = assigned.filter((s) => s === slice).length;
      const min = slice.def.min ?? 0;
      const max = maxOf(slice.def);
      if (count < min) {
        findings.push({ kind: 'slicing', severity: 'error', path: items[0]?.path.slice(0, -1) ?? [], profile, message: `Slice '${slice.id}': a matching slice is required, but not found (from ${profile}); minimum ${min}, found ${count}` });
      }
      if (count > max) {
        const extra = items[assigned.findIndex((s, i) => s === slice && assigned.slice(0, i + 1).filter((x) => x === slice).length > max)];
        findings.push({ kind: 'slicing', severity: 'error', path: extra?.path ?? [], profile, message: `Slice '${slice.id}' allows at most ${max}, but ${count} match (from ${profile})` });
      }
    }
    let lastIndex = -1;
    let seenUnmatched = false;
    items.forEach((item, i) => {
      const slice = assigned[i];
      if (!slice) {
        seenUnmatched = true;
        if (slicing.rules === 'closed') {
          findings.push({ kind: 'slicing', severity: 'error', path: item.path, profile, message: `This element does not match any known slice defined in the profile ${profile}, and slicing of ${where} is closed` });
        }
        return;
      }
      if (slicing.rules === 'openAtEnd' && seenUnmatched) {
        findings.push({ kind: 'slicing', severity: 'error', path: item.path, profile, message: `Slice '${slice.id}' comes after an element that matches no slice, but slicing of ${where} is openAtEnd (from ${profile})` });
      }
      const index = node.slices.indexOf(slice);
      if (slicing.ordered && index < lastIndex) {
        findings.push({ kind: 'slicing', severity: 'error', path: item.path, profile, message: `Slice '${slice.id}' is out of order: slicing of ${where} is ordered (from ${profile})` });
      }
      lastIndex = Math.max(lastIndex, index);
    });
    return assigned;
  }

  /** Whether an item matches a slice by all discriminators; undefined when it cannot be evaluated. */
  #matches(item: Item, slice: ElementNode, discriminators: readonly { type: string; path: string }[], depth: number): boolean | undefined {
    for (const d of discriminators) {
      const path = d.path.trim();
      if (path.includes('resolve()') || path.includes('ofType(')) return undefined;
      const values = this.#valuesAt(item, path);
      const target = this.#nodeAt(slice, path);
      switch (d.type) {
        case 'value':
        case 'pattern': {
          let expected: unknown;
          let isPattern = d.type === 'pattern';
          if (target) {
            const fp = fixedAndPattern(target.def);
            if (fp.fixed) expected = fp.fixed[1];
            else if (fp.pattern) {
              expected = fp.pattern[1];
              isPattern = true;
            }
          }
          // Extension slices name their definition instead of fixing url.
          if (expected === undefined && path === 'url' && slice.def.type?.[0]?.code === 'Extension') expected = slice.def.type[0].profile?.[0];
          if (expected === undefined && target?.def.binding?.strength === 'required' && target.def.binding.valueSet) {
            const vs = target.def.binding.valueSet;
            if (!this.#valueSets.has(vs)) return undefined;
            const ok = values.some((v) => this.#codingsOf(v).length > 0 && this.#valueSets.check(vs, this.#codingsOf(v)).status === 'member');
            if (!ok) return false;
            continue;
          }
          if (expected === undefined) return undefined;
          if (!values.some((v) => (isPattern ? matchesPattern(v, expected) : deepEqual(v, expected)))) return false;
          break;
        }
        case 'exists': {
          const mustExist = (target?.def.min ?? 0) >= 1;
          const mustNot = target?.def.max === '0';
          if (mustExist && values.length === 0) return false;
          if (mustNot && values.length > 0) return false;
          if (!mustExist && !mustNot) return undefined;
          break;
        }
        case 'type': {
          const codes = (target?.def.type ?? []).map((t) => t.code.toLowerCase());
          if (codes.length === 0) return undefined;
          const actual = path === '$this' && item.typeCode ? [item.typeCode.toLowerCase()] : values.map((v) => (isObject(v) && typeof v['resourceType'] === 'string' ? v['resourceType'].toLowerCase() : undefined));
          if (actual.some((a) => a === undefined)) return undefined;
          if (!actual.some((a) => a !== undefined && codes.includes(a))) return false;
          break;
        }
        case 'profile': {
          const profiles = (target?.def.type ?? []).flatMap((t) => t.profile ?? []);
          if (profiles.length === 0) return undefined;
          const ok = values.some((v) => profiles.some((p) => !this.validate(v, p, depth + 1).some((f) => f.severity === 'error' && f.kind !== 'constraint')));
          if (!ok) return false;
          break;
        }
        default:
          return undefined;
      }
    }
    return true;
  }

  /** A profile binding to a core value set the core definition does not already put there: is no coding in it? */
  #coreNotMember(valueSet: string, strength: string, def: ElementDefinition, codings: { system?: string; code?: string }[]): boolean {
    const vs = this.#core?.valueSet(valueSet);
    if (!vs) return false;
    const base = this.#core?.coreBinding(def.base?.path ?? def.path);
    if (base?.valueSet && base.valueSet.split('|')[0] === valueSet.split('|')[0] && base.strength === strength) return false;
    let no = false;
    for (const c of codings) {
      if (!c.code) continue;
      const m = c.system ? vs.has(c.system, c.code) : vs.hasCode(c.code);
      if (m === 'yes' || m === 'unknown') return false;
      no = true;
    }
    return no;
  }

  #codingsOf(v: unknown): { system?: string; code?: string }[] {
    if (typeof v === 'string') return [{ code: v }];
    if (!isObject(v)) return [];
    if (Array.isArray(v['coding'])) return (v['coding'] as unknown[]).filter(isObject).map((c) => ({ system: c['system'] as string | undefined, code: c['code'] as string | undefined }));
    if (typeof v['code'] === 'string') return [{ system: v['system'] as string | undefined, code: v['code'] }];
    return [];
  }

  /** Instance values at a discriminator path ('$this', 'system', 'coding.code', "extension('u').value"). */
  #valuesAt(item: Item, path: string): unknown[] {
    let current: unknown[] = [item.value];
    if (path === '$this') return current.filter((v) => v !== undefined);
    for (const rawSeg of splitPath(path)) {
      const ext = /^extension\('([^']*)'\)$/.exec(rawSeg);
      const next: unknown[] = [];
      for (const v of current) {
        if (!isObject(v)) continue;
        if (ext) {
          for (const e of Array.isArray(v['extension']) ? v['extension'] : []) if (isObject(e) && e['url'] === ext[1]) next.push(e);
          continue;
        }
        const seg = rawSeg.endsWith('[x]') ? rawSeg.slice(0, -3) : rawSeg;
        const keys = rawSeg.endsWith('[x]') ? Object.keys(v).filter((k) => k.startsWith(seg) && k.length > seg.length) : [seg];
        for (const k of keys) {
          const x = v[k];
          if (Array.isArray(x)) next.push(...(x as unknown[]));
          else if (x !== undefined) next.push(x);
        }
      }
      current = next;
    }
    return current;
  }

  /** The slice's element at a discriminator path (its own element for '$this'). */
  #nodeAt(slice: ElementNode, path: string): ElementNode | undefined {
    if (path === '$this') return slice;
    let node: ElementNode | undefined = slice;
    for (const rawSeg of splitPath(path)) {
      if (!node) return undefined;
      const ext = /^extension\('([^']*)'\)$/.exec(rawSeg);
      if (ext) {
        const ex: ElementNode | undefined = node.children.find((c) => c.name === 'extension');
        node = ex?.slices.find((s) => s.def.type?.some((t) => t.profile?.includes(ext[1] ?? '')));
        continue;
      }
      const seg: string = rawSeg;
      node = node.children.find((c) => c.name === seg || (c.name.endsWith('[x]') && seg.startsWith(c.name.slice(0, -3))));
    }
    return node;
  }

  #checkBinding(item: Item, def: ElementDefinition, findings: ProfileFinding[], profile: string): void {
    const binding = def.binding;
    if (!binding?.valueSet || (binding.strength !== 'required' && binding.strength !== 'extensible')) return;
    const codings = this.#codingsOf(item.value);
    if (codings.length === 0) return;
    if (!this.#valueSets.has(binding.valueSet)) {
      if (!this.#coreNotMember(binding.valueSet, binding.strength, def, codings)) return; // unknown value sets are not checked
    } else if (this.#valueSets.check(binding.valueSet, codings).status !== 'not-member') return;
    const shown = codings.map((c) => (c.system ? `${c.system}#${c.code ?? ''}` : (c.code ?? ''))).join(', ');
    findings.push({
      kind: 'binding',
      severity: binding.strength === 'required' ? 'error' : 'warning',
      path: item.path,
      profile,
      message: `${shown} is not in the value set ${binding.valueSet}, which is ${binding.strength === 'required' ? 'required' : 'extensible (use it when a code fits)'} for ${def.id ?? def.path} (profile ${profile})`,
    });
  }
}

function splitPath(path: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < path.length; i++) {
    const c = path[i];
    if (c === '(') depth++;
    else if (c === ')') depth--;
    else if (c === '.' && depth === 0) {
      out.push(path.slice(start, i));
      start = i + 1;
    }
  }
  out.push(path.slice(start));
  return out;
}
