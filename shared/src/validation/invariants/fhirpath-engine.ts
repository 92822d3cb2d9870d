/**
 * The seam between the engine and HL7's `fhirpath` package (fhirpath.js) with its R4 model. The package
 * costs ~130 ms CPU to load and ~4 ms per expression to compile, so the engine never imports it: the host
 * passes a loader (`FhirPathProvider`, ValidatorDeps.fhirpath) that is called the first time an invariant
 * leaves the engine's own evaluators (./fast-paths.ts, ./mini-fhirpath.ts). Node: `nodeFhirPathProvider`
 * (shared/src/node/fhirpath.ts, a require on demand); bundles and browsers: `staticFhirPathProvider`
 * (shared/src/fhirpath, static imports).
 */

/** The subset of fhirpath.js we use (its `compile`, with the R4 model object passed through untouched). */
export interface FhirPathModule {
  compile(
    path: string | { base: string; expression: string },
    model?: unknown,
    options?: { resolveInternalTypes?: boolean; traceFn?: (value: unknown, label: string) => void },
  ): (data: unknown, env?: Record<string, unknown>) => unknown[];
}

export interface FhirPathBinding {
  fhirpath: FhirPathModule;
  /** `fhirpath/fhir-context/r4`. */
  model: unknown;
}

/**
 * Returns fhirpath.js and its R4 model; called lazily, once per compiler. It throws when the package cannot
 * be loaded: the engine then reports internal-rule-error, it never skips the invariant silently.
 */
export type FhirPathProvider = () => FhirPathBinding;

/** Thrown by createValidator when the host passed no FhirPathProvider (a JavaScript caller, no types). */
export class MissingFhirPathProviderError extends Error {
  override readonly name = 'MissingFhirPathProviderError';
  constructor() {
    super(
      'createValidator needs `fhirpath`, a FhirPathProvider: nodeFhirPathProvider from @wheelhouse/shared/node, ' +
        'or staticFhirPathProvider from @wheelhouse/shared/fhirpath in a bundle or browser. Without it ' +
        'invariants outside the built-in evaluator could not be checked.',
    );
  }
}

/** The provider, checked at construction so a missing one fails before any document is validated. */
export function checkFhirPathProvider(provider: FhirPathProvider | undefined): FhirPathProvider {
  if (typeof provider !== 'function') throw new MissingFhirPathProviderError();
  return provider;
}

/** A compiled invariant: evaluates against one element value, returns the raw FHIRPath result. */
export type CompiledExpression = (value: unknown, env: InvariantEnv) => unknown[];

/** %resource and %rootResource (FHIRPath spec, "Environment variables" for FHIR). */
export interface InvariantEnv {
  resource: unknown;
  rootResource: unknown;
}

/** Compiles each (base, expression) once; the cache lives in the instance (STYLE.md 7). */
export class FhirPathCompiler {
  private binding: FhirPathBinding | undefined;
  private readonly cache = new Map<string, CompiledExpression | Error>();
  /** How many expressions were compiled with fhirpath.js (for benchmarks). */
  compiled = 0;

  private readonly provider: FhirPathProvider;

  constructor(provider: FhirPathProvider) {
    this.provider = provider;
  }

  /**
   * `base` is the element path the expression runs on ('Questionnaire.item', 'Period'); undefined for a
   * resource root, where fhirpath.js reads the type from `resourceType`.
   */
  compile(expression: string, base: string | undefined): CompiledExpression | Error {
    const key = base === undefined ? expression : `${base}\u0000${expression}`;
    let fn = this.cache.get(key);
    if (fn) return fn;
    // A provider that cannot load fhirpath.js throws out of here (the rule's internal-rule-error): only
    // an expression fhirpath.js rejects is cached as an Error.
    this.binding ??= this.provider();
    try {
      const { fhirpath, model } = this.binding;
      const raw = fhirpath.compile(base === undefined ? expression : { base, expression }, model, {
        resolveInternalTypes: true,
        // Some core invariants call trace(); keep them quiet.
        traceFn: () => undefined,
      });
      this.compiled++;
      fn = (value, env) => raw(value, { resource: env.resource, rootResource: env.rootResource });
    } catch (error) {
      fn = error instanceof Error ? error : new Error(String(error));
    }
    this.cache.set(key, fn);
    return fn;
  }
}
