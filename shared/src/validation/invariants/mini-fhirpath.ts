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
import { isTrue, order, regex, single, toBool, toStr, truthy } from './mini-fhirpath-ops.js';
import { tokenize, type Tok } from './mini-fhirpath-tokens.js';
import {
  EMPTY,
  EvaluationError,
  Unsupported,
  collectionsEqual,
  distinct,
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
