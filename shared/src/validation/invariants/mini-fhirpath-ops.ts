/**
 * Operand conversions and comparisons of the mini FHIRPath evaluator (./mini-fhirpath.ts), each as
 * fhirpath.js 5 does it: singleton evaluation (misc.singleton, util.isTrue), where()'s criterion, regular
 * expressions, and the order of numbers, strings, dates and quantities (equality.lt and friends).
 */
import {
  DATE_LIKE,
  EvaluationError,
  NUMERIC,
  QUANTITY_LIKE,
  STRING_LIKE,
  Unsupported,
  isNode,
  type Collection,
  type Item,
} from './mini-fhirpath-model.js';

/** A collection as a Boolean operand: empty, or one item (a non-boolean single item is true). */
export function toBool(c: Collection): boolean | undefined {
  if (c.length === 0) return undefined;
  if (c.length > 1) throw new EvaluationError('a collection where a single Boolean is expected');
  const v = c[0]!.value;
  if (v === null || v === undefined) return undefined;
  return typeof v === 'boolean' ? v : true;
}

/** util.isTrue: exactly one item whose value is true (all(), iif()). */
export function isTrue(c: Collection): boolean {
  return c.length === 1 && c[0]!.value === true;
}

/** where()'s test: the first item of the criterion is truthy (a node always is). */
export function truthy(c: Collection): boolean {
  if (c.length === 0) return false;
  const item = c[0]!;
  if (isNode(item) || item.type === 'System.Decimal') return true;
  const v = item.value;
  if (v === 0) throw new Unsupported('zero as a criterion');
  return Boolean(v);
}

/** A collection as a String operand: empty (undefined), or one string. */
export function toStr(c: Collection, what: string): string | undefined {
  if (c.length === 0) return undefined;
  if (c.length > 1) throw new EvaluationError(`${what}: a collection where a single String is expected`);
  const v = c[0]!.value;
  if (v === null || v === undefined) return undefined;
  if (typeof v !== 'string') throw new EvaluationError(`${what}: expected a String`);
  return v;
}

export function single(c: Collection, what: string): Item | undefined {
  if (c.length === 0) return undefined;
  if (c.length > 1) throw new EvaluationError(`${what}: a collection where a single item is expected`);
  return c[0];
}

/**
 * Regular expressions as fhirpath.js builds them (always Unicode mode; invalid patterns are errors there).
 * The cache keeps failures too: an invalid pattern in a constraint fails on every element.
 */
export function regex(pattern: string, flags: string, cache: Map<string, RegExp | EvaluationError>): RegExp {
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

const FULL_DATE = /^\d{4}-\d{2}-\d{2}$/;
const DAY_MS = 86_400_000;

/** Digits after the seconds' decimal point (0 without one). */
function fractionDigits(s: string): number {
  const dot = s.indexOf('.');
  if (dot < 0) return 0;
  let n = 0;
  while (s.charCodeAt(dot + 1 + n) >= 48 && s.charCodeAt(dot + 1 + n) <= 57) n++;
  return n;
}

/**
 * FHIRPath order of two date/dateTime values (N1 6.2, "Comparison"): negative, 0 or positive; undefined
 * when they are equal up to the coarser precision of two different precisions (the result is empty).
 * - Dates without a time compare component by component.
 * - Two dateTimes to the second with time zones, written to the same fraction of a second (up to
 *   milliseconds), compare as instants, whatever their time zones.
 * - A full date against such a dateTime: only two or more days apart, where no time-zone shift can change
 *   the order of the days.
 * Anything else (times without a zone, other precisions) is left to fhirpath.js.
 */
function compareDates(a: unknown, b: unknown): number | undefined {
  if (typeof a !== 'string' || typeof b !== 'string') throw new Unsupported('date comparison on non-strings');
  const pa = PARTIAL_DATE.test(a);
  const pb = PARTIAL_DATE.test(b);
  if (pa && pb) {
    const n = Math.min(a.length, b.length);
    const x = a.slice(0, n);
    const y = b.slice(0, n);
    if (x !== y) return x < y ? -1 : 1;
    return a.length === b.length ? 0 : undefined;
  }
  const fa = !pa && FULL_DATE_TIME.test(a);
  const fb = !pb && FULL_DATE_TIME.test(b);
  if (fa && fb) {
    const digits = fractionDigits(a);
    if (digits === fractionDigits(b) && digits <= 3) return Date.parse(a) - Date.parse(b);
  } else if ((fa && FULL_DATE.test(b)) || (fb && FULL_DATE.test(a))) {
    const days = (Date.parse(a.slice(0, 10)) - Date.parse(b.slice(0, 10))) / DAY_MS;
    if (Math.abs(days) >= 2) return days;
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
export function order(x: Item, y: Item): number | undefined {
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
