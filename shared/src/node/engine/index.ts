/**
 * @wheelhouse/shared/node/engine: the Node adapters a validating host needs, and nothing that costs start-up
 * time before it is needed (issue 3). `wheelhouse validate` imports this, not the @wheelhouse/shared/node
 * barrel, which also brings zod (config schema), the catalogue and the package registry client:
 * - fhirpath.js loads when an invariant first needs it (nodeFhirPathProvider);
 * - the config schema (zod) loads only when a wheelhouse.config.json applies (loadEngineOptionsOnDemand);
 * - the package loader (tarballs, registry, snapshot cache) only when packages, workspaces or profiles are
 *   asked for (loadValidationConformanceOnDemand).
 */
import { conformanceRequested } from '../packages/requested.js';
import type { ValidationConformance, ValidationConformanceOptions } from '../packages/validation.js';

export { DefinitionsLoadError, defaultDefinitionsFile, loadR4Definitions } from '../definitions.js';
export { TerminologyLoadError, defaultTerminologyFile, loadR4Terminology } from '../terminology.js';
export { FhirPathLoadError, nodeFhirPathProvider } from '../fhirpath.js';
export {
  ConfigFileError,
  findConfigFile,
  loadEngineOptionsOnDemand,
  type EngineOptionsFromConfig,
} from '../config-file.js';
export type { ValidationConformance, ValidationConformanceOptions } from '../packages/validation.js';
export { conformanceRequested } from '../packages/requested.js';

/** loadValidationConformance, with the package loader imported only when something is asked for. */
export async function loadValidationConformanceOnDemand(
  options: ValidationConformanceOptions,
): Promise<ValidationConformance | undefined> {
  if (!conformanceRequested(options)) return undefined;
  const { loadValidationConformance } = await import('../packages/validation.js');
  return loadValidationConformance(options);
}
