/**
 * fhirpath.js (the package's ES module build) and its R4 model over static imports; browser-safe. Importing
 * this module loads the package (~130 ms CPU), so nothing on the engine's import path does: hosts pass it
 * (as `staticFhirPathProvider` from @wheelhouse/shared/fhirpath) or the on-demand Node provider
 * (shared/src/node/fhirpath.ts) as ValidatorDeps.fhirpath.
 */
import fhirpath from 'fhirpath';
import r4Model from 'fhirpath/fhir-context/r4';
import type { FhirPathBinding } from './fhirpath-engine.js';

const binding: FhirPathBinding = { fhirpath, model: r4Model };

export function defaultFhirPathProvider(): FhirPathBinding {
  return binding;
}
