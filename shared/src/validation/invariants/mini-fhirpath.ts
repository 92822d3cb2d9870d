/**
 * A small FHIRPath evaluator for the simple shapes most core invariants have (`a.empty() or b.exists()`,
 * `x implies y`, `code = 'home'`, `where(...)`, `count() > 1`), typed by the definitions index so choice
 * elements (`value` -> valueQuantity) and `_element` companions navigate as fhirpath.js does. It exists for
 * speed: fhirpath.js costs ~100 us per evaluation and ~4 ms per compile, and a 7 MB Bundle evaluates
 * 100,000+ invariants. Anything outside the subset either fails to compile (the expression then always
 * goes to fhirpath.js) or throws `Unsupported` at run time (that one evaluation goes to fhirpath.js), so
 * answers never differ from fhirpath.js's; invariants/mini-fhirpath.test.ts checks that on real data.
 * Semantics: FHIRPath N1 (http://hl7.org/fhirpath/N1/), three-valued logic and empty propagation.
 */
import type { Definitions } from '../definitions/index.js';

/** Thrown when an evaluation leaves the subset; the caller falls back to fhirpath.js. */
export class Unsupported extends Error {
  override readonly name = 'Unsupported';
}

/** One item of a collection: a JSON value plus its `_name` companion and its FHIR type. */
interface Item {
  value: unknown;
  companion?: unknown;
  /** Children path for complex values ('Quantity', 'Questionnaire.item'); undefined for primitives and literals. */
  childrenPath?: string;
  /** FHIR type code of primitives ('string', 'date'), or 'System.*' for literals. */
  type?: string;
}
type Collection = Item[];
/** %resource and %rootResource as items (built once per evaluation). */
interface Env {
  resource: Item;
  rootResource: Item;
}
type Evaluator = (focus: Collection, thisItem: Item | undefined, env: Env) => Collection;

const STRING_LIKE = new Set([
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
const NUMERIC = new Set([
  'integer',
  'decimal',
  'positiveInt',
  'unsignedInt',
  'System.Integer',
  'System.Decimal',
]);
const BOOLEAN = new Set(['boolean', 'System.Boolean']);

// ---------- tokenizer ----------
type Tok = { k: 'id' | 'str' | 'num' | 'op' | 'eof'; v: string };

function tokenize(src: string): Tok[] | undefined {
  const out: Tok[] = [];
  let i = 0;
  while (i < src.length) {
    const c = src[i]!;
    if (/\s/.test(c)) {
      i++;
      continue;
    }
    if (c === "'") {
      let j = i + 1;
      let s = '';
      while (j < src.length && src[j] !== "'") {
        if (src[j] === '\\') return undefined; // escapes: leave to fhirpath.js
        s += src[j++];
      }
      if (j >= src.length) return undefined;
      out.push({ k: 'str', v: s });
      i = j + 1;
      continue;
    }
    if (/[0-9]/.test(c)) {
      const m = /^[0-9]+(\.[0-9]+)?/.exec(src.slice(i))!;
      out.push({ k: 'num', v: m[0] });
      i += m[0].length;
      continue;
    }
    if (/[A-Za-z_]/.test(c)) {
      const m = /^[A-Za-z_][A-Za-z0-9_]*/.exec(src.slice(i))!;
      out.push({ k: 'id', v: m[0] });
      i += m[0].length;
      continue;
    }
    const two = src.slice(i, i + 2);
    if (two === '<=' || two === '>=' || two === '!=') {
      out.push({ k: 'op', v: two });
      i += 2;
      continue;
    }
    if (c === '%') {
      const m = /^%([A-Za-z][A-Za-z0-9]*)/.exec(src.slice(i));
      if (m?.[1] === 'ucum') {
        // %ucum is the UCUM system URI (FHIRPath for FHIR, https://hl7.org/fhir/R4/fhirpath.html#variables).
        out.push({ k: 'str', v: 'http://unitsofmeasure.org' });
        i += m[0].length;
        continue;
      }
      if (!m || (m[1] !== 'resource' && m[1] !== 'rootResource')) return undefined;
      out.push({ k: 'id', v: m[0] });
      i += m[0].length;
      continue;
    }
    if ('().,=<>|+'.includes(c)) {
      out.push({ k: 'op', v: c });
      i++;
      continue;
    }
    return undefined; // $this, %vars, |, +, [, ... : not in the subset
  }
  out.push({ k: 'eof', v: '' });
  return out;
}

// ---------- evaluation helpers ----------
function bool(c: Collection): boolean | undefined {
  if (c.length === 0) return undefined;
  const only = c.length === 1 ? c[0]!.value : undefined;
  if (typeof only === 'boolean' && (c[0]!.type === undefined || BOOLEAN.has(c[0]!.type))) return only;
  throw new Unsupported('non-boolean collection as a boolean');
}
const B = (b: boolean | undefined): Collection =>
  b === undefined ? [] : [{ value: b, type: 'System.Boolean' }];

function primitiveOf(item: Item): string | number | boolean {
  const v = item.value;
  if (v === null || v === undefined || typeof v === 'object') throw new Unsupported('not a primitive value');
  const t = item.type;
  if (t === undefined || !(STRING_LIKE.has(t) || NUMERIC.has(t) || BOOLEAN.has(t)))
    throw new Unsupported(`comparison on ${t ?? 'complex'}`);
  return v as string | number | boolean;
}

function equal(a: Collection, b: Collection): boolean | undefined {
  if (a.length === 0 || b.length === 0) return undefined;
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) {
    const x = primitiveOf(a[i]!);
    const y = primitiveOf(b[i]!);
    if (typeof x !== typeof y) throw new Unsupported('mixed-type equality');
    if (x !== y) return false;
  }
  return true;
}

const DATE_LIKE = new Set(['date', 'dateTime', 'instant']);
const QUANTITY_LIKE = new Set([
  'Quantity',
  'SimpleQuantity',
  'Age',
  'Duration',
  'Count',
  'Distance',
  'MoneyQuantity',
]);
/** A date or a dateTime without a time: 2020, 2020-05, 2020-05-17. */
const PARTIAL_DATE = /^\d{4}(-\d{2}(-\d{2})?)?$/;
/** A dateTime to the second with a time zone (what instants and most dateTimes look like). */
const FULL_DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;

/**
 * FHIRPath order of two date/dateTime values (N1 6.2, "Comparison"): negative, 0 or positive; undefined
 * when they are equal up to the coarser precision of two different precisions (the result is empty).
 * Dates without a time compare component by component; full dateTimes only when they are written alike
 * (same length, same time zone), where text order is time order. Anything else is left to fhirpath.js.
 */
function compareDates(a: unknown, b: unknown): number | undefined {
  if (typeof a !== 'string' || typeof b !== 'string') throw new Unsupported('date comparison on non-strings');
  if (PARTIAL_DATE.test(a) && PARTIAL_DATE.test(b)) {
    const n = Math.min(a.length, b.length);
    const x = a.slice(0, n);
    const y = b.slice(0, n);
    if (x !== y) return x < y ? -1 : 1;
    return a.length === b.length ? 0 : undefined;
  }
  if (a.length === b.length && FULL_DATE_TIME.test(a) && FULL_DATE_TIME.test(b)) {
    const tz = a.length - (a.endsWith('Z') ? 1 : 6);
    if (a.slice(tz) === b.slice(tz) && a.indexOf('.') === b.indexOf('.')) return a < b ? -1 : a > b ? 1 : 0;
  }
  throw new Unsupported('date comparison across precisions or time zones');
}

/**
 * Two quantities in the same UCUM code: their values' order. (fhirpath.js does not order quantities
 * without a unit numerically: `{value: 2} <= {value: 1}` is true there, so those stay with it.)
 */
function compareQuantities(a: unknown, b: unknown): number {
  const x = a as Record<string, unknown> | null;
  const y = b as Record<string, unknown> | null;
  if (!x || !y || typeof x !== 'object' || typeof y !== 'object' || Array.isArray(x) || Array.isArray(y))
    throw new Unsupported('quantity shape');
  if (typeof x['value'] !== 'number' || typeof y['value'] !== 'number')
    throw new Unsupported('quantity without a value');
  for (const k of Object.keys(x).concat(Object.keys(y))) {
    if (k !== 'value' && k !== 'unit' && k !== 'system' && k !== 'code')
      throw new Unsupported(`quantity with ${k}`);
  }
  const same = x['system'] === y['system'] && x['code'] === y['code'] && x['unit'] === y['unit'];
  const ucum = x['system'] === 'http://unitsofmeasure.org' && typeof x['code'] === 'string';
  if (!same || !ucum) throw new Unsupported('quantities in different or non-UCUM units');
  return x['value'] - y['value'];
}

// ---------- parser / compiler ----------
class Compiler {
  private p = 0;
  private readonly toks: Tok[];
  private readonly defs: Definitions;

  constructor(toks: Tok[], defs: Definitions) {
    this.toks = toks;
    this.defs = defs;
  }

  private peek(): Tok {
    return this.toks[this.p]!;
  }
  private take(): Tok {
    return this.toks[this.p++]!;
  }
  private isOp(v: string): boolean {
    const t = this.peek();
    return t.k === 'op' && t.v === v;
  }
  private isWord(v: string): boolean {
    const t = this.peek();
    return t.k === 'id' && t.v === v;
  }
  private expect(v: string): void {
    const t = this.take();
    if (t.v !== v) throw new Unsupported(`expected ${v}`);
  }

  compileAll(): Evaluator {
    const e = this.implies();
    if (this.peek().k !== 'eof') throw new Unsupported('trailing tokens');
    return e;
  }

  private implies(): Evaluator {
    let left = this.or();
    while (this.isWord('implies')) {
      this.take();
      const l = left;
      const r = this.or();
      left = (f, t, e) => {
        const a = bool(l(f, t, e));
        if (a === false) return B(true);
        const b = bool(r(f, t, e));
        if (a === true) return B(b);
        return b === true ? B(true) : [];
      };
    }
    return left;
  }

  private or(): Evaluator {
    let left = this.and();
    while (this.isWord('or') || this.isWord('xor')) {
      const op = this.take().v;
      const l = left;
      const r = this.and();
      left =
        op === 'or'
          ? (f, t, e) => {
              const a = bool(l(f, t, e));
              if (a === true) return B(true);
              const b = bool(r(f, t, e));
              if (b === true) return B(true);
              return a === false && b === false ? B(false) : [];
            }
          : (f, t, e) => {
              const a = bool(l(f, t, e));
              const b = bool(r(f, t, e));
              return a === undefined || b === undefined ? [] : B(a !== b);
            };
    }
    return left;
  }

  private and(): Evaluator {
    let left = this.membership();
    while (this.isWord('and')) {
      this.take();
      const l = left;
      const r = this.membership();
      left = (f, t, e) => {
        const a = bool(l(f, t, e));
        if (a === false) return B(false);
        const b = bool(r(f, t, e));
        if (b === false) return B(false);
        return a === true && b === true ? B(true) : [];
      };
    }
    return left;
  }

  /** `a in b` / `a contains b`: membership of a single item (empty left or right item: empty). */
  private membership(): Evaluator {
    let left = this.equality();
    while (this.isWord('in') || (this.isWord('contains') && this.toks[this.p - 1]?.v !== '.')) {
      const op = this.take().v;
      const l = left;
      const r = this.equality();
      left = (f, t, e) => {
        let item = l(f, t, e);
        let coll = r(f, t, e);
        if (op === 'contains') [item, coll] = [coll, item];
        if (item.length === 0) return [];
        if (item.length > 1) throw new Unsupported('membership of a collection');
        return B(coll.some((x) => equal([item[0]!], [x]) === true));
      };
    }
    return left;
  }

  private equality(): Evaluator {
    let left = this.comparison();
    while (this.isOp('=') || this.isOp('!=')) {
      const op = this.take().v;
      const l = left;
      const r = this.comparison();
      left = (f, t, e) => {
        const eq = equal(l(f, t, e), r(f, t, e));
        return B(eq === undefined ? undefined : op === '=' ? eq : !eq);
      };
    }
    return left;
  }

  private comparison(): Evaluator {
    let left = this.union();
    while (this.isOp('<') || this.isOp('<=') || this.isOp('>') || this.isOp('>=')) {
      const op = this.take().v;
      const l = left;
      const r = this.union();
      left = (f, t, e) => {
        const a = l(f, t, e);
        const b = r(f, t, e);
        if (a.length === 0 || b.length === 0) return [];
        if (a.length > 1 || b.length > 1) throw new Unsupported('comparison of collections');
        const x = a[0]!;
        const y = b[0]!;
        // Numbers, plus the date and quantity shapes whose order is plain (per-1, rng-2): other dates,
        // times and quantities have precision, time-zone and unit rules; fhirpath.js decides them.
        let order: number | undefined;
        if (
          NUMERIC.has(x.type ?? '') &&
          NUMERIC.has(y.type ?? '') &&
          typeof x.value === 'number' &&
          typeof y.value === 'number'
        ) {
          order = x.value - y.value;
        } else if (DATE_LIKE.has(x.type ?? '') && DATE_LIKE.has(y.type ?? '')) {
          order = compareDates(x.value, y.value);
          if (order === undefined) return [];
        } else if (
          x.childrenPath !== undefined &&
          x.childrenPath === y.childrenPath &&
          QUANTITY_LIKE.has(x.childrenPath)
        ) {
          order = compareQuantities(x.value, y.value);
        } else {
          throw new Unsupported('non-numeric comparison');
        }
        return B(op === '<' ? order < 0 : op === '<=' ? order <= 0 : op === '>' ? order > 0 : order >= 0);
      };
    }
    return left;
  }

  /** `a | b`: union without duplicates (primitive equality). */
  private union(): Evaluator {
    let left = this.additive();
    while (this.isOp('|')) {
      this.take();
      const l = left;
      const r = this.additive();
      left = (f, t, e) => {
        const out: Collection = [];
        for (const x of [...l(f, t, e), ...r(f, t, e)])
          if (!out.some((y) => equal([x], [y]) === true)) out.push(x);
        return out;
      };
    }
    return left;
  }

  /** `a + b` on integers (org-1's `identifier.count() + name.count()`); anything else leaves the subset. */
  private additive(): Evaluator {
    let left = this.term();
    while (this.isOp('+')) {
      this.take();
      const l = left;
      const r = this.term();
      left = (f, t, e) => {
        const a = l(f, t, e);
        const b = r(f, t, e);
        if (a.length === 0 || b.length === 0) return [];
        if (a.length > 1 || b.length > 1) throw new Unsupported('addition of collections');
        const x = a[0]!;
        const y = b[0]!;
        if (
          x.type !== 'System.Integer' ||
          y.type !== 'System.Integer' ||
          typeof x.value !== 'number' ||
          typeof y.value !== 'number'
        ) {
          throw new Unsupported('addition of non-integers');
        }
        return [{ value: x.value + y.value, type: 'System.Integer' }];
      };
    }
    return left;
  }

  private term(): Evaluator {
    const t = this.peek();
    let base: Evaluator;
    if (this.isOp('(')) {
      this.take();
      const inner = this.implies();
      this.expect(')');
      base = inner;
    } else if (t.k === 'str') {
      this.take();
      const item: Item = { value: t.v, type: 'System.String' };
      base = () => [item];
    } else if (t.k === 'num') {
      this.take();
      const isDecimal = t.v.includes('.');
      const item: Item = { value: Number(t.v), type: isDecimal ? 'System.Decimal' : 'System.Integer' };
      base = () => [item];
    } else if (t.k === 'id' && (t.v === 'true' || t.v === 'false')) {
      this.take();
      const item: Item = { value: t.v === 'true', type: 'System.Boolean' };
      base = () => [item];
    } else if (t.k === 'id') {
      base = this.invocation((f) => f);
    } else {
      throw new Unsupported(`unexpected ${t.v}`);
    }
    while (this.isOp('.')) {
      this.take();
      base = this.invocation(base);
    }
    return base;
  }

  /** A member name or a function call applied to what `input` yields. */
  private invocation(input: Evaluator): Evaluator {
    const name = this.take();
    if (name.k !== 'id') throw new Unsupported('identifier expected');
    if (this.isOp('(')) {
      this.take();
      const args: Evaluator[] = [];
      while (!this.isOp(')')) {
        args.push(this.implies());
        if (this.isOp(',')) this.take();
        else if (!this.isOp(')')) throw new Unsupported('bad argument list');
      }
      this.take();
      return this.fn(name.v, input, args);
    }
    const member = name.v;
    const defs = this.defs;
    if (member === '%resource' || member === '%rootResource') {
      const which = member === '%resource' ? 'resource' : 'rootResource';
      return (_f, _t, e) => [e[which]];
    }
    return (f, t, e) => navigate(defs, input(f, t, e), member);
  }

  private fn(name: string, input: Evaluator, args: Evaluator[]): Evaluator {
    const arity = (n: number): void => {
      if (args.length !== n) throw new Unsupported(`${name} with ${args.length} arguments`);
    };
    switch (name) {
      case 'exists':
        if (args.length === 1) {
          const crit = args[0]!;
          return (f, t, e) => B(input(f, t, e).some((item) => bool(crit([item], item, e)) === true));
        }
        arity(0);
        return (f, t, e) => B(input(f, t, e).length > 0);
      case 'empty':
        arity(0);
        return (f, t, e) => B(input(f, t, e).length === 0);
      case 'not':
        arity(0);
        return (f, t, e) => {
          const b = bool(input(f, t, e));
          return b === undefined ? [] : B(!b);
        };
      case 'hasValue':
        arity(0);
        return (f, t, e) => {
          const c = input(f, t, e);
          return B(
            c.length === 1 &&
              c[0]!.childrenPath === undefined &&
              c[0]!.value !== null &&
              c[0]!.value !== undefined &&
              typeof c[0]!.value !== 'object',
          );
        };
      case 'trace':
        if (args.length < 1 || args.length > 2) throw new Unsupported('trace arguments');
        return input;
      case 'count':
        arity(0);
        return (f, t, e) => [{ value: input(f, t, e).length, type: 'System.Integer' }];
      case 'where': {
        arity(1);
        const crit = args[0]!;
        return (f, t, e) => input(f, t, e).filter((item) => bool(crit([item], item, e)) === true);
      }
      case 'all': {
        arity(1);
        const crit = args[0]!;
        return (f, t, e) => B(input(f, t, e).every((item) => bool(crit([item], item, e)) === true));
      }
      case 'startsWith':
      case 'contains': {
        arity(1);
        const arg = args[0]!;
        return (f, t, e) => {
          const c = input(f, t, e);
          if (c.length === 0) return [];
          if (c.length > 1) throw new Unsupported(`${name} on a collection`);
          const s = primitiveOf(c[0]!);
          const a = arg(f, t, e);
          if (a.length !== 1) throw new Unsupported(`${name} argument`);
          const x = primitiveOf(a[0]!);
          if (typeof s !== 'string' || typeof x !== 'string') throw new Unsupported(`${name} on non-strings`);
          return B(name === 'startsWith' ? s.startsWith(x) : s.includes(x));
        };
      }
      case 'first':
        arity(0);
        return (f, t, e) => input(f, t, e).slice(0, 1);
      case 'select': {
        arity(1);
        const proj = args[0]!;
        return (f, t, e) => input(f, t, e).flatMap((item) => proj([item], item, e));
      }
      case 'isDistinct':
        // Primitive items only (strings, numbers, booleans of one kind); complex items go to fhirpath.js.
        arity(0);
        return (f, t, e) => {
          const c = input(f, t, e);
          const seen = new Set<string | number | boolean>();
          let kind: string | undefined;
          for (const item of c) {
            const v = primitiveOf(item);
            if (kind !== undefined && kind !== typeof v) throw new Unsupported('isDistinct over mixed kinds');
            kind = typeof v;
            seen.add(v);
          }
          return B(seen.size === c.length);
        };
      case 'matches': {
        // fhirpath.js: `new RegExp(regex, 's').test(value)`, unanchored (FHIRPath N1 matches()).
        arity(1);
        const arg = args[0]!;
        const cache = new Map<string, RegExp>();
        return (f, t, e) => {
          const c = input(f, t, e);
          if (c.length === 0) return [];
          if (c.length > 1) throw new Unsupported('matches on a collection');
          const s = c[0]!.value;
          const a = arg(f, t, e);
          if (a.length !== 1 || typeof a[0]!.value !== 'string' || a[0]!.value === '')
            throw new Unsupported('matches argument');
          if (typeof s !== 'string' || s === '' || !STRING_LIKE.has(c[0]!.type ?? ''))
            throw new Unsupported('matches on a non-string');
          const pattern = a[0]!.value;
          let re = cache.get(pattern);
          if (!re) {
            try {
              re = new RegExp(pattern, 's');
            } catch {
              throw new Unsupported('regular expression JavaScript does not accept');
            }
            cache.set(pattern, re);
          }
          return B(re.test(s));
        };
      }
      default:
        throw new Unsupported(`function ${name}`);
    }
  }
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
/** Member resolutions per definitions instance: childrenPath -> member -> candidates (or undefined: unknown). */
const resolutions = new WeakMap<Definitions, Map<string, Map<string, Candidate[] | undefined>>>();

function resolve(defs: Definitions, childrenPath: string, member: string): Candidate[] | undefined {
  let byPath = resolutions.get(defs);
  if (!byPath) resolutions.set(defs, (byPath = new Map<string, Map<string, Candidate[] | undefined>>()));
  let byMember = byPath.get(childrenPath);
  if (!byMember) byPath.set(childrenPath, (byMember = new Map<string, Candidate[] | undefined>()));
  if (byMember.has(member)) return byMember.get(member);
  const table = defs.children(childrenPath);
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
        const child = table.byName.get(key);
        if (!child) continue;
        const type = child.type;
        const kind = type ? defs.type(type)?.kind : undefined;
        out.push({
          key,
          companionKey: `_${key}`,
          kind: kind === 'resource' ? 'resource' : kind === 'primitive-type' ? 'primitive' : 'complex',
          type,
          childrenPath: child.isBackbone ? child.childrenPath : type,
        });
      }
    }
  }
  byMember.set(member, out);
  return out;
}

/** Member navigation over JSON typed by the definitions (choice elements and `_name` companions included). */
function navigate(defs: Definitions, input: Collection, member: string): Collection {
  const out: Collection = [];
  for (const item of input) {
    const obj = item.value;
    if (obj === null || typeof obj !== 'object' || Array.isArray(obj) || item.childrenPath === undefined) {
      if (item.childrenPath === undefined && item.companion === undefined) continue; // primitives have no members here
      throw new Unsupported('member of a primitive');
    }
    const candidates = resolve(defs, item.childrenPath, member);
    if (!candidates) throw new Unsupported(`unknown member ${member} of ${item.childrenPath}`);
    const rec = obj as Record<string, unknown>;
    for (const cand of candidates) {
      const raw = rec[cand.key];
      const comp = rec[cand.companionKey];
      if (raw === undefined && comp === undefined) continue;
      const push = (v: unknown, c: unknown): void => {
        if ((v === null || v === undefined) && (c === null || c === undefined)) return;
        if (cand.kind === 'resource') {
          // A resource-typed element (Bundle.entry.resource): typed by its own resourceType.
          const rt = (v as Record<string, unknown> | null)?.['resourceType'];
          if (typeof rt !== 'string' || !defs.children(rt))
            throw new Unsupported('resource without a known type');
          out.push({ value: v, childrenPath: rt });
        } else if (cand.kind === 'primitive') {
          out.push({ value: v ?? null, companion: c ?? undefined, type: cand.type });
        } else {
          out.push({ value: v, childrenPath: cand.childrenPath });
        }
      };
      if (Array.isArray(raw) || Array.isArray(comp)) {
        const a = Array.isArray(raw) ? raw : [];
        const b = Array.isArray(comp) ? comp : [];
        for (let i = 0; i < Math.max(a.length, b.length); i++) push(a[i], b[i]);
      } else {
        push(raw, comp);
      }
    }
  }
  return out;
}

/** A compiled fast evaluator: value of the element (its JSON) -> FHIRPath result as plain values. */
export type MiniEvaluator = (value: unknown, env: { resource: unknown; rootResource: unknown }) => unknown[];

/**
 * Compiles `expression` for elements whose children live under `childrenPath` (a type name or a backbone
 * path; the resource type at a resource root). Returns undefined when the expression is outside the subset.
 */
export function compileMini(
  expression: string,
  childrenPath: string,
  defs: Definitions,
): MiniEvaluator | undefined {
  const toks = tokenize(expression);
  if (!toks) return undefined;
  let evaluator: Evaluator;
  try {
    evaluator = new Compiler(toks, defs).compileAll();
  } catch (error) {
    if (error instanceof Unsupported) return undefined;
    throw error;
  }
  if (!defs.children(childrenPath)) return undefined;
  const asItem = (r: unknown): Item => {
    const rt = (r as Record<string, unknown> | null)?.['resourceType'];
    if (typeof rt !== 'string') throw new Unsupported('%resource without a type');
    return { value: r, childrenPath: rt };
  };
  const usesEnv = toks.some((t) => t.k === 'id' && t.v.startsWith('%'));
  const noEnv: Env = {
    get resource(): Item {
      throw new Unsupported('no environment');
    },
    get rootResource(): Item {
      throw new Unsupported('no environment');
    },
  };
  return (value, env) => {
    const root: Item = { value, childrenPath };
    const e: Env = usesEnv
      ? { resource: asItem(env.resource), rootResource: asItem(env.rootResource) }
      : noEnv;
    const result = evaluator([root], root, e);
    const out: unknown[] = new Array(result.length);
    for (let i = 0; i < result.length; i++) out[i] = result[i]!.value;
    return out;
  };
}
