/** Finds and reads wheelhouse.config.json (and the UK Core index it names) from the file system. */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import {
  CONFIG_FILE_NAME,
  configToValidateOptions,
  DEFAULT_CONFIG,
  formatConfigProblems,
  parseConfig,
  type ConfigProblem,
  type ParseConfigOptions,
  type WheelhouseConfig,
} from '../config/index.js';
import { ukCoreFactsFromIndex, type UkCoreFacts } from '../identifiers/index.js';

/** Thrown when a config file exists but cannot be read or is invalid; `problems` are located. */
export class ConfigFileError extends Error {
  override readonly name = 'ConfigFileError';
  constructor(
    readonly file: string,
    readonly problems: readonly ConfigProblem[],
  ) {
    super(
      `Invalid ${CONFIG_FILE_NAME}:\n${formatConfigProblems(file, problems)}\nFix the file or see docs/configuration.md.`,
    );
  }
}

/** The nearest wheelhouse.config.json at or above `from` (a file or a directory), or undefined. */
export function findConfigFile(from: string): string | undefined {
  let dir = resolve(from);
  try {
    if (!statSync(dir).isDirectory()) dir = dirname(dir);
  } catch {
    dir = dirname(dir);
  }
  for (;;) {
    const candidate = join(dir, CONFIG_FILE_NAME);
    if (existsSync(candidate)) return candidate;
    const parent = dirname(dir);
    if (parent === dir) return undefined;
    dir = parent;
  }
}

export interface LoadedConfig {
  /** The file read, or undefined when none was found (defaults apply). */
  file: string | undefined;
  config: WheelhouseConfig;
  warnings: readonly ConfigProblem[];
}

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

/** Engine options implied by the config that applies to `from`, for `validate()` (CLI and language server). */
export interface EngineOptionsFromConfig {
  file: string | undefined;
  config: WheelhouseConfig;
  options: {
    profiles: string[];
    rules: Record<string, 'error' | 'warning' | 'information' | 'off'>;
    settings: {
      pdsCompatibility: boolean;
      allowUnresolvedExtensionDomains: string[];
      fhirVersion: string;
      ukCore?: UkCoreFacts;
    };
  };
  /** Human-readable warnings (unknown rule ids, an unreadable UK Core index); the caller prints or logs them. */
  warnings: string[];
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
  const base = configToValidateOptions(loaded.config);
  return {
    file: loaded.file,
    config: loaded.config,
    options: { ...base, settings: { ...base.settings, ...(ukCore ? { ukCore } : {}) } },
    warnings,
  };
}
