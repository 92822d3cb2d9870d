/**
 * Hand-written evaluators for the commonest core invariants, keyed by their exact R4 expression text, so a
 * typical document never has to load and compile fhirpath.js (~150 ms load + ~4 ms per expression).
 * Each must return what fhirpath.js returns on the same element; shared/test/invariant-fast-paths.test.ts
 * checks that on every element of the R4 spec examples and the conformance cases.
 */

import type { InvariantEnv } from './fhirpath-engine.js';
import { Unsupported } from './mini-fhirpath.js';
import { checkHtml } from './html-checks.js';

/** Evaluates one invariant on an element value; returns the FHIRPath result collection. */
export type FastPath = (value: unknown, env: InvariantEnv) => unknown[];

type Obj = Record<string, unknown>;

function obj(v: unknown): Obj | undefined {
  return v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as Obj) : undefined;
}

/** FHIRPath `x.exists()` for a JSON property: a value or, for primitives, its `_x` companion. */
function has(o: Obj | undefined, name: string): boolean {
  if (!o) return false;
  const v = o[name];
  if (v !== undefined && v !== null && !(Array.isArray(v) && v.length === 0)) return true;
  const ext = o[`_${name}`];
  return ext !== undefined && ext !== null && !(Array.isArray(ext) && ext.length === 0);
}

const FAST_PATHS: Record<string, FastPath> = {
  // dom-2: contained resources have no contained resources of their own.
  'contained.contained.empty()': (v) => {
    const c = obj(v)?.['contained'];
    return [!(Array.isArray(c) && c.some((x) => has(obj(x), 'contained')))];
  },
  // dom-4: contained resources carry no meta.versionId / meta.lastUpdated.
  'contained.meta.versionId.empty() and contained.meta.lastUpdated.empty()': (v) => {
    const c = obj(v)?.['contained'];
    const list = Array.isArray(c) ? c.map((x) => obj(obj(x)?.['meta'])) : [];
    return [!list.some((m) => has(m, 'versionId')) && !list.some((m) => has(m, 'lastUpdated'))];
  },
  // dom-5: contained resources carry no security labels.
  'contained.meta.security.empty()': (v) => {
    const c = obj(v)?.['contained'];
    return [!(Array.isArray(c) && c.some((x) => has(obj(obj(x)?.['meta']), 'security')))];
  },
  // ref-1 (R4 4.0.1 text): a local reference '#id' names a resource contained in %rootResource. The
  // commonest invariant of all (every Reference). '#' alone: substring(1) is empty, so the result is empty.
  "reference.startsWith('#').not() or (reference.substring(1).trace('url') in %rootResource.contained.id.trace('ids'))":
    (v, env) => {
      const ref = obj(v)?.['reference'];
      if (typeof ref !== 'string') return [];
      if (!ref.startsWith('#')) return [true];
      if (ref === '#') return [];
      return [containedIds(env.rootResource).includes(ref.slice(1))];
    },
  // ref-1 as later versions (and the HL7 validator) write it: '#' refers to the container from a contained resource.
  "reference.startsWith('#').not() or (reference.substring(1).trace('url') in %rootResource.contained.id.trace('ids')) or (reference='#' and %rootResource!=%resource)":
    (v, env) => {
      const ref = obj(v)?.['reference'];
      if (typeof ref !== 'string') return [];
      if (!ref.startsWith('#')) return [true];
      if (ref === '#') return env.rootResource !== env.resource ? [true] : [];
      return [containedIds(env.rootResource).includes(ref.slice(1))];
    },
  // bdl-7: fullUrl + meta.versionId unique across entries (FHIRPath `&` treats empty as ''). Natively because
  // fhirpath.js builds a node per entry resource: ~1 s on a 1,000-entry Bundle.
  "(type = 'history') or entry.where(fullUrl.exists()).select(fullUrl&resource.meta.versionId).isDistinct()":
    (v) => {
      const b = obj(v);
      const type = b?.['type'];
      if (type === 'history') return [true];
      if (type !== undefined && typeof type !== 'string')
        throw new Unsupported('Bundle.type is not a string');
      const entries = b?.['entry'];
      const keys: string[] = [];
      for (const e of Array.isArray(entries) ? entries : []) {
        const entry = obj(e);
        if (!entry || (entry['fullUrl'] === undefined && entry['_fullUrl'] === undefined)) continue;
        const fullUrl = entry['fullUrl'];
        const versionId = obj(obj(entry['resource'])?.['meta'])?.['versionId'];
        if (
          (fullUrl !== undefined && typeof fullUrl !== 'string') ||
          (versionId !== undefined && typeof versionId !== 'string')
        )
          throw new Unsupported('non-string fullUrl or versionId');
        keys.push((fullUrl ?? '') + (versionId ?? ''));
      }
      const distinct = new Set(keys).size === keys.length;
      if (distinct) return [true];
      return type === undefined ? [] : [false];
    },
};

function containedIds(root: unknown): unknown[] {
  const contained = obj(root)?.['contained'];
  return Array.isArray(contained) ? contained.map((c) => obj(c)?.['id']) : [];
}

/**
 * txt-1 and txt-2 (`htmlChecks()` on Narrative.div, an xhtml value): fhirpath.js's scanner, natively
 * (./html-checks.ts). Another base would be a string overload (a fragment), so only this one is taken.
 */
const narrativeHtmlChecks: FastPath = (v) => {
  if (typeof v !== 'string') throw new Unsupported('htmlChecks() on a non-string');
  return [checkHtml(v, false)];
};

/** The fast path for an expression at `base` (the element path it runs on), if there is one. */
export function fastPathFor(expression: string, base?: string): FastPath | undefined {
  if (expression === 'htmlChecks()') return base === 'Narrative.div' ? narrativeHtmlChecks : undefined;
  return Object.prototype.hasOwnProperty.call(FAST_PATHS, expression) ? FAST_PATHS[expression] : undefined;
}
