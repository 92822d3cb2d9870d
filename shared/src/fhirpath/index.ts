/**
 * @wheelhouse/shared/fhirpath: fhirpath.js and its R4 model as a FhirPathProvider over static imports, for
 * hosts that cannot load a package on demand (esbuild bundles such as the VS Code extension's server,
 * browsers). Importing this module loads fhirpath.js (~130 ms CPU); Node hosts that want a fast start pass
 * `nodeFhirPathProvider` from @wheelhouse/shared/node instead.
 */
export { defaultFhirPathProvider as staticFhirPathProvider } from '../validation/invariants/default-provider.js';
export type {
  FhirPathBinding,
  FhirPathModule,
  FhirPathProvider,
} from '../validation/invariants/fhirpath-engine.js';
