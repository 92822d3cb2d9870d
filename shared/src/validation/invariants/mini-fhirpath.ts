/**
 * A FHIRPath evaluator for the core invariants, typed by the definitions index so choice elements
 * (`value` -> valueQuantity) and `_element` companions navigate as fhirpath.js does. It exists for speed:
 * fhirpath.js costs ~200 ms to load, ~4 ms per compile and ~100 us per evaluation, and a 7 MB Bundle
 * evaluates 100,000+ invariants. It implements the FHIRPath N1 semantics the R4 invariants use (three-valued
 * logic, empty propagation, singleton evaluation, type tests, the string, existence, filtering and
 * combining functions) the way fhirpath.js 5 evaluates them (both operands of `and`/`or`/`implies` are
 * evaluated, `where()` keeps items whose criterion's first item is truthy, ...), data model in
 * ./mini-fhirpath-model.ts. Anything outside that either fails to compile (the expression then always goes
 * to fhirpath.js) or throws `Unsupported` at run time (that one evaluation goes to fhirpath.js), so answers
 * never differ from fhirpath.js's; where fhirpath.js fails it throws `EvaluationError`.
 * invariants/mini-fhirpath.test.ts checks all of it against fhirpath.js on real data and crafted cases.
 */
import type { Definitions } from '../definitions/index.js';
import {
  DATE_LIKE,
  EMPTY,
  EvaluationError,
  NUMERIC,
  QUANTITY_LIKE,
  STRING_LIKE,
  Unsupported,
  collectionsEqual,
  distinct,
  isNode,
  itemsEqual,
  modelFor,
  type Collection,
  type Item,
  type Model,
} from './mini-fhirpath-model.js';

export { EvaluationError, Unsupported } from './mini-fhirpath-model.js';

/** %resource, %rootResource and %context (built once per evaluation). */
interface Env {
  resource: Item;
  rootResource: Item;
  context: Collection;
}
/** Evaluates against `focus`, which is also `$this` (the input of the expression or of a function argument). */
type Evaluator = (focus: Collection, env: Env) => Collection;

const TRUE: Collection = Object.freeze([Object.freeze({ value: true, type: 'System.Boolean' })]);
const FALSE: Collection = Object.freeze([Object.freeze({ value: false, type: 'System.Boolean' })]);
const B = (b: boolean | undefined): Collection => (b === undefined ? EMPTY : b ? TRUE : FALSE);
const str = (s: string): Item => ({ value: s, type: 'System.String' });
const int = (n: number): Item => ({ value: n, type: 'System.Integer' });

// ---------- tokenizer ----------
type Tok = { k: 'id' | 'str' | 'num' | 'op' | 'var' | 'eof'; v: string };

const ESCAPES: Readonly<Record<string, string>> = {
  "'": "'",
  '"': '"',
  '`': '`',
  '\\': '\\',
  '/': '/',
  f: '\f',
  n: '\n',
  r: '\r',
  t: '\t',
};

/** FHIRPath tokens of the subset; undefined for anything else (the expression then goes to fhirpath.js). */
function tokenize(src: string): Tok[] | undefined {
  const out: Tok[] = [];
  let i = 0;
  while (i < src.length) {
    const c = src[i]!;
    if (c === ' ' || c === '\t' || c === '\n' || c === '\r') {
      i++;
      continue;
    }
    if (c === "'") {
      // String literal with the escapes of the FHIRPath grammar (N1 "String"); others are lexer errors.
      let j = i + 1;
      let s = '';
      while (j < src.length && src[j] !== "'") {
        if (src[j] === '\\') {
          const e = src[j + 1];
          if (e === 'u') {
            const hex = src.slice(j + 2, j + 6);
            if (!/^[0-9a-fA-F]{4}$/.test(hex)) return undefined;
            s += String.fromCharCode(parseInt(hex, 16));
            j += 6;
            continue;
          }
          const r = e === undefined ? undefined : ESCAPES[e];
          if (r === undefined) return undefined;
          s += r;
          j += 2;
          continue;
        }
        s += src[j++];
      }
      if (j >= src.length) return undefined;
      out.push({ k: 'str', v: s });
      i = j + 1;
      continue;
    }
    const rest = src.slice(i, i + 200);
    if (c >= '0' && c <= '9') {
      const m = /^[0-9]+(\.[0-9]+)?/.exec(rest)!;
      out.push({ k: 'num', v: m[0] });
      i += m[0].length;
      continue;
    }
    if (/[A-Za-z_]/.test(c)) {
      const m = /^[A-Za-z_][A-Za-z0-9_]*/.exec(rest)!;
      out.push({ k: 'id', v: m[0] });
      i += m[0].length;
      continue;
    }
    if (c === '$') {
      if (!rest.startsWith('$this') || /[A-Za-z0-9_]/.test(rest[5] ?? '')) return undefined;
      out.push({ k: 'var', v: '$this' });
      i += 5;
      continue;
    }
    if (c === '%') {
      const m = /^%([A-Za-z][A-Za-z0-9]*)/.exec(rest);
      if (m?.[1] === 'ucum') {
        // %ucum is the UCUM system URI (FHIRPath for FHIR, https://hl7.org/fhir/R4/fhirpath.html#variables).
        out.push({ k: 'str', v: 'http://unitsofmeasure.org' });
        i += m[0].length;
        continue;
      }
      if (!m || (m[1] !== 'resource' && m[1] !== 'rootResource' && m[1] !== 'context')) return undefined;
      out.push({ k: 'var', v: m[0] });
      i += m[0].length;
      continue;
    }
    const two = src.slice(i, i + 2);
    if (two === '<=' || two === '>=' || two === '!=') {
      out.push({ k: 'op', v: two });
      i += 2;
      continue;
    }
    if ('().,=<>|+&'.includes(c)) {
      out.push({ k: 'op', v: c });
      i++;
      continue;
    }
    return undefined; // $index, %vars, -, *, /, [, ~, `identifiers`, @dates: not in the subset
  }
  out.push({ k: 'eof', v: '' });
  return out;
}

// ---------- singleton evaluation (fhirpath.js misc.singleton and util.isTrue) ----------

/** A collection as a Boolean operand: empty, or one item (a non-boolean single item is true). */
function toBool(c: Collection): boolean | undefined {
  if (c.length === 0) return undefined;
  if (c.length > 1) throw new EvaluationError('a collection where a single Boolean is expected');
  const v = c[0]!.value;
  if (v === null || v === undefined) return undefined;
  return typeof v === 'boolean' ? v : true;
}

/** util.isTrue: exactly one item whose value is true (all(), iif()). */
function isTrue(c: Collection): boolean {
  return c.length === 1 && c[0]!.value === true;
}

/** where()'s test: the first item of the criterion is truthy (a node always is). */
function truthy(c: Collection): boolean {
  if (c.length === 0) return false;
  const item = c[0]!;
  if (isNode(item) || item.type === 'System.Decimal') return true;
  const v = item.value;
  if (v === 0) throw new Unsupported('zero as a criterion');
  return Boolean(v);
}

/** A collection as a String operand: empty (undefined), or one string. */
function toStr(c: Collection, what: string): string | undefined {
  if (c.length === 0) return undefined;
  if (c.length > 1) throw new EvaluationError(`${what}: a collection where a single String is expected`);
  const v = c[0]!.value;
  if (v === null || v === undefined) return undefined;
  if (typeof v !== 'string') throw new EvaluationError(`${what}: expected a String`);
  return v;
}

function single(c: Collection, what: string): Item | undefined {
  if (c.length === 0) return undefined;
  if (c.length > 1) throw new EvaluationError(`${what}: a collection where a single item is expected`);
  return c[0];
}

/**
 * Regular expressions as fhirpath.js builds them (always Unicode mode; invalid patterns are errors there).
 * The cache keeps failures too: an invalid pattern in a constraint fails on every element.
 */
function regex(pattern: string, flags: string, cache: Map<string, RegExp | EvaluationError>): RegExp {
  let re = cache.get(pattern);
  if (!re) {
    try {
      re = new RegExp(pattern, flags);
    } catch (error) {
      re = new EvaluationError(`invalid regular expression: ${(error as Error).message}`);
    }
    cache.set(pattern, re);
  }
  if (re instanceof EvaluationError) throw re;
  re.lastIndex = 0;
  return re;
}

// ---------- comparison ----------
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
 * Whether fhirpath.js turns a FHIR Quantity into a FHIRPath quantity (ResourceNode.convertData): a UCUM
 * system, a numeric value and a code; such a quantity with a comparator cannot be converted (an error).
 */
function isUcumQuantity(v: unknown): boolean {
  const q = v as Record<string, unknown>;
  const converts =
    q['system'] === 'http://unitsofmeasure.org' &&
    typeof q['value'] === 'number' &&
    typeof q['code'] === 'string';
  if (converts && q['comparator'] !== undefined) throw new EvaluationError('a quantity with a comparator');
  return converts;
}

/**
 * Order of two Quantity values as fhirpath.js decides it. Two UCUM quantities in the same code: their
 * values' order (other units need UCUM conversion: left to fhirpath.js). Two quantities it does not
 * convert stay JSON objects, which JavaScript's relational operators find equal (`<=` true, `<` false,
 * whatever the values). A quantity against a non-converted one is a type error there.
 */
function compareQuantities(a: unknown, b: unknown): number {
  const x = a as Record<string, unknown>;
  const y = b as Record<string, unknown>;
  const xu = isUcumQuantity(x);
  const yu = isUcumQuantity(y);
  if (!xu && !yu) return 0;
  if (!xu || !yu) throw new EvaluationError('a quantity compared with a value of another type');
  if (x['code'] !== y['code']) throw new Unsupported('quantities in different units');
  return (x['value'] as number) - (y['value'] as number);
}

/** Order of two single items (fhirpath.js equality.lt and friends); undefined: empty result. */
function order(x: Item, y: Item): number | undefined {
  const xv = x.value;
  const yv = y.value;
  if (x.childrenPath === undefined && y.childrenPath === undefined && (xv === null || yv === null))
    return undefined;
  const xt = x.type ?? '';
  const yt = y.type ?? '';
  if (NUMERIC.has(xt) && NUMERIC.has(yt) && typeof xv === 'number' && typeof yv === 'number') return xv - yv;
  if (STRING_LIKE.has(xt) && STRING_LIKE.has(yt) && typeof xv === 'string' && typeof yv === 'string')
    return xv < yv ? -1 : xv > yv ? 1 : 0;
  if (DATE_LIKE.has(xt) && DATE_LIKE.has(yt)) return compareDates(xv, yv);
  if (x.childrenPath !== undefined && x.childrenPath === y.childrenPath && QUANTITY_LIKE.has(x.childrenPath))
    return compareQuantities(xv, yv);
  throw new Unsupported('comparison of these types');
}

// ---------- parser / compiler ----------
class Compiler {
  private p = 0;
  private readonly toks: Tok[];
  private readonly model: Model;
  /** Evaluators whose result does not depend on the input (literals, unions of literals): their value. */
  private readonly constants = new WeakMap<Evaluator, Collection>();

  constructor(toks: Tok[], model: Model) {
    this.toks = toks;
    this.model = model;
  }

  private constant(c: Collection): Evaluator {
    const e: Evaluator = () => c;
    this.constants.set(e, c);
    return e;
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
  /** A keyword operator (after a complete operand an identifier can only be one). */
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

  // Boolean operators: fhirpath.js evaluates both operands (so an error on either side is an error), then
  // applies the three-valued tables of FHIRPath N1 6.5.
  private implies(): Evaluator {
    let left = this.or();
    while (this.isWord('implies')) {
      this.take();
      const l = left;
      const r = this.or();
      left = (f, e) => {
        const a = toBool(l(f, e));
        const b = toBool(r(f, e));
        if (a === false) return TRUE;
        if (a === true) return B(b);
        return b === true ? TRUE : EMPTY;
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
          ? (f, e) => {
              const a = toBool(l(f, e));
              const b = toBool(r(f, e));
              if (a === true || b === true) return TRUE;
              return a === false && b === false ? FALSE : EMPTY;
            }
          : (f, e) => {
              const a = toBool(l(f, e));
              const b = toBool(r(f, e));
              return a === undefined || b === undefined ? EMPTY : B(a !== b);
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
      left = (f, e) => {
        const a = toBool(l(f, e));
        const b = toBool(r(f, e));
        if (a === false || b === false) return FALSE;
        return a === true && b === true ? TRUE : EMPTY;
      };
    }
    return left;
  }

  /** `a in b` / `a contains b` (fhirpath.js collections.in / contains). */
  private membership(): Evaluator {
    let left = this.equality();
    while (this.isWord('in') || this.isWord('contains')) {
      const op = this.take().v;
      const l = left;
      const r = this.equality();
      left = (f, e) => {
        const a = l(f, e);
        const b = r(f, e);
        const [item, coll] = op === 'in' ? [a, b] : [b, a];
        if (item.length === 0) return EMPTY;
        if (coll.length === 0) return FALSE;
        if (item.length > 1) throw new EvaluationError(`${op}: a collection where a single item is expected`);
        const x = item[0]!;
        for (const y of coll) if (itemsEqual(y, x)) return TRUE;
        return FALSE;
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
      left = (f, e) => {
        const eq = collectionsEqual(l(f, e), r(f, e));
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
      left = (f, e) => {
        const a = l(f, e);
        const b = r(f, e);
        if (a.length === 0 || b.length === 0) return EMPTY;
        if (a.length > 1 || b.length > 1) throw new EvaluationError('comparison of a collection');
        const o = order(a[0]!, b[0]!);
        if (o === undefined) return EMPTY;
        return B(op === '<' ? o < 0 : op === '<=' ? o <= 0 : op === '>' ? o > 0 : o >= 0);
      };
    }
    return left;
  }

  /** `a | b`: union without duplicates (FHIRPath equality). */
  private union(): Evaluator {
    let left = this.typeTest();
    while (this.isOp('|')) {
      this.take();
      const l = left;
      const r = this.typeTest();
      const cl = this.constants.get(l);
      const cr = this.constants.get(r);
      // `('C' | 'CM' | 'CD')`: computed once.
      left = cl && cr ? this.constant(distinct(cl.concat(cr))) : (f, e) => distinct(l(f, e).concat(r(f, e)));
    }
    return left;
  }

  /** `a is T`, `a as T`. */
  private typeTest(): Evaluator {
    let left = this.additive();
    while (this.isWord('is') || this.isWord('as')) {
      const op = this.take().v;
      left = this.typeFn(op, left, this.typeSpecifier());
    }
    return left;
  }

  private typeSpecifier(): ReturnType<Model['typeSpecifier']> {
    const t = this.take();
    if (t.k !== 'id') throw new Unsupported('type name expected');
    let text = t.v;
    if (this.isOp('.')) {
      this.take();
      const n = this.take();
      if (n.k !== 'id') throw new Unsupported('type name expected');
      text += `.${n.v}`;
    }
    return this.model.typeSpecifier(text);
  }

  private typeFn(op: string, input: Evaluator, spec: ReturnType<Model['typeSpecifier']>): Evaluator {
    const model = this.model;
    if (op === 'ofType') return (f, e) => input(f, e).filter((item) => model.is(item, spec, true));
    return (f, e) => {
      const item = single(input(f, e), op);
      if (item === undefined) return EMPTY;
      const is = model.is(item, spec);
      return op === 'is' ? B(is) : is ? [item] : EMPTY;
    };
  }

  /** `a + b` on integers, `a & b` on strings (empty as ''). */
  private additive(): Evaluator {
    let left = this.term();
    while (this.isOp('+') || this.isOp('&')) {
      const op = this.take().v;
      const l = left;
      const r = this.term();
      left =
        op === '&'
          ? (f, e) => [str((toStr(l(f, e), '&') ?? '') + (toStr(r(f, e), '&') ?? ''))]
          : (f, e) => {
              const a = l(f, e);
              const b = r(f, e);
              if (a.length === 0 || b.length === 0) return EMPTY;
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
              return [int(x.value + y.value)];
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
      base = this.constant([str(t.v)]);
    } else if (t.k === 'num') {
      this.take();
      const isDecimal = t.v.includes('.');
      base = this.constant([{ value: Number(t.v), type: isDecimal ? 'System.Decimal' : 'System.Integer' }]);
    } else if (t.k === 'id' && (t.v === 'true' || t.v === 'false')) {
      this.take();
      base = this.constant(t.v === 'true' ? TRUE : FALSE);
    } else if (t.k === 'var') {
      this.take();
      if (t.v === '$this') base = (f) => f;
      else if (t.v === '%context') base = (_f, e) => e.context;
      else {
        const which = t.v === '%resource' ? 'resource' : 'rootResource';
        base = (_f, e) => [e[which]];
      }
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
      if (name.v === 'is' || name.v === 'as' || name.v === 'ofType') {
        const spec = this.typeSpecifier();
        this.expect(')');
        return this.typeFn(name.v, input, spec);
      }
      const args: Evaluator[] = [];
      while (!this.isOp(')')) {
        args.push(this.implies());
        if (this.isOp(',')) this.take();
        else if (!this.isOp(')')) throw new Unsupported('bad argument list');
      }
      this.take();
      return this.fn(name.v, input, args);
    }
    const navigate = this.model.navigator(name.v);
    return (f, e) => navigate(input(f, e));
  }

  private fn(name: string, input: Evaluator, args: Evaluator[]): Evaluator {
    const arity = (...n: number[]): void => {
      if (!n.includes(args.length)) throw new Unsupported(`${name} with ${args.length} arguments`);
    };
    const model = this.model;
    const [a0, a1, a2] = args;
    switch (name) {
      case 'exists':
        arity(0, 1);
        if (a0) return (f, e) => B(input(f, e).some((item) => truthy(a0([item], e))));
        return (f, e) => B(input(f, e).length > 0);
      case 'empty':
        arity(0);
        return (f, e) => B(input(f, e).length === 0);
      case 'not':
        arity(0);
        return (f, e) => {
          const b = toBool(input(f, e));
          return b === undefined ? EMPTY : B(!b);
        };
      case 'hasValue':
        arity(0);
        return (f, e) => {
          const c = input(f, e);
          const v = c[0]?.value;
          return B(
            c.length === 1 &&
              c[0]!.childrenPath === undefined &&
              v !== null &&
              v !== undefined &&
              typeof v !== 'object',
          );
        };
      case 'trace':
        arity(1, 2);
        return input;
      case 'count':
        arity(0);
        return (f, e) => [int(input(f, e).length)];
      case 'where':
        arity(1);
        return (f, e) => input(f, e).filter((item) => truthy(a0!([item], e)));
      case 'select':
        arity(1);
        return (f, e) => input(f, e).flatMap((item) => a0!([item], e));
      case 'all':
        arity(1);
        return (f, e) => {
          for (const item of input(f, e)) if (!isTrue(a0!([item], e))) return FALSE;
          return TRUE;
        };
      case 'allFalse':
        arity(0);
        return (f, e) => {
          for (const item of input(f, e)) {
            if (item.value === true) return FALSE;
            if (item.value !== false) throw new EvaluationError('allFalse() on a non-Boolean');
          }
          return TRUE;
        };
      case 'iif':
        arity(2, 3);
        return (f, e) => {
          const c = input(f, e);
          if (isTrue(a0!(c, e))) return a1!(c, e);
          return a2 ? a2(c, e) : EMPTY;
        };
      case 'first':
        arity(0);
        return (f, e) => input(f, e).slice(0, 1);
      case 'tail':
        arity(0);
        return (f, e) => input(f, e).slice(1);
      case 'distinct':
        arity(0);
        return (f, e) => distinct(input(f, e));
      case 'isDistinct':
        arity(0);
        return (f, e) => {
          const c = input(f, e);
          return B(distinct(c).length === c.length);
        };
      case 'combine':
        arity(1);
        return (f, e) => input(f, e).concat(a0!(f, e));
      case 'intersect':
        arity(1);
        return (f, e) => {
          const a = input(f, e);
          const b = a0!(f, e);
          if (a.length === 0 || b.length === 0) return EMPTY;
          return distinct(a).filter((x) => b.some((y) => itemsEqual(x, y)));
        };
      case 'children':
        arity(0);
        return (f, e) => model.children(input(f, e));
      case 'descendants':
        arity(0);
        return (f, e) => {
          const out: Item[] = [];
          for (let level = model.children(input(f, e)); level.length > 0; level = model.children(level))
            for (const item of level) out.push(item);
          return out;
        };
      case 'resolve':
        // fhirpath.js runs resolve() only in its asynchronous mode, which the checker does not use.
        arity(0);
        return () => {
          throw RESOLVE;
        };
      case 'toInteger':
        arity(0);
        return (f, e) => {
          const item = single(input(f, e), 'toInteger');
          const v = item?.value;
          if (v === true || v === false) return [int(v ? 1 : 0)];
          if (typeof v === 'number') return Number.isInteger(v) ? [int(v)] : EMPTY;
          if (typeof v === 'string' && /^[+-]?\d+$/.test(v)) return [int(parseInt(v, 10))];
          return EMPTY;
        };
      case 'startsWith':
      case 'contains':
        arity(1);
        return (f, e) => {
          const x = toStr(a0!(f, e), name);
          const s = toStr(input(f, e), name);
          if (x === undefined || s === undefined) return EMPTY;
          return B(name === 'startsWith' ? s.startsWith(x) : s.includes(x));
        };
      case 'matches': {
        // fhirpath.js: `new RegExp(regex, 'us').test(value)`, unanchored (FHIRPath N1 matches()).
        arity(1);
        const cache = new Map<string, RegExp | EvaluationError>();
        return (f, e) => {
          const pattern = toStr(a0!(f, e), name);
          const s = toStr(input(f, e), name);
          if (pattern === undefined || s === undefined) return EMPTY;
          return B(regex(pattern, 'us', cache).test(s));
        };
      }
      case 'replaceMatches': {
        arity(2);
        const cache = new Map<string, RegExp | EvaluationError>();
        return (f, e) => {
          const pattern = toStr(a0!(f, e), name);
          const substitution = toStr(a1!(f, e), name);
          const s = toStr(input(f, e), name);
          if (pattern === undefined || substitution === undefined || s === undefined) return EMPTY;
          return [str(s.replace(regex(pattern, 'gu', cache), substitution))];
        };
      }
      default:
        throw new Unsupported(`function ${name}`);
    }
  }
}

/** A compiled fast evaluator: value of the element (its JSON) -> FHIRPath result as plain values. */
export type MiniEvaluator = (value: unknown, env: { resource: unknown; rootResource: unknown }) => unknown[];

/** Stands for %resource in expressions that do not use it (never read). */
const NO_ENV_ITEM: Item = { value: undefined };
const NO_ENV: Env = { resource: NO_ENV_ITEM, rootResource: NO_ENV_ITEM, context: EMPTY };
/** One instance: thrown for every numeric input (an error's stack trace costs more than the evaluation). */
const NUMBER_INPUT = new EvaluationError('fhirpath.js cannot take a number as the input');
const RESOLVE = new EvaluationError('resolve() is asynchronous in fhirpath.js');

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
  const model = modelFor(defs);
  let evaluator: Evaluator;
  try {
    evaluator = new Compiler(toks, model).compileAll();
  } catch (error) {
    if (error instanceof Unsupported) return undefined;
    throw error;
  }
  if (!defs.children(childrenPath)) return undefined;
  const rootType = model.typeName({ value: undefined, childrenPath });
  const usesEnv = toks.some((t) => t.k === 'var' && (t.v === '%resource' || t.v === '%rootResource'));
  const usesContext = toks.some((t) => t.k === 'var' && t.v === '%context');
  return (value, env) => {
    // fhirpath.js cannot take a bare number as the input of an expression with a base path (it wraps it
    // before its decimal support is set up): every such evaluation throws there.
    if (typeof value === 'number') throw NUMBER_INPUT;
    // A primitive element (ElementDefinition.max, Narrative.div) is its own value, typed by its element.
    const root: Collection = [
      value !== null && typeof value === 'object' ? { value, childrenPath } : { value, type: rootType },
    ];
    const e: Env =
      usesEnv || usesContext
        ? {
            resource: usesEnv ? model.resourceItem(env.resource) : NO_ENV_ITEM,
            rootResource: usesEnv ? model.resourceItem(env.rootResource) : NO_ENV_ITEM,
            context: root,
          }
        : NO_ENV;
    const result = evaluator(root, e);
    const out: unknown[] = new Array(result.length);
    for (let i = 0; i < result.length; i++) out[i] = result[i]!.value;
    return out;
  };
}
