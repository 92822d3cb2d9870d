/**
 * The part of wheelhouse.config.json loading that needs no zod: finding the file, the error type, and what
 * applies when there is no file. `loadEngineOptionsOnDemand` loads the schema (./config.ts) only when a
 * file exists, so `wheelhouse validate` without a config starts ~100 ms CPU faster (issue 3); a file that
 * exists is validated exactly as `loadEngineOptions` does.
 */
import { existsSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import {
  CONFIG_FILE_NAME,
  configToValidateOptions,
  DEFAULT_CONFIG,
  formatConfigProblems,
} from '../config/defaults.js';
import type { ConfigProblem, ParseConfigOptions } from '../config/parse.js';
import type { WheelhouseConfig } from '../config/schema.js';
import type { UkCoreFacts } from '../identifiers/ukcore-facts.js';

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

/** The validate() options of a loaded config and the UK Core facts it names. */
export function engineOptionsFor(
  loaded: LoadedConfig,
  ukCore: UkCoreFacts | undefined,
  warnings: string[],
): EngineOptionsFromConfig {
  const base = configToValidateOptions(loaded.config);
  return {
    file: loaded.file,
    config: loaded.config,
    options: { ...base, settings: { ...base.settings, ...(ukCore ? { ukCore } : {}) } },
    warnings,
  };
}

/**
 * `loadEngineOptions` (./config.ts) with its schema loaded only when a config file applies to `from`:
 * the defaults otherwise. Throws ConfigFileError for a bad config, as loadEngineOptions does.
 */
export async function loadEngineOptionsOnDemand(
  from: string,
  options: ParseConfigOptions = {},
): Promise<EngineOptionsFromConfig> {
  if (findConfigFile(from) === undefined) {
    return engineOptionsFor({ file: undefined, config: DEFAULT_CONFIG, warnings: [] }, undefined, []);
  }
  const { loadEngineOptions } = await import('./config.js');
  return loadEngineOptions(from, options);
}
