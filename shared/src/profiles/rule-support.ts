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
import { FhirPathCompiler } from '../validation/invariants/fhirpath-engine.js';
import { invariantEnv, isFailure, SKIPPED_CONSTRAINTS } from '../validation/invariants/index.js';

/** Whether the core definition of the element (or of its type) declares this constraint key. */
function isCoreConstraint(ctx: ResourceContext, key: string, basePath: string | undefined): boolean {
  if (!basePath) return false;
  const element = ctx.definitions.element(basePath);
  if (element?.constraints?.some((c) => c.key === key)) return true;
  const type = ctx.definitions.type(basePath.split('.')[0] ?? '');
  return type?.elements[0]?.constraints?.some((c) => c.key === key) === true;
}

function storeOf(c: ConformanceSource | undefined): ConformanceStore | undefined {
  return c instanceof ConformanceStore ? c : undefined;
}

/** Domains under which the loaded (non-core) packages define extensions, computed once per store. */
const domainsByStore = new WeakMap<ConformanceStore, Set<string>>();
function extensionDomains(store: ConformanceStore): Set<string> {
  let domains = domainsByStore.get(store);
  if (domains) return domains;
  domains = new Set();
  for (const entry of store.all('StructureDefinition')) {
    if (entry.origin.source === 'core') continue;
    const sd = entry.resource as { type?: string; url?: string };
    const d = sd.type === 'Extension' && sd.url ? /^[a-z][a-z0-9+.-]*:\/\/([^/:?#]+)/i.exec(sd.url)?.[1]?.toLowerCase() : undefined;
    if (d && d !== 'hl7.org') domains.add(d);
  }
  domainsByStore.set(store, domains);
  return domains;
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
  const terminology = ctx.terminology;
  const definitions = ctx.definitions;
  if (terminology) validator.useCoreValueSets({ valueSet: (url) => terminology.valueSet(url), coreBinding: (path) => definitions.element(path)?.binding });
  const seen = new Set<string>();
  const findings: ProfileFinding[] = [];
  const add = (f: ProfileFinding): void => {
    const id = `${f.kind}|${JSON.stringify(f.path)}|${f.message}`;
    if (seen.has(id)) return;
    seen.add(id);
    findings.push(f);
  };
  const bundle = ctx.ancestors.find((a) => a.resourceType === 'Bundle')?.value;
  validator.withBundle(bundle, () => {
    for (const profile of new Set([...ctx.profiles, ...globalProfiles(store, ctx.resourceType)])) for (const f of validator.validate(ctx.value, profile)) add(f);
  });
  const allowed = new Set((ctx.settings.allowUnresolvedExtensionDomains ?? []).map((d) => d.toLowerCase()));
  const own = new Set([...extensionDomains(store)].filter((d) => !allowed.has(d)));
  for (const f of checkExtensions(ctx.value, ctx.resourceType, ctx.definitions, store, validator, own)) add(f);
  store.memo.set(key, findings);
  return findings;
}

/** Reports the findings of one kind (the body of each profile-* rule). */
export function reportProfileFindings(ctx: ResourceContext, kinds: readonly Exclude<ProfileFindingKind, 'constraint'>[]): void {
  for (const f of profileFindings(ctx)) {
    if ((kinds as readonly string[]).includes(f.kind)) ctx.report({ path: [...ctx.path, ...f.path], message: f.message, severity: f.severity, data: { profile: f.profile } });
  }
}

/** One FHIRPath compiler per definitions instance (its compiled-expression cache lives as long as the validator). */
const compilers = new WeakMap<object, FhirPathCompiler>();

/** Evaluates the invariants profiles add and reports the failing ones (the profile-invariant rule). */
export function reportProfileInvariants(ctx: ResourceContext): void {
  const pending = profileFindings(ctx).filter((f) => f.kind === 'constraint' && f.constraint);
  if (pending.length === 0) return;
  let compiler = compilers.get(ctx.definitions);
  if (!compiler) compilers.set(ctx.definitions, (compiler = new FhirPathCompiler(ctx.fhirpath)));
  const env = invariantEnv(ctx);
  for (const f of pending) {
    const c = f.constraint!;
    // Core invariants copied into a profile (some generators restamp their source) are the invariant rule's.
    if (SKIPPED_CONSTRAINTS.has(c.key) || isCoreConstraint(ctx, c.key, c.basePath)) continue;
    const fn = compiler.compile(c.expression, c.base);
    if (fn instanceof Error) continue; // an expression fhirpath.js cannot compile is not held against the resource
    let result: unknown[];
    try {
      result = fn(c.value, env);
    } catch {
      continue;
    }
    if (isFailure(result)) ctx.report({ path: [...ctx.path, ...f.path], message: f.message, severity: f.severity, data: { profile: f.profile, key: c.key } });
  }
}
