/**
 * Primitive values must match their FHIR type's lexical form: the regexes in the R4 primitive type
 * definitions (https://hl7.org/fhir/R4/datatypes.html#primitive) plus what a regex cannot say: real
 * calendar dates, the timezone rule for times, integer ranges, base64 alphabet and padding, lowercase
 * UUIDs, absolute canonicals, the 1 MB string limit.
 */
import type { Definitions } from '../definitions/index.js';
import type { ElementContext } from '../rule.js';
import { defineRule } from '../rule.js';

const MAX_STRING = 1024 * 1024;
const INT_MIN = -2147483648;
const INT_MAX = 2147483647;
// Case-insensitive: RFC 4122 says UUIDs are read case-insensitively (the R4 examples use upper case).
const UUID = /^urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const OID = /^urn:oid:[0-2](\.(0|[1-9][0-9]*))+$/;
const HAS_TIME_NO_TZ = /T\d{2}:\d{2}(:\d{2}(\.\d+)?)?$/;

// Compiled regexes per definitions instance (derived data, no shared mutable state across instances).
const compiled = new WeakMap<Definitions, Map<string, RegExp | null>>();
function typeRegex(defs: Definitions, type: string): RegExp | null {
  let map = compiled.get(defs);
  if (!map) {
    map = new Map();
    compiled.set(defs, map);
  }
  let re = map.get(type);
  if (re === undefined) {
    const src = defs.type(type)?.regex;
    re = src ? new RegExp(`^(?:${src})$`) : null;
    map.set(type, re);
  }
  return re;
}

/** Day-of-month must exist ("2023-02-30" matches the regex but is no date). */
function realDate(v: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(v);
  if (!m) return true;
  const y = Number(m[1]);
  const mo = Number(m[2]);
  const d = Number(m[3]);
  const dt = new Date(Date.UTC(2000, mo - 1, d));
  dt.setUTCFullYear(y);
  return dt.getUTCMonth() === mo - 1 && dt.getUTCDate() === d;
}

function str(ctx: ElementContext): string | undefined {
  return typeof ctx.elementValue === 'string' ? ctx.elementValue : undefined;
}

function bad(ctx: ElementContext, message: string): void {
  ctx.report({ path: ctx.elementPathInDoc, message, data: { type: ctx.elementType } });
}

function checkRegex(ctx: ElementContext, what: string): boolean {
  const v = str(ctx);
  if (v === undefined) return false;
  const re = typeRegex(ctx.definitions, ctx.elementType);
  if (re && !re.test(v)) {
    bad(ctx, `${ctx.elementPath}: "${clip(v)}" is not a valid ${ctx.elementType} (${what})`);
    return false;
  }
  return true;
}

function clip(v: string): string {
  return v.length > 60 ? `${v.slice(0, 57)}...` : v;
}

function dateLike(ctx: ElementContext, what: string): void {
  const v = str(ctx);
  if (v === undefined) return;
  if ((ctx.elementType === 'dateTime' || ctx.elementType === 'instant') && HAS_TIME_NO_TZ.test(v)) {
    bad(ctx, `${ctx.elementPath}: "${clip(v)}" has a time but no timezone; if a date has a time it must have a timezone (e.g. Z or +01:00)`);
    return;
  }
  if (!checkRegex(ctx, what)) return;
  if (!realDate(v)) bad(ctx, `${ctx.elementPath}: "${clip(v)}" is not a real calendar date`);
}

function uriLike(ctx: ElementContext): void {
  const v = str(ctx);
  if (v === undefined) return;
  if (/\s/.test(v)) {
    bad(ctx, `${ctx.elementPath}: "${clip(v)}" is not a valid ${ctx.elementType}: URIs cannot contain whitespace`);
    return;
  }
  if (v.startsWith('urn:uuid:') && !UUID.test(v)) {
    bad(ctx, `${ctx.elementPath}: "${clip(v)}" is not a valid UUID URI: expected urn:uuid: and 8-4-4-4-12 hex digits`);
  } else if (v.startsWith('urn:oid:') && !OID.test(v)) {
    bad(ctx, `${ctx.elementPath}: "${clip(v)}" is not a valid OID URI (urn:oid: followed by dot-separated numbers, e.g. urn:oid:2.16.840.1.113883)`);
  }
}

function integerLike(ctx: ElementContext): void {
  const n = ctx.elementValue;
  if (typeof n !== 'number') return;
  const t = ctx.elementType;
  // JSON.parse reads 1.0 and 1e2 as whole numbers; the text as written decides (R4 integer regex).
  const raw = Number.isInteger(n) ? ctx.sourceText?.(ctx.elementPathInDoc) : String(n);
  if (!Number.isInteger(n) || (raw !== undefined && !/^-?[0-9]+$/.test(raw))) {
    bad(ctx, `${ctx.elementPath}: ${raw ?? n} is not a valid ${t}: it must be a whole number without a decimal point or exponent`);
    return;
  }
  if (n < INT_MIN || n > INT_MAX) bad(ctx, `${ctx.elementPath}: ${n} is outside the 32-bit ${t} range (${INT_MIN} to ${INT_MAX})`);
  else if (t === 'positiveInt' && n < 1) bad(ctx, `${ctx.elementPath}: ${n} is not a positiveInt (must be 1 or more)`);
  else if (t === 'unsignedInt' && n < 0) bad(ctx, `${ctx.elementPath}: ${n} is not an unsignedInt (must be 0 or more)`);
}

export const primitiveFormat = defineRule({
  id: 'primitive-format',
  severity: 'error',
  description: 'Primitive values must have the lexical form of their FHIR type (dates, times, ids, URIs, codes, OIDs, UUIDs, numbers, base64).',
  elements: {
    date: (ctx) => dateLike(ctx, 'expected YYYY, YYYY-MM or YYYY-MM-DD'),
    dateTime: (ctx) => dateLike(ctx, 'expected YYYY, YYYY-MM, YYYY-MM-DD or YYYY-MM-DDThh:mm:ss+zz:zz'),
    instant: (ctx) => dateLike(ctx, 'expected YYYY-MM-DDThh:mm:ss(.sss)+zz:zz or Z, with a timezone'),
    time: (ctx) => checkRegex(ctx, 'expected hh:mm:ss(.sss), without a timezone'),
    id: (ctx) => {
      const v = str(ctx);
      if (v === undefined) return;
      const re = typeRegex(ctx.definitions, 'id');
      if (re && !re.test(v)) {
        const why = v.length > 64 ? `too long (${v.length} characters; at most 64)` : 'only letters, digits, "-" and "." are allowed';
        bad(ctx, `${ctx.elementPath}: "${clip(v)}" is not a valid id: ${why}`);
      }
    },
    code: (ctx) => checkRegex(ctx, 'no leading, trailing or repeated whitespace'),
    oid: (ctx) => checkRegex(ctx, 'expected urn:oid: followed by dot-separated numbers'),
    uuid: (ctx) => checkRegex(ctx, 'expected urn:uuid: and a lowercase UUID'),
    uri: uriLike,
    url: uriLike,
    canonical: (ctx) => {
      uriLike(ctx);
    },
    integer: integerLike,
    positiveInt: integerLike,
    unsignedInt: integerLike,
    base64Binary: (ctx) => {
      const v = str(ctx);
      if (v === undefined) return;
      const badChar = /[^A-Za-z0-9+/=\s]/.exec(v);
      if (badChar) {
        bad(ctx, `${ctx.elementPath}: not valid base64: illegal character "${badChar[0]}" (allowed: A-Z a-z 0-9 + / and = padding)`);
        return;
      }
      const compact = /\s/.test(v) ? v.replace(/\s+/g, '') : v;
      const eq = compact.indexOf('=');
      if (compact.length % 4 !== 0 || (eq >= 0 && (eq < compact.length - 2 || !/^=+$/.test(compact.slice(eq))))) {
        bad(ctx, `${ctx.elementPath}: not valid base64: the length must be a multiple of 4, with "=" padding only at the end`);
      }
    },
    string: (ctx) => {
      const v = str(ctx);
      if (v !== undefined && v.length > MAX_STRING) bad(ctx, `${ctx.elementPath}: the value is longer than the 1 MB maximum for FHIR strings`);
    },
    markdown: (ctx) => {
      const v = str(ctx);
      if (v !== undefined && v.length > MAX_STRING) bad(ctx, `${ctx.elementPath}: the value is longer than the 1 MB maximum for FHIR strings`);
    },
  },
});
