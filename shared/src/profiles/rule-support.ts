/**
 * What the profile-* rules share: one profile walk per resource (memoised on the conformance store)
 * whose findings each rule filters by kind. Without loaded packages (no conformance source) the
 * rules do nothing: core-only validation is unchanged.
 */
import type { ResourceContext } from '../validation/rule.js';
import type { ConformanceSource } from '../validation/run.js';
import { ConformanceStore } from '../packages/store.js';
import { checkExtensions } from './extensions.js';
import type { ProfileFinding, ProfileFindingKind } from './validate.js';

function storeOf(c: ConformanceSource | undefined): ConformanceStore | undefined {
  return c instanceof ConformanceStore ? c : undefined;
}

/** Profiles an ImplementationGuide in the loaded packages declares global for a resource type (IG.global). */
function globalProfiles(store: ConformanceStore, resourceType: string): string[] {
  const out: string[] = [];
  for (const entry of store.all('ImplementationGuide')) {
    const globals = (entry.resource as { global?: { type?: string; profile?: string }[] }).global ?? [];
    for (const g of globals) if (g.type === resourceType && typeof g.profile === 'string') out.push(g.profile);
  }
  return out;
}

/** All profile and extension findings for the resource in `ctx` (computed once per resource). */
export function profileFindings(ctx: ResourceContext): ProfileFinding[] {
  const store = storeOf(ctx.conformance);
  if (!store) return [];
  const key = ctx.value as object;
  const cached = store.memo.get(key) as ProfileFinding[] | undefined;
  if (cached) return cached;
  const validator = store.profileValidator();
  const seen = new Set<string>();
  const findings: ProfileFinding[] = [];
  const add = (f: ProfileFinding): void => {
    const id = `${f.kind}|${JSON.stringify(f.path)}|${f.message}`;
    if (seen.has(id)) return;
    seen.add(id);
    findings.push(f);
  };
  for (const profile of new Set([...ctx.profiles, ...globalProfiles(store, ctx.resourceType)])) for (const f of validator.validate(ctx.value, profile)) add(f);
  for (const f of checkExtensions(ctx.value, ctx.resourceType, ctx.definitions, store, validator)) add(f);
  store.memo.set(key, findings);
  return findings;
}

/** Reports the findings of one kind (the body of each profile-* rule). */
export function reportProfileFindings(ctx: ResourceContext, kinds: readonly ProfileFindingKind[]): void {
  for (const f of profileFindings(ctx)) {
    if (kinds.includes(f.kind)) ctx.report({ path: [...ctx.path, ...f.path], message: f.message, severity: f.severity, data: { profile: f.profile } });
  }
}
