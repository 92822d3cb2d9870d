/** Node-only adapters (file system, package cache). Browser code must not import this module. */
export { DefinitionsLoadError, defaultDefinitionsFile, loadR4Definitions } from './definitions.js';
