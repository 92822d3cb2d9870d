/**
 * The seam between the invariant checker and HL7's `fhirpath` package (fhirpath.js) with its R4 model.
 * The package costs ~150 ms to load and ~4 ms per expression to compile, so the engine never imports it:
 * the host passes a loader (`FhirPathProvider`) that is called the first time an invariant without a
 * fast path has to be evaluated (see ./fast-paths.ts). Node: shared/src/node/fhirpath.ts; a browser host
 * passes `() => ({ fhirpath, model })` over its static imports.
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

/** Returns fhirpath.js and its R4 model; called at most once per validator, lazily. */
export type FhirPathProvider = () => FhirPathBinding;

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
    try {
      this.binding ??= this.provider();
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
