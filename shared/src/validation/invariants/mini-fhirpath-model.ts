/**
 * The data model of the mini FHIRPath evaluator (./mini-fhirpath.ts): items typed by the definitions index,
 * member navigation, children(), type tests (`is`, `as`, `ofType`) and equality. Each follows what
 * fhirpath.js 5 does on the same JSON (the reference the invariants are checked against), which is FHIRPath
 * N1 (http://hl7.org/fhirpath/N1/) plus that library's conventions; where this module cannot be sure of the
 * answer it throws `Unsupported` and the evaluation goes to fhirpath.js, and where fhirpath.js itself fails
 * it throws `EvaluationError` (the checker then treats the constraint as fhirpath.js does).
 */
import type { Definitions } from '../definitions/index.js';

/** Thrown when an evaluation leaves the subset; the caller falls back to fhirpath.js. */
export class Unsupported extends Error {
  override readonly name = 'Unsupported';
}

/**
 * Thrown where FHIRPath signals an error (a collection where a single item is required, an invalid regular
 * expression) or fhirpath.js cannot evaluate the expression; fhirpath.js throws on the same input, so the
 * constraint is not evaluated either way (InvariantChecker counts it as an engine error).
 */
export class EvaluationError extends Error {
  override readonly name = 'EvaluationError';
}

/** One item of a collection: a JSON value plus its `_name` companion and its FHIR type. */
export interface Item {
  value: unknown;
  companion?: unknown;
  /** Children path for complex values ('Quantity', 'Questionnaire.item'); undefined for primitives and literals. */
  childrenPath?: string;
  /** FHIR type code of primitives ('string', 'date'), or 'System.*' for literals and computed values. */
  type?: string;
}
export type Collection = readonly Item[];
/** The empty collection (results are never mutated, so one instance serves). */
export const EMPTY: Collection = Object.freeze([]);

export const STRING_LIKE: ReadonlySet<string> = new Set([
  'string',
  'code',
  'id',
  'uri',
  'url',
  'canonical',
  'oid',
  'uuid',
  'markdown',
  'base64Binary',
  'System.String',
]);
export const NUMERIC: ReadonlySet<string> = new Set([
  'integer',
  'decimal',
  'positiveInt',
  'unsignedInt',
  'System.Integer',
  'System.Decimal',
]);
export const BOOLEAN: ReadonlySet<string> = new Set(['boolean', 'System.Boolean']);
export const DATE_LIKE: ReadonlySet<string> = new Set(['date', 'dateTime', 'instant']);
/** Types fhirpath.js turns into FHIRPath quantities (unit-aware equality and order). */
export const QUANTITY_LIKE: ReadonlySet<string> = new Set([
  'Quantity',
  'SimpleQuantity',
  'Age',
  'Duration',
  'Count',
  'Distance',
  'MoneyQuantity',
]);
/** FHIRPath System types (N1 "Types and reflection"). */
const SYSTEM_TYPES = new Set([
  'Boolean',
  'String',
  'Integer',
  'Long',
  'Decimal',
  'Date',
  'DateTime',
  'Time',
  'Quantity',
]);

/** Whether an item is a node of the resource (from navigation) rather than a literal or computed value. */
export function isNode(item: Item): boolean {
  return item.childrenPath !== undefined || (item.type !== undefined && !item.type.startsWith('System.'));
}

function capitalise(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

interface Candidate {
  key: string;
  companionKey: string;
  kind: 'primitive' | 'resource' | 'complex';
  type: string | undefined;
  childrenPath: string | undefined;
}

/**
 * Member resolution and typing over one Definitions instance, with its caches (an instance per
 * definitions, see `modelFor`).
 */
export class Model {
  readonly defs: Definitions;
  /** childrenPath -> member -> candidates (undefined: not a member of that type). */
  private readonly members = new Map<string, Map<string, readonly Candidate[] | undefined>>();
  /** childrenPath -> JSON property -> candidate (undefined: not a property of that type). */
  private readonly properties = new Map<string, Map<string, Candidate | undefined>>();
  private readonly typeNames = new Map<string, string | undefined>();

  constructor(defs: Definitions) {
    this.defs = defs;
  }

  /** What `member` names on a value whose children are at `childrenPath` (a choice gives one per type). */
  resolve(childrenPath: string, member: string): readonly Candidate[] | undefined {
    let byMember = this.members.get(childrenPath);
    if (!byMember)
      this.members.set(childrenPath, (byMember = new Map<string, readonly Candidate[] | undefined>()));
    if (byMember.has(member)) return byMember.get(member);
    const table = this.defs.children(childrenPath);
    let out: Candidate[] | undefined;
    if (table) {
      const direct = table.byName.get(member);
      const keys: string[] = [];
      if (direct && !direct.isChoice) keys.push(member);
      else {
        const choice = table.elements.find((e) => e.isChoice && e.name === `${member}[x]`);
        if (choice) for (const t of choice.element.types ?? []) keys.push(member + capitalise(t.code));
      }
      if (keys.length > 0) {
        out = [];
        for (const key of keys) {
          const c = this.property(childrenPath, key);
          if (c) out.push(c);
        }
      }
    }
    byMember.set(member, out);
    return out;
  }

  private propertyTable(childrenPath: string): Map<string, Candidate | undefined> {
    let byKey = this.properties.get(childrenPath);
    if (!byKey) this.properties.set(childrenPath, (byKey = new Map<string, Candidate | undefined>()));
    return byKey;
  }

  /** The JSON property `key` ('valueString', 'name') of a value at `childrenPath`. */
  property(childrenPath: string, key: string): Candidate | undefined {
    const byKey = this.propertyTable(childrenPath);
    if (byKey.has(key)) return byKey.get(key);
    const child = this.defs.children(childrenPath)?.byName.get(key);
    let out: Candidate | undefined;
    if (child) {
      const type = child.type;
      const kind = type ? this.defs.type(type)?.kind : undefined;
      out = {
        key,
        companionKey: `_${key}`,
        kind: kind === 'resource' ? 'resource' : kind === 'primitive-type' ? 'primitive' : 'complex',
        type,
        childrenPath: child.isBackbone ? child.childrenPath : type,
      };
    }
    byKey.set(key, out);
    return out;
  }

  /** A resource as an item, typed by its resourceType. */
  resourceItem(value: unknown): Item {
    const rt = (value as Record<string, unknown> | null)?.['resourceType'];
    if (typeof rt !== 'string' || !this.defs.children(rt))
      throw new Unsupported('resource without a known type');
    return { value, childrenPath: rt };
  }

  /** Appends the items of one property (an array or a single value, with its companion) to `out`. */
  pushProperty(cand: Candidate, raw: unknown, comp: unknown, out: Item[]): void {
    if (Array.isArray(raw) || Array.isArray(comp)) {
      const a = Array.isArray(raw) ? raw : [];
      const b = Array.isArray(comp) ? comp : [];
      if (
        (raw !== undefined && !Array.isArray(raw)) ||
        (comp !== undefined && comp !== null && !Array.isArray(comp))
      )
        throw new Unsupported('array and single value mixed');
      const n = a.length > b.length ? a.length : b.length;
      for (let i = 0; i < n; i++) {
        // fhirpath.js keeps an array entry with neither value nor companion as an empty node.
        if ((a[i] === null || a[i] === undefined) && (b[i] === null || b[i] === undefined))
          throw new Unsupported('array entry without a value');
        this.pushValue(cand, a[i], b[i], out);
      }
    } else if ((raw !== null && raw !== undefined) || (comp !== null && comp !== undefined)) {
      this.pushValue(cand, raw, comp, out);
    }
  }

  private pushValue(cand: Candidate, v: unknown, c: unknown, out: Item[]): void {
    if (cand.kind === 'resource') out.push(this.resourceItem(v));
    else if (cand.kind === 'primitive') {
      if (v !== null && v !== undefined && typeof v === 'object')
        throw new Unsupported('object as a primitive');
      out.push({ value: v ?? null, companion: c ?? undefined, type: cand.type });
    } else {
      if (v === null || v === undefined || typeof v !== 'object' || Array.isArray(v))
        throw new Unsupported('complex element that is not an object');
      out.push({ value: v, childrenPath: cand.childrenPath });
    }
  }

  /**
   * Member navigation (`item.member`), as fhirpath.js's MemberInvocation does it. One navigator per
   * member in an expression: it keeps the last type's resolution, since the items it sees share a type.
   */
  navigator(member: string): (input: Collection) => Collection {
    // Resource type names are capitalised and element names are not: only a capitalised member can name
    // the resource itself (`Appointment.status` at an Appointment) or a type at the expression's root.
    const capital = member.charAt(0) !== member.charAt(0).toLowerCase();
    const companionKey = `_${member}`;
    // What fhirpath.js reads from a primitive's own value (`'abc'.length`): JavaScript properties.
    const onString = member in String.prototype || /^\d+$/.test(member);
    const onOther = member in Boolean.prototype;
    const onNumber = FP_DECIMAL_MEMBERS.has(member);
    let lastPath: string | undefined;
    let lastCandidates: readonly Candidate[] | undefined;
    return (input) => {
      if (input.length === 0) return EMPTY;
      let out: Item[] | undefined;
      for (let i = 0; i < input.length; i++) {
        const item = input[i]!;
        const path = item.childrenPath;
        if (path === undefined) {
          // A primitive's members are its companion's (extension, id) in fhirpath.js; else nothing.
          const comp = item.companion as Record<string, unknown> | undefined;
          const v = item.value;
          const own =
            typeof v === 'string'
              ? onString && (v as unknown as Record<string, unknown>)[member] !== undefined
              : typeof v === 'number'
                ? onNumber
                : typeof v === 'boolean' && onOther;
          if ((comp !== undefined && comp !== null && comp[member] !== undefined) || own)
            throw new Unsupported('member of a primitive');
          continue;
        }
        const rec = item.value as Record<string, unknown>;
        if (capital && rec['resourceType'] === member) {
          (out ??= []).push(item);
          continue;
        }
        let candidates: readonly Candidate[] | undefined;
        if (path === lastPath) candidates = lastCandidates;
        else {
          candidates = this.resolve(path, member);
          lastPath = path;
          lastCandidates = candidates;
        }
        if (!candidates) {
          // Not an element of this type: fhirpath.js still reads the JSON property; with none the result
          // is empty.
          if (capital || rec[member] !== undefined || rec[companionKey] !== undefined)
            throw new Unsupported(`unknown member ${member} of ${path}`);
          continue;
        }
        for (let j = 0; j < candidates.length; j++) {
          const cand = candidates[j]!;
          const raw = rec[cand.key];
          const comp = rec[cand.companionKey];
          if (raw === undefined && comp === undefined) continue;
          this.pushProperty(cand, raw, comp, (out ??= []));
        }
      }
      return out ?? EMPTY;
    };
  }

  /** children(): every child node, in JSON property order (fhirpath.js navigation.children). */
  children(input: Collection): Item[] {
    const out: Item[] = [];
    for (const item of input) {
      if (item.childrenPath === undefined) {
        const comp = item.companion;
        if (comp === undefined || comp === null) continue;
        if (typeof comp !== 'object' || Array.isArray(comp))
          throw new Unsupported('companion that is not an object');
        this.childrenOf(comp as Record<string, unknown>, 'Element', out);
        continue;
      }
      this.childrenOf(item.value as Record<string, unknown>, item.childrenPath, out);
    }
    return out;
  }

  private childrenOf(rec: Record<string, unknown>, childrenPath: string, out: Item[]): void {
    const byKey = this.propertyTable(childrenPath);
    for (const prop in rec) {
      if (prop === 'resourceType') continue;
      let key = prop;
      if (prop.startsWith('_')) {
        key = prop.slice(1);
        if (Object.prototype.hasOwnProperty.call(rec, key)) continue;
      }
      const cand = byKey.has(key) ? byKey.get(key) : this.property(childrenPath, key);
      if (!cand) throw new Unsupported(`unknown property ${key} of ${childrenPath}`);
      this.pushProperty(cand, rec[key], rec[`_${key}`], out);
    }
  }

  /** FHIR type name of a node ('Quantity', 'BackboneElement', 'Patient', 'code'). */
  typeName(item: Item): string | undefined {
    if (item.childrenPath === undefined) return item.type;
    const path = item.childrenPath;
    if (this.typeNames.has(path)) return this.typeNames.get(path);
    const name = this.defs.type(path) ? path : this.defs.element(path)?.types?.[0]?.code;
    this.typeNames.set(path, name);
    return name;
  }

  /** Whether `name` or one of its base types is `target` (fhirpath.js TypeInfo.isType over the model). */
  private derivesFrom(name: string, target: string): boolean {
    for (let t: string | undefined = name, depth = 0; t && depth < 20; depth++) {
      if (t === target) return true;
      t = this.defs.type(t)?.base;
    }
    return false;
  }

  /** Validates a type specifier at compile time: a FHIR type or a System type, optionally qualified. */
  typeSpecifier(text: string): { namespace: 'FHIR' | 'System' | undefined; name: string } {
    const dot = text.indexOf('.');
    const ns = dot < 0 ? undefined : text.slice(0, dot);
    const name = dot < 0 ? text : text.slice(dot + 1);
    if (ns !== undefined && ns !== 'FHIR' && ns !== 'System') throw new Unsupported(`type namespace ${ns}`);
    const fhir = this.defs.type(name) !== undefined;
    const system = SYSTEM_TYPES.has(name);
    if ((ns === 'FHIR' && !fhir) || (ns === 'System' && !system) || (!fhir && !system))
      throw new Unsupported(`unknown type ${text}`);
    return { namespace: ns, name };
  }

  /** `item is T` (fhirpath.js TypeInfo.is); `convertible` adds ofType()'s FHIR-to-System conversion. */
  is(
    item: Item,
    spec: { namespace: 'FHIR' | 'System' | undefined; name: string },
    convertible = false,
  ): boolean {
    if (!isNode(item)) {
      const name = item.type?.slice('System.'.length);
      if (name === undefined) throw new Unsupported('untyped value');
      return spec.namespace !== 'FHIR' && name === spec.name;
    }
    const name = this.typeName(item);
    if (name === undefined) throw new Unsupported('node without a type');
    if (convertible && spec.namespace !== 'FHIR' && FHIR_TO_SYSTEM[name] === spec.name) return true;
    return spec.namespace !== 'System' && this.derivesFrom(name, spec.name);
  }
}

/** FHIR primitive -> System type (fhirpath.js fhir2SystemAutomaticConversion, FHIR R4 "FHIRPath" page). */
const FHIR_TO_SYSTEM: Readonly<Record<string, string>> = {
  boolean: 'Boolean',
  string: 'String',
  uri: 'String',
  code: 'String',
  oid: 'String',
  id: 'String',
  uuid: 'String',
  markdown: 'String',
  base64Binary: 'String',
  integer: 'Integer',
  unsignedInt: 'Integer',
  positiveInt: 'Integer',
  integer64: 'Long',
  decimal: 'Decimal',
  date: 'DateTime',
  dateTime: 'DateTime',
  instant: 'DateTime',
  time: 'Time',
  Quantity: 'Quantity',
};

/**
 * Properties of fhirpath.js 5's FP_Decimal_Native (what a FHIR integer or decimal is there), fields and
 * methods along its prototype chain: navigating one of these from a number gives a node in fhirpath.js
 * (`multipleBirth.value`), any other name nothing. mini-fhirpath-semantics.test.ts checks the list against
 * the installed fhirpath.js.
 */
export const FP_DECIMAL_MEMBERS: ReadonlySet<string> = new Set([
  ...['value', 'asStr', 'decimalPlaces', 'decimalPrecision', '_boundary', '_toNumber', 'abs', 'ceiling'],
  ...['compare', 'constructor', 'decimalPlacesFromString', 'div', 'divToInt', 'equals', 'equivalentTo'],
  ...['exp', 'floor', 'highBoundary', 'isInteger', 'ln', 'log', 'lowBoundary', 'minus', 'mod', 'mul'],
  ...['negate', 'plus', 'power', 'round', 'sqrt', 'toBigInt', 'toDecimal', 'toJSON', 'toNumber'],
  ...['toString', 'truncate', 'valueOf', ...Object.getOwnPropertyNames(Object.prototype)],
]);

const models = new WeakMap<Definitions, Model>();

/** The Model of a Definitions instance (created on first use; lives as long as the definitions). */
export function modelFor(defs: Definitions): Model {
  let m = models.get(defs);
  if (!m) models.set(defs, (m = new Model(defs)));
  return m;
}

// ---------- equality (fhirpath.js deep-equal.js) ----------

/** Numbers compare after rounding to 8 decimal places in fhirpath.js; near-equal values are left to it. */
function numbersEqual(a: number, b: number): boolean {
  if (a === b) return true;
  if (Math.abs(a - b) < 1e-7) throw new Unsupported('numbers equal only after rounding');
  return false;
}

/** Structural JSON equality, keys in any order (fhirpath.js objEquiv on plain data). */
export function jsonEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a === 'number' && typeof b === 'number') return numbersEqual(a, b);
  if (a === null || b === null || typeof a !== 'object' || typeof b !== 'object') {
    if ((a === null || a === undefined) !== (b === null || b === undefined)) return false;
    if (typeof a === 'object' || typeof b === 'object')
      throw new Unsupported('object compared with a scalar');
    return false;
  }
  if (Array.isArray(a) !== Array.isArray(b)) throw new Unsupported('array compared with an object');
  const ka = Object.keys(a);
  const kb = Object.keys(b);
  if (ka.length !== kb.length) return false;
  const ra = a as Record<string, unknown>;
  const rb = b as Record<string, unknown>;
  for (const k of ka) {
    if (!Object.prototype.hasOwnProperty.call(rb, k)) return false;
  }
  for (const k of ka) if (!jsonEqual(ra[k], rb[k])) return false;
  return true;
}

/**
 * FHIRPath equality of two items as fhirpath.js decides it: primitives by value (and, between two nodes,
 * their `_name` companions too), complex values structurally, a complex value never equals a primitive.
 * Dates and quantities have precision and unit rules: left to fhirpath.js.
 */
/** A primitive string item without a companion whose equality is plain `===` (see itemsEqual). */
function isPlainString(x: Item): boolean {
  if (x.childrenPath !== undefined || typeof x.value !== 'string') return false;
  if (x.companion !== undefined && x.companion !== null) return false;
  const t = x.type ?? '';
  return !DATE_LIKE.has(t) && t !== 'time';
}

export function itemsEqual(x: Item, y: Item): boolean {
  const xc = x.childrenPath !== undefined;
  const yc = y.childrenPath !== undefined;
  if (xc || yc) {
    if (!xc || !yc) {
      const p = xc ? y : x;
      // A complex value against a primitive (or an empty node): never equal.
      if (p.value === null || typeof p.value !== 'object') return false;
      throw new Unsupported('complex compared with an object');
    }
    if (QUANTITY_LIKE.has(x.childrenPath!) || QUANTITY_LIKE.has(y.childrenPath!))
      throw new Unsupported('quantity equality');
    return jsonEqual(x.value, y.value);
  }
  const xt = x.type ?? '';
  const yt = y.type ?? '';
  if (DATE_LIKE.has(xt) || DATE_LIKE.has(yt) || xt === 'time' || yt === 'time')
    throw new Unsupported('date equality');
  const a = x.value;
  const b = y.value;
  if (typeof a === 'object' && a !== null) throw new Unsupported('object value');
  if (typeof b === 'object' && b !== null) throw new Unsupported('object value');
  let same: boolean;
  if (typeof a === 'number' && typeof b === 'number') same = numbersEqual(a, b);
  else same = a === b;
  if (!same) return false;
  if (isNode(x) && isNode(y)) return jsonEqual(x.companion ?? null, y.companion ?? null);
  return true;
}

/** `a = b` on collections: empty if either is empty, else item by item (fhirpath.js equality.equal). */
export function collectionsEqual(a: Collection, b: Collection): boolean | undefined {
  if (a.length === 0 || b.length === 0) return undefined;
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (!itemsEqual(a[i]!, b[i]!)) return false;
  return true;
}

/** distinct(): first occurrences, by FHIRPath equality. */
export function distinct(c: Collection): Item[] {
  // Plain strings (no companion, no date or time): itemsEqual is `===` on the value, so a Set gives the same
  // first-of-each answer in one pass (que-2's descendants().linkId.isDistinct() on a 1,000-item
  // Questionnaire was a million comparisons, issue 3).
  if (c.length > 8 && c.every(isPlainString)) {
    const seen = new Set<string>();
    const out: Item[] = [];
    for (const x of c) {
      const v = x.value as string;
      if (seen.has(v)) continue;
      seen.add(v);
      out.push(x);
    }
    return out;
  }
  const out: Item[] = [];
  for (const x of c) if (!out.some((y) => itemsEqual(y, x))) out.push(x);
  return out;
}
