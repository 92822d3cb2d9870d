/**
 * What applies when there is no wheelhouse.config.json, and the engine options a config implies: no zod
 * here, so `wheelhouse validate` without a config file never loads the schema (~100 ms CPU, issue 3).
 * DEFAULT_CONFIG is what WheelhouseConfigSchema.parse({}) gives; parse.test.ts keeps the two equal.
 */
import type { ConfigProblem } from './parse.js';
import type { WheelhouseConfig } from './schema.js';

export const CONFIG_FILE_NAME = 'wheelhouse.config.json';

/** The config used when no file is found (every schema default). */
export const DEFAULT_CONFIG: WheelhouseConfig = Object.freeze({
  fhirVersion: '4.0.1',
  rules: {},
  profiles: [],
  packages: {},
  pdsCompatibility: false,
  allowUnresolvedExtensionDomains: [],
  catalogue: {
    repository: 'wheelhouse-nhs/wheelhouse',
    url: 'https://wheelhouse-nhs.github.io/wheelhouse',
  },
});

/** The engine options a config implies (CLI and language server pass these to validate()). */
export function configToValidateOptions(config: WheelhouseConfig): {
  profiles: string[];
  rules: Record<string, 'error' | 'warning' | 'information' | 'off'>;
  settings: { pdsCompatibility: boolean; allowUnresolvedExtensionDomains: string[]; fhirVersion: string };
} {
  return {
    profiles: [...config.profiles],
    rules: { ...config.rules },
    settings: {
      pdsCompatibility: config.pdsCompatibility,
      allowUnresolvedExtensionDomains: [...config.allowUnresolvedExtensionDomains],
      fhirVersion: config.fhirVersion,
    },
  };
}

/** Formats problems as `file:line:column: message` lines. */
export function formatConfigProblems(fileName: string, problems: readonly ConfigProblem[]): string {
  return problems.map((p) => `${fileName}:${p.line}:${p.column}: ${p.message}`).join('\n');
}
