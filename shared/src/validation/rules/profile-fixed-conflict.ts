/**
 * profile-fixed-conflict: a profile (StructureDefinition with derivation 'constraint') may only
 * constrain what its base allows, so an element its base fixes (fixed[x]) cannot be fixed to another
 * value, or to a value of another type, in the profile's differential
 * (https://hl7.org/fhir/R4/profiling.html#constraints: "profiles cannot break the rules of the base").
 * A common case: an extension derived from another extension, whose Extension.url the base already
 * fixes. Checked when the base definition is loaded (core, a package or the workspace).
 */
import { ConformanceStore } from '../../packages/store.js';
import { defineRule } from '../rule.js';

type Obj = Record<string, unknown>;
const list = (v: unknown): Obj[] => (Array.isArray(v) ? v.filter((x): x is Obj => typeof x === 'object' && x !== null && !Array.isArray(x)) : []);
const fixedKey = (e: Obj): string | undefined => Object.keys(e).find((k) => k.startsWith('fixed') && k.length > 5);

/** Key-order-independent JSON, to compare fixed values. */
function canonical(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(canonical).join(',')}]`;
  if (typeof v === 'object' && v !== null) return `{${Object.keys(v).sort().map((k) => `${JSON.stringify(k)}:${canonical((v as Obj)[k])}`).join(',')}}`;
  return JSON.stringify(v);
}

export const profileFixedConflict = defineRule({
  id: 'profile-fixed-conflict',
  severity: 'error',
  description: "A profile's differential does not fix an element to another value than its base profile fixes.",
  resource(ctx) {
    if (ctx.resourceType !== 'StructureDefinition' || ctx.value['derivation'] !== 'constraint') return;
    const store = ctx.conformance instanceof ConformanceStore ? ctx.conformance : undefined;
    const base = ctx.value['baseDefinition'];
    if (!store || typeof base !== 'string') return;
    const differential = list((ctx.value['differential'] as Obj | undefined)?.['element']);
    if (!differential.some((e) => fixedKey(e))) return;
    const baseElements = store.snapshot(base);
    if (!baseElements) return;
    const byId = new Map(baseElements.map((e) => [e.id ?? e.path, e as unknown as Obj]));
    differential.forEach((e, i) => {
      const key = fixedKey(e);
      const id = typeof e['id'] === 'string' ? e['id'] : e['path'];
      if (!key || typeof id !== 'string') return;
      const b = byId.get(id);
      const baseKey = b ? fixedKey(b) : undefined;
      if (!b || !baseKey) return;
      if (baseKey === key && canonical(b[baseKey]) === canonical(e[key])) return;
      const shown = (v: unknown): string => (typeof v === 'string' ? `'${v}'` : JSON.stringify(v));
      ctx.report({
        path: [...ctx.path, 'differential', 'element', i, key],
        message: `${id} is fixed to ${shown(e[key])} here, but the base definition ${base} already fixes it to ${shown(b[baseKey])}: a profile cannot change a fixed value`,
      });
    });
  },
});
