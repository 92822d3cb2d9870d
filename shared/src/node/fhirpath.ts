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

/**
 * A FhirPathProvider for code that runs both from its ES modules and inside an esbuild bundle (the language
 * server and its worker: the VS Code extension bundles them): fhirpath.js loads when first asked for in both.
 * In a bundle the two `require` calls below are bundled modules, evaluated only now; as ES modules (no
 * `require` in scope) it is nodeFhirPathProvider. Unlike staticFhirPathProvider, whose import costs ~130 ms
 * CPU at start-up, a server whose documents stay inside the engine's own evaluators never loads it (issue 7).
 */
export function bundledOrNodeFhirPathProvider(): FhirPathBinding {
  let fhirpath: unknown;
  let model: unknown;
  try {
    /* eslint-disable @typescript-eslint/no-require-imports -- literal requires so esbuild bundles them */
    fhirpath = require('fhirpath');
    model = require('fhirpath/fhir-context/r4');
    /* eslint-enable @typescript-eslint/no-require-imports */
  } catch {
    // Not bundled (an ES module has no `require`), or a bundle that left the package external (esbuild's
    // require shim throws): from node_modules, or FhirPathLoadError.
    return nodeFhirPathProvider();
  }
  return { fhirpath: fhirpath as FhirPathModule, model };
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
