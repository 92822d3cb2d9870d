/**
 * The `wheelhouse.*` settings the server reads, per document (STYLE.md 6): pulled with workspace/configuration
 * for the document's URI, checked field by field (a bad value falls back to its default and is logged, it never
 * crashes the server), cached until the client says the configuration changed. The names match
 * `contributes.configuration` in extension-vscode/package.json.
 */
import { isAbsolute } from 'node:path';
import type { Severity } from '@wheelhouse/shared/validation';

export interface WheelhouseSettings {
  /** `wheelhouse.validate.enable`: false publishes no diagnostics. */
  validateEnable: boolean;
  /** `wheelhouse.rules`: per-rule severity or 'off'. */
  rules: Record<string, Severity | 'off'>;
  /** `wheelhouse.profiles`: extra profile canonicals every resource is validated against. */
  profiles: string[];
  /** `wheelhouse.fhirCache`: the FHIR package cache folder packages are read from (default: $FHIR_PACKAGE_CACHE or ~/.fhir/packages). */
  fhirCache?: string;
}

export const DEFAULT_SETTINGS: Readonly<WheelhouseSettings> = Object.freeze({
  validateEnable: true,
  rules: {},
  profiles: [],
});

const RULE_LEVELS = new Set(['error', 'warning', 'information', 'off']);

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Parses the `wheelhouse` configuration section; each problem is passed to `warn` and that field defaults. */
export function parseSettings(raw: unknown, warn: (message: string) => void): WheelhouseSettings {
  const settings: WheelhouseSettings = {
    validateEnable: DEFAULT_SETTINGS.validateEnable,
    rules: {},
    profiles: [],
  };
  if (raw === undefined || raw === null) return settings;
  if (!isRecord(raw)) {
    warn(`settings: "wheelhouse" should be an object; using defaults`);
    return settings;
  }
  const validate = raw['validate'];
  if (isRecord(validate) && validate['enable'] !== undefined) {
    if (typeof validate['enable'] === 'boolean') settings.validateEnable = validate['enable'];
    else warn(`settings: wheelhouse.validate.enable should be true or false; using true`);
  }
  const rules = raw['rules'];
  if (rules !== undefined) {
    if (isRecord(rules)) {
      for (const [id, level] of Object.entries(rules)) {
        if (typeof level === 'string' && RULE_LEVELS.has(level))
          settings.rules[id] = level as Severity | 'off';
        else
          warn(
            `settings: wheelhouse.rules["${id}"] should be one of error, warning, information, off; ignored`,
          );
      }
    } else {
      warn(`settings: wheelhouse.rules should be an object of rule id -> level; ignored`);
    }
  }
  const profiles = raw['profiles'];
  if (profiles !== undefined) {
    if (Array.isArray(profiles) && profiles.every((p) => typeof p === 'string')) settings.profiles = profiles;
    else warn(`settings: wheelhouse.profiles should be a list of profile URLs; ignored`);
  }
  const fhirCache = raw['fhirCache'];
  if (fhirCache !== undefined && fhirCache !== null && fhirCache !== '') {
    if (typeof fhirCache === 'string' && isAbsolute(fhirCache)) settings.fhirCache = fhirCache;
    else
      warn(
        `settings: wheelhouse.fhirCache should be an absolute folder path; using the default FHIR package cache`,
      );
  }
  return settings;
}

export interface SettingsStore {
  get(uri: string): Promise<WheelhouseSettings>;
  /** Forget cached values (on workspace/didChangeConfiguration). */
  clear(): void;
}

/**
 * `fetch` asks the client for the section (undefined when the client cannot answer workspace/configuration,
 * in which case every document gets the defaults).
 */
export function createSettingsStore(
  fetch: ((uri: string) => Promise<unknown>) | undefined,
  warn: (message: string) => void,
): SettingsStore {
  const cache = new Map<string, Promise<WheelhouseSettings>>();
  return {
    get(uri) {
      if (!fetch) return Promise.resolve({ ...DEFAULT_SETTINGS });
      let settings = cache.get(uri);
      if (!settings) {
        settings = fetch(uri).then(
          (raw) => parseSettings(raw, warn),
          (error: unknown) => {
            warn(
              `settings: could not read the configuration for ${uri} (${error instanceof Error ? error.message : String(error)}); using defaults`,
            );
            return { ...DEFAULT_SETTINGS };
          },
        );
        cache.set(uri, settings);
      }
      return settings;
    },
    clear() {
      cache.clear();
    },
  };
}
