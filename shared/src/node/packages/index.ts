/** Node adapters for FHIR packages: cache, .tgz/workspace reading, loading, registry install, core definitions. */
export { defaultFhirCacheDir, FhirPackageCache, type CachedPackage } from './cache.js';
export { buildCoreDefinitions, CoreDefinitionsError, defaultPrebuiltCoreFile, loadCoreDefinitionEntries, loadCoreDefinitions, writeCoreDefinitionsFile, type CoreDefinitionEntry } from './core-definitions.js';
export { readPackageFolder, readTgz, readWorkspace, type FoundResource, type XmlToJson } from './files.js';
export { loadConformance, type LoadConformanceOptions, type LoadedConformance, type LoadedPackageInfo } from './loader.js';
export { DEFAULT_REGISTRY, installPackage, RegistryError, type InstalledPackage, type InstallOptions } from './registry.js';
export { PackageSpecError } from '../../packages/spec.js';
export { SnapshotDiskCache, snapshotCacheKey, SNAPSHOT_GENERATOR_VERSION } from '../snapshot-cache.js';
export { defaultWheelhouseCacheDir, loadValidationConformance, type ValidationConformance, type ValidationConformanceOptions } from './validation.js';
