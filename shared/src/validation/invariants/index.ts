/**
 * FHIRPath invariants of the core definitions: the checker, the fhirpath.js seam and its fast paths.
 * The rule that reports them is rules/invariant.ts.
 */
import type { Definitions } from '../definitions/index.js';
import type { ResourceContext } from '../rule.js';
import { InvariantChecker } from './checker.js';
import type { FhirPathProvider, InvariantEnv } from './fhirpath-engine.js';
import { defaultFhirPathProvider } from './default-provider.js';

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
  type FhirPathProvider,
  type FhirPathBinding,
  type FhirPathModule,
  type InvariantEnv,
} from './fhirpath-engine.js';
export { fastPathFor, type FastPath } from './fast-paths.js';
export { checkDom3 } from './dom-3.js';

/**
 * One checker per Definitions instance (the validator's), created on first use: its compiled-expression
 * cache then lives as long as the validator. A WeakMap keyed by the injected object, not global state.
 */
const checkers = new WeakMap<Definitions, InvariantChecker>();

export function invariantCheckerFor(
  definitions: Definitions,
  provider: FhirPathProvider = defaultFhirPathProvider,
): InvariantChecker {
  let checker = checkers.get(definitions);
  if (!checker) {
    checker = new InvariantChecker(definitions, provider);
    checkers.set(definitions, checker);
  }
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
