/**
 * Value set membership from package resources, offline: extensional value sets (compose.include.concept,
 * expansion.contains) and intensional ones over package CodeSystems (whole system, is-a / descendent-of
 * / = / in filters). Anything needing a code system we do not have (SNOMED CT, LOINC, dm+d, ...) is
 * "not checked", never an error. Spec: https://hl7.org/fhir/R4/valueset.html#compose
 */
import type { ConformanceResource } from './types.js';

export interface ResourceLookup {
  resource<T extends ConformanceResource = ConformanceResource>(canonical: string, resourceType?: string): T | undefined;
}

interface Concept {
  code?: string;
  display?: string;
  concept?: Concept[];
  property?: { code?: string; valueCode?: string; valueString?: string; valueBoolean?: boolean }[];
}

interface CodeSystemResource extends ConformanceResource {
  content?: string;
  concept?: Concept[];
  caseSensitive?: boolean;
}

interface Include {
  system?: string;
  version?: string;
  concept?: { code?: string }[];
  filter?: { property?: string; op?: string; value?: string }[];
  valueSet?: string[];
}

interface Contains {
  system?: string;
  code?: string;
  contains?: Contains[];
}

interface ValueSetResource extends ConformanceResource {
  compose?: { include?: Include[]; exclude?: Include[] };
  expansion?: { contains?: Contains[] };
}

/** Codes per system; a system mapped to `undefined` is in the value set but cannot be enumerated. */
export interface Expansion {
  systems: Map<string, Set<string> | undefined>;
}

export type MembershipResult = { status: 'member' } | { status: 'not-member'; systems: string[] } | { status: 'not-checked'; reason: string };

const MAX_DEPTH = 10;

export class ValueSetChecker {
  readonly #lookup: ResourceLookup;
  readonly #cache = new Map<string, Expansion | undefined>();

  constructor(lookup: ResourceLookup) {
    this.#lookup = lookup;
  }

  /** Whether the value set is known (loaded from a package or workspace). */
  has(url: string): boolean {
    return this.#lookup.resource(url, 'ValueSet') !== undefined;
  }

  expand(url: string, depth = 0): Expansion | undefined {
    const key = url.split('|')[0] ?? url;
    if (this.#cache.has(key)) return this.#cache.get(key);
    const vs = this.#lookup.resource<ValueSetResource>(url, 'ValueSet');
    if (!vs || depth > MAX_DEPTH) return undefined;
    this.#cache.set(key, undefined); // cycle guard
    const exp: Expansion = { systems: new Map() };
    const add = (system: string, codes: Set<string> | undefined): void => {
      if (!exp.systems.has(system)) exp.systems.set(system, codes ? new Set(codes) : undefined);
      else {
        const have = exp.systems.get(system);
        if (have && codes) for (const c of codes) have.add(c);
        else exp.systems.set(system, undefined);
      }
    };
    if (vs.expansion?.contains && !vs.compose) {
      const walk = (items: Contains[] | undefined): void => {
        for (const c of items ?? []) {
          if (c.system && c.code) add(c.system, new Set([c.code]));
          walk(c.contains);
        }
      };
      walk(vs.expansion.contains);
    }
    for (const inc of vs.compose?.include ?? []) {
      for (const [system, codes] of this.#include(inc, depth)) add(system, codes);
    }
    for (const exc of vs.compose?.exclude ?? []) {
      for (const [system, codes] of this.#include(exc, depth)) {
        const have = exp.systems.get(system);
        // Only an enumerable exclusion from an enumerable inclusion can be applied offline.
        if (have && codes) for (const c of codes) have.delete(c);
      }
    }
    this.#cache.set(key, exp);
    return exp;
  }

  #include(inc: Include, depth: number): Map<string, Set<string> | undefined> {
    const out = new Map<string, Set<string> | undefined>();
    let fromSystem: Map<string, Set<string> | undefined> | undefined;
    if (inc.system) {
      let codes: Set<string> | undefined;
      if (inc.concept?.length) {
        codes = new Set(inc.concept.map((c) => c.code ?? '').filter((c) => c));
      } else {
        codes = this.#systemCodes(inc.system, inc.filter ?? []);
      }
      fromSystem = new Map([[inc.system, codes]]);
    }
    const sets = (inc.valueSet ?? []).map((u) => this.expand(u, depth + 1));
    if (!fromSystem && sets.length === 1 && sets[0]) return new Map(sets[0].systems);
    // Intersection of the system part and each value set (R4 compose.include semantics).
    let result = fromSystem;
    for (const s of sets) {
      if (!s) return inc.system ? new Map([[inc.system, undefined]]) : out;
      if (!result) {
        result = new Map(s.systems);
        continue;
      }
      const next = new Map<string, Set<string> | undefined>();
      for (const [system, codes] of result) {
        if (!s.systems.has(system)) continue;
        const other = s.systems.get(system);
        next.set(system, codes && other ? new Set([...codes].filter((c) => other.has(c))) : undefined);
      }
      result = next;
    }
    return result ?? out;
  }

  /** Codes of a package CodeSystem under the filters; undefined when it cannot be enumerated. */
  #systemCodes(system: string, filters: NonNullable<Include['filter']>): Set<string> | undefined {
    const cs = this.#lookup.resource<CodeSystemResource>(system, 'CodeSystem');
    if (!cs?.concept || (cs.content !== undefined && cs.content !== 'complete')) return undefined;
    const all: { code: string; ancestors: string[]; concept: Concept }[] = [];
    const walk = (concepts: Concept[], ancestors: string[]): void => {
      for (const c of concepts) {
        if (!c.code) continue;
        all.push({ code: c.code, ancestors, concept: c });
        if (c.concept) walk(c.concept, [...ancestors, c.code]);
      }
    };
    walk(cs.concept, []);
    // `parent` properties are another way to state the hierarchy.
    const parents = new Map<string, string[]>();
    for (const c of all) for (const p of c.concept.property ?? []) if (p.code === 'parent' && p.valueCode) parents.set(c.code, [...(parents.get(c.code) ?? []), p.valueCode]);
    const isDescendant = (code: string, of: string, seen = new Set<string>()): boolean => {
      if (seen.has(code)) return false;
      seen.add(code);
      const entry = all.find((x) => x.code === code);
      const ups = [...(entry?.ancestors.slice(-1) ?? []), ...(parents.get(code) ?? [])];
      return ups.some((u) => u === of || isDescendant(u, of, seen));
    };
    let codes = all.map((c) => c.code);
    for (const f of filters) {
      const value = f.value ?? '';
      switch (f.op) {
        case 'is-a':
          codes = codes.filter((c) => c === value || isDescendant(c, value));
          break;
        case 'descendent-of':
          codes = codes.filter((c) => c !== value && isDescendant(c, value));
          break;
        case 'is-not-a':
          codes = codes.filter((c) => c !== value && !isDescendant(c, value));
          break;
        case 'in':
          codes = codes.filter((c) => value.split(',').map((v) => v.trim()).includes(c));
          break;
        case '=': {
          if (f.property === 'concept' || f.property === 'code') {
            codes = codes.filter((c) => c === value);
            break;
          }
          const prop = f.property;
          codes = codes.filter((c) => all.find((x) => x.code === c)?.concept.property?.some((p) => p.code === prop && String(p.valueCode ?? p.valueString ?? p.valueBoolean) === value));
          break;
        }
        default:
          return undefined;
      }
    }
    return new Set(codes);
  }

  /** Is the code (with system, when known) in the value set? */
  check(url: string, codings: readonly { system?: string | undefined; code?: string | undefined }[]): MembershipResult {
    const exp = this.expand(url);
    if (!exp) return { status: 'not-checked', reason: `value set ${url} is not loaded` };
    let checkable = false;
    for (const c of codings) {
      if (!c.code) continue;
      const systems = c.system ? [c.system] : exp.systems.size === 1 ? [...exp.systems.keys()] : [];
      for (const system of systems) {
        if (!exp.systems.has(system)) continue;
        const codes = exp.systems.get(system);
        if (!codes) return { status: 'not-checked', reason: `codes of ${system} are not available offline` };
        checkable = true;
        if (codes.has(c.code)) return { status: 'member' };
      }
      if (c.system && !exp.systems.has(c.system)) checkable = true;
    }
    if (!checkable) return { status: 'not-checked', reason: 'no coding could be checked offline' };
    return { status: 'not-member', systems: [...exp.systems.keys()] };
  }
}
