/**
 * Reads and validates wheelhouse.config.json (zod, via ../config/parse.ts) and the UK Core index it names.
 * The zod-free part (finding the file, defaults, loadEngineOptionsOnDemand) is ./config-file.ts.
 */
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { CONFIG_FILE_NAME, DEFAULT_CONFIG } from '../config/defaults.js';
import { parseConfig, type ConfigProblem, type ParseConfigOptions } from '../config/parse.js';
import type { WheelhouseConfig } from '../config/schema.js';
import type { UkCoreFacts } from '../identifiers/ukcore-facts.js';
import { ukCoreFactsFromIndex } from '../identifiers/ukcore-index.js';
import {
  ConfigFileError,
  engineOptionsFor,
  findConfigFile,
  type EngineOptionsFromConfig,
  type LoadedConfig,
} from './config-file.js';

export {
  ConfigFileError,
  findConfigFile,
  type EngineOptionsFromConfig,
  type LoadedConfig,
} from './config-file.js';

/** Reads the config that applies to `from`; defaults when there is none; throws ConfigFileError when it is bad. */
export function loadConfig(from: string, options: ParseConfigOptions = {}): LoadedConfig {
  const file = findConfigFile(from);
  if (file === undefined) return { file: undefined, config: DEFAULT_CONFIG, warnings: [] };
  return { file, ...readConfigFile(file, options) };
}

/** Reads and validates one config file. */
export function readConfigFile(
  file: string,
  options: ParseConfigOptions = {},
): { config: WheelhouseConfig; warnings: readonly ConfigProblem[] } {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new ConfigFileError(file, [
      { path: [], message: `cannot read the file: ${reason}`, offset: 0, length: 0, line: 1, column: 1 },
    ]);
  }
  const result = parseConfig(text, options);
  if (!result.ok) throw new ConfigFileError(file, result.errors);
  return { config: result.config, warnings: result.warnings };
}

/** Thrown when the UK Core index named by the config cannot be read. */
export class UkCoreIndexLoadError extends Error {
  override readonly name = 'UkCoreIndexLoadError';
  constructor(
    readonly file: string,
    reason: string,
  ) {
    super(
      `Cannot load the UK Core index ${file}: ${reason}. Set "ukCoreIndex" in ${CONFIG_FILE_NAME} to a ukcore-index/1 file.`,
    );
  }
}

/** Loads UK Core facts from the config's `ukCoreIndex` (relative to the config file); undefined when unset. */
export function loadUkCoreFacts(loaded: LoadedConfig): UkCoreFacts | undefined {
  const path = loaded.config.ukCoreIndex;
  if (path === undefined) return undefined;
  const file = resolve(loaded.file ? dirname(loaded.file) : process.cwd(), path);
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new UkCoreIndexLoadError(file, error instanceof Error ? error.message : String(error));
  }
  try {
    return ukCoreFactsFromIndex(json);
  } catch (error) {
    throw new UkCoreIndexLoadError(file, error instanceof Error ? error.message : String(error));
  }
}

/**
 * Loads the config for `from` and the UK Core index it names, and returns validate() options. Throws
 * ConfigFileError for a bad config; an unreadable UK Core index is a warning (the checks needing it are skipped).
 */
export function loadEngineOptions(from: string, options: ParseConfigOptions = {}): EngineOptionsFromConfig {
  const loaded = loadConfig(from, options);
  const warnings = loaded.warnings.map(
    (w) => `${loaded.file ?? CONFIG_FILE_NAME}:${w.line}:${w.column}: ${w.message}`,
  );
  let ukCore: UkCoreFacts | undefined;
  try {
    ukCore = loadUkCoreFacts(loaded);
  } catch (error) {
    if (!(error instanceof UkCoreIndexLoadError)) throw error;
    warnings.push(`${error.message} UK Core canonical checks are skipped.`);
  }
  return engineOptionsFor(loaded, ukCore, warnings);
}
