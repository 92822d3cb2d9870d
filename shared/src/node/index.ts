/** Node-only adapters (file system, package cache). Browser code must not import this module. */
export { DefinitionsLoadError, defaultDefinitionsFile, loadR4Definitions } from './definitions.js';
export { ConfigFileError, UkCoreIndexLoadError, findConfigFile, loadConfig, loadUkCoreFacts, readConfigFile, type LoadedConfig } from './config.js';
