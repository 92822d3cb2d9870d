/**
 * The default fhirpath.js binding: the package's ES module build and its R4 model. Browser-safe (no Node
 * imports). Imported statically, so loading the engine pays the package's load time (~110-150 ms measured,
 * see BENCHMARKS.md "FHIR conformance"); compilation stays lazy and cached.
 */
import fhirpath from 'fhirpath';
import r4Model from 'fhirpath/fhir-context/r4';
import type { FhirPathBinding } from './fhirpath-engine.js';

const binding: FhirPathBinding = { fhirpath, model: r4Model };

export function defaultFhirPathProvider(): FhirPathBinding {
  return binding;
}
