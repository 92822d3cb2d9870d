/**
 * fhirpath.js for Node hosts, loaded on first use: the engine asks for it only when an invariant leaves its
 * own evaluators, so `wheelhouse validate` on a typical resource never pays the ~130 ms CPU the package and
 * its R4 model take to load (issue 3). A synchronous `require` of the package's CommonJS build (its
 * `exports` map has `require` conditions for `.` and `./fhir-context/r4`); the engine's validate() is
 * synchronous, so a dynamic import() cannot serve. In an esbuild bundle there is no node_modules to require
 * from: bundles pass `staticFhirPathProvider` (@wheelhouse/shared/fhirpath) instead.
 */
import { createRequire } from 'node:module';
import type { FhirPathBinding, FhirPathModule } from '../validation/invariants/fhirpath-engine.js';

const requireHere = createRequire(import.meta.url);

/** Thrown when the `fhirpath` package cannot be loaded; the engine reports it (internal-rule-error). */
export class FhirPathLoadError extends Error {
  override readonly name = 'FhirPathLoadError';
  constructor(readonly reason: string) {
    super(
      `Cannot load fhirpath.js (the \`fhirpath\` package) to evaluate FHIRPath invariants: ${reason}. ` +
        'Reinstall Wheelhouse; in a bundle pass staticFhirPathProvider from @wheelhouse/shared/fhirpath.',
    );
  }
}

/** A FhirPathProvider (ValidatorDeps.fhirpath) that requires fhirpath.js and its R4 model when first called. */
export function nodeFhirPathProvider(): FhirPathBinding {
  try {
    // Node caches the modules: later calls (one per compiler) return the same objects at once.
    return {
      fhirpath: requireHere('fhirpath') as FhirPathModule,
      model: requireHere('fhirpath/fhir-context/r4') as unknown,
    };
  } catch (error) {
    throw new FhirPathLoadError(error instanceof Error ? error.message.split('\n')[0]! : String(error));
  }
}
