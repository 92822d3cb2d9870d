/**
 * FHIRPath invariants of the core definitions: the checker, the fhirpath.js seam and its fast paths.
 * The rule that reports them is rules/invariant.ts.
 */
import type { Definitions } from '../definitions/index.js';
import type { ResourceContext } from '../rule.js';
import { InvariantChecker } from './checker.js';
import type { FhirPathProvider, InvariantEnv } from './fhirpath-engine.js';

export {
  InvariantChecker,
  SKIPPED_CONSTRAINTS,
  EMPTY_FAILS,
  CORRECTED_EXPRESSIONS,
  isFailure,
  type ApplicableConstraint,
  type InvariantFailure,
  type InvariantStats,
} from './checker.js';
export {
  FhirPathCompiler,
  MissingFhirPathProviderError,
  checkFhirPathProvider,
  type FhirPathProvider,
  type FhirPathBinding,
  type FhirPathModule,
  type InvariantEnv,
} from './fhirpath-engine.js';
export { fastPathFor, type FastPath } from './fast-paths.js';
export { checkDom3 } from './dom-3.js';

/**
 * One checker per (Definitions, fhirpath provider) pair, i.e. per validator in practice, created on first
 * use: its compiled-expression cache then lives as long as the validator. WeakMaps keyed by the injected
 * objects, not global state.
 */
const checkers = new WeakMap<Definitions, WeakMap<FhirPathProvider, InvariantChecker>>();
/** The last answer of invariantCheckerFor (a cache in front of `checkers`, same lifetime rules). */
let last: { definitions: Definitions; provider: FhirPathProvider; checker: InvariantChecker } | undefined;

export function invariantCheckerFor(definitions: Definitions, provider: FhirPathProvider): InvariantChecker {
  // The invariant rule asks on every element, always with the same pair: answer it without the WeakMaps.
  if (last && last.definitions === definitions && last.provider === provider) return last.checker;
  let byProvider = checkers.get(definitions);
  if (!byProvider) checkers.set(definitions, (byProvider = new WeakMap()));
  let checker = byProvider.get(provider);
  if (!checker) {
    checker = new InvariantChecker(definitions, provider);
    byProvider.set(provider, checker);
  }
  last = { definitions, provider, checker };
  return checker;
}

/**
 * %resource is the resource the element is in; %rootResource its container when it is contained
 * (FHIRPath for FHIR, https://hl7.org/fhir/R4/fhirpath.html#variables), else the resource itself:
 * a Bundle entry's resource is its own root.
 */
export function invariantEnv(ctx: ResourceContext): InvariantEnv {
  let root: unknown = ctx.value;
  let path = ctx.path;
  for (const ancestor of ctx.ancestors) {
    if (path[path.length - 2] !== 'contained') break;
    root = ancestor.value;
    path = ancestor.path;
  }
  return { resource: ctx.value, rootResource: root };
}
