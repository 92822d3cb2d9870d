/**
 * CodeSystems loaded from packages or the workspace (not the core ones, which the engine's
 * terminology holds), as the coding and value-set rules see them: supplement or not, complete or not,
 * and their codes (case-insensitive when the system says caseSensitive false).
 */
import type { ResourceContext } from '../validation/rule.js';
import { ConformanceStore } from '../packages/store.js';

export interface PackageCodeSystem {
  url: string;
  version?: string;
  /** The system this one supplements, when it is a supplement (content 'supplement' or `supplements` set). */
  supplement?: string;
  /** content = complete: every code is listed. */
  complete: boolean;
  /** Property code -> declared type ('code', 'Coding', 'string', ...). */
  properties: ReadonlyMap<string, string>;
  has(code: string): boolean;
}

interface Concept {
  code?: unknown;
  concept?: Concept[];
}

const byStore = new WeakMap<ConformanceStore, Map<string, PackageCodeSystem | undefined>>();

/** The non-core CodeSystem with this canonical (a `|version` suffix is ignored), when loaded. */
export function packageCodeSystem(ctx: Pick<ResourceContext, 'conformance' | 'terminology'>, canonical: string): PackageCodeSystem | undefined {
  const store = ctx.conformance instanceof ConformanceStore ? ctx.conformance : undefined;
  if (!store) return undefined;
  const url = canonical.split('|')[0] ?? canonical;
  let cache = byStore.get(store);
  if (!cache) byStore.set(store, (cache = new Map<string, PackageCodeSystem | undefined>()));
  if (cache.has(url)) return cache.get(url);
  let result: PackageCodeSystem | undefined;
  const entry = store.entry(url, 'CodeSystem');
  if (entry && entry.origin.source !== 'core' && !ctx.terminology?.codeSystem(url)) {
    const cs = entry.resource as { url?: string; version?: string; content?: string; supplements?: string; caseSensitive?: boolean; concept?: Concept[]; property?: { code?: string; type?: string }[] };
    const fold = cs.caseSensitive === false;
    const codes = new Set<string>();
    const walk = (list: Concept[] | undefined): void => {
      for (const c of list ?? []) {
        if (typeof c.code === 'string') codes.add(fold ? c.code.toLowerCase() : c.code);
        walk(c.concept);
      }
    };
    walk(cs.concept);
    const supplement = typeof cs.supplements === 'string' ? cs.supplements : cs.content === 'supplement' ? '?' : undefined;
    result = {
      url,
      ...(cs.version ? { version: cs.version } : {}),
      ...(supplement ? { supplement } : {}),
      complete: cs.content === 'complete',
      properties: new Map((cs.property ?? []).filter((p) => typeof p.code === 'string').map((p) => [p.code!, p.type ?? ''])),
      has: (code) => codes.has(fold ? code.toLowerCase() : code),
    };
  }
  cache.set(url, result);
  return result;
}
