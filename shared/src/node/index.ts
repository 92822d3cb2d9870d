/** Node-only adapters (file system, package cache). Browser code must not import this module. */
export { DefinitionsLoadError, defaultDefinitionsFile, loadR4Definitions } from './definitions.js';
export { ConfigFileError, UkCoreIndexLoadError, findConfigFile, loadConfig, loadEngineOptions, loadUkCoreFacts, readConfigFile, type EngineOptionsFromConfig, type LoadedConfig } from './config.js';
export { loadEngineOptionsOnDemand } from './config-file.js';
// The validating ukcore-index/1 reader (zod); the engine takes its result as settings.ukCore.
export { ukCoreFactsFromIndex, UkCoreIndexSchema } from '../identifiers/ukcore-index.js';
export { CatalogueReadError, readManifestDir, readManifestFile, writeBuiltFiles, writeTextFile } from './catalogue-fs.js';
export { bundledOrNodeFhirPathProvider, FhirPathLoadError, nodeFhirPathProvider } from './fhirpath.js';
export { TerminologyLoadError, defaultTerminologyFile, loadR4Terminology } from './terminology.js';
export * from './packages/index.js';
