/**
 * Element-by-element comparison of a generated snapshot with a published one (issue 6 target:
 * >= 98 % agreement on UK.Core.r4#1.2.0). An element agrees when its id/path, min, max, type codes
 * with profiles and targetProfiles, binding strength and value set, fixed/pattern value and slicing
 * discriminators all match.
 */
import type { ElementDefinition } from './types.js';

export interface ElementDifference {
  id: string;
  /** Which facets differ; `missing` = only in the published snapshot, `extra` = only in ours. */
  facets: string[];
  expected?: Record<string, unknown>;
  actual?: Record<string, unknown>;
}

export interface SnapshotComparison {
  published: number;
  generated: number;
  agreeing: number;
  differences: ElementDifference[];
}

function stripVersion(url: string | undefined): string | undefined {
  return url?.split('|')[0];
}

/** The compared facets of one element, normalised (canonical `|version` suffixes dropped). */
export function elementFacets(e: ElementDefinition): Record<string, unknown> {
  const fixed: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(e)) if (k.startsWith('fixed') || k.startsWith('pattern')) fixed[k] = v;
  return {
    path: e.path,
    min: e.min,
    max: e.max,
    type: (e.type ?? []).map((t) => ({
      code: t.code,
      profile: (t.profile ?? []).map(stripVersion),
      targetProfile: (t.targetProfile ?? []).map(stripVersion),
    })),
    binding: e.binding ? { strength: e.binding.strength, valueSet: stripVersion(e.binding.valueSet) } : undefined,
    fixed,
    discriminator: e.slicing?.discriminator?.map((d) => `${d.type}:${d.path}`) ?? [],
  };
}

export function compareSnapshots(published: ElementDefinition[], generated: ElementDefinition[]): SnapshotComparison {
  const byId = new Map(generated.map((e) => [e.id ?? e.path, e]));
  const seen = new Set<string>();
  const differences: ElementDifference[] = [];
  let agreeing = 0;
  for (const p of published) {
    const id = p.id ?? p.path;
    seen.add(id);
    const g = byId.get(id);
    if (!g) {
      differences.push({ id, facets: ['missing'] });
      continue;
    }
    const ef = elementFacets(p);
    const af = elementFacets(g);
    const facets = Object.keys(ef).filter((k) => JSON.stringify(ef[k]) !== JSON.stringify(af[k]));
    if (facets.length === 0) agreeing++;
    else differences.push({ id, facets, expected: pick(ef, facets), actual: pick(af, facets) });
  }
  for (const g of generated) {
    const id = g.id ?? g.path;
    if (!seen.has(id)) differences.push({ id, facets: ['extra'] });
  }
  return { published: published.length, generated: generated.length, agreeing, differences };
}

function pick(o: Record<string, unknown>, keys: string[]): Record<string, unknown> {
  return Object.fromEntries(keys.map((k) => [k, o[k]]));
}
