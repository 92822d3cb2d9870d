/**
 * wheelhouse.config.json in the editor (issue 7): the file that applies to a document (nearest at or above it)
 * overlays the editor's `wheelhouse.*` settings where both speak (rules, profiles), and is where "turn this rule
 * off" writes. Read through the shared Node loader; cached per directory until the file changes.
 */
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { CONFIG_FILE_NAME } from '@wheelhouse/shared/config';
import { findConfigFile, loadEngineOptions, type EngineOptionsFromConfig } from '@wheelhouse/shared/node';
import type { ConfigTarget } from './code-actions.js';

export interface ConfigOverlay {
  rules: Record<string, 'error' | 'warning' | 'information' | 'off'>;
  profiles: string[];
  /** The engine settings (pdsCompatibility, fhirVersion, ukCore, ...), passed to validate() as the CLI does. */
  settings: EngineOptionsFromConfig['options']['settings'];
  /** The config's packages as loadValidationConformance takes them: `id#version`, or a path for "file:<path>". */
  packages: string[];
  /** The config file's path. */
  file: string;
}

/** `packages` (id -> version or "file:<path>", relative to the config file) as the CLI maps them. */
export function packageSpecs(packages: Record<string, string>, configDir: string): string[] {
  return Object.entries(packages).map(([id, version]) =>
    version.startsWith('file:') ? resolve(configDir, version.slice('file:'.length)) : `${id}#${version}`,
  );
}

export interface ConfigFiles {
  /** The config's rules and profiles for a document; undefined when there is no config file (or it is invalid, which `warn` reports). */
  overlay(documentUri: string): ConfigOverlay | undefined;
  /** Where "turn this rule off" writes for a document. */
  target(documentUri: string, openText: (uri: string) => string | undefined): ConfigTarget | undefined;
  /** Forget what was read (a config file changed). */
  clear(): void;
  /** Is this URI a config file? */
  isConfigFile(uri: string): boolean;
}

function filePath(uri: string): string | undefined {
  if (!uri.startsWith('file:')) return undefined;
  try {
    return fileURLToPath(uri);
  } catch {
    return undefined;
  }
}

/** Merges the config overlay into the raw `wheelhouse` settings section: the file wins where both speak. */
export function mergeSettings(raw: unknown, overlay: ConfigOverlay | undefined): unknown {
  if (!overlay) return raw;
  const base =
    raw !== null && typeof raw === 'object' && !Array.isArray(raw) ? (raw as Record<string, unknown>) : {};
  const rules =
    base['rules'] !== null && typeof base['rules'] === 'object'
      ? (base['rules'] as Record<string, unknown>)
      : {};
  const profiles = Array.isArray(base['profiles']) ? (base['profiles'] as unknown[]) : [];
  return {
    ...base,
    rules: { ...rules, ...overlay.rules },
    profiles: [...new Set([...profiles, ...overlay.profiles])],
  };
}

/** `folders()`: the workspace folder paths (a new config file is created in the one holding the document). */
export function createConfigFiles(
  folders: () => readonly string[],
  warn: (message: string) => void,
  onClear?: () => void,
): ConfigFiles {
  const cache = new Map<string, ConfigOverlay | undefined>();
  return {
    overlay(documentUri) {
      const path = filePath(documentUri);
      if (!path) return undefined;
      const dir = dirname(path);
      if (cache.has(dir)) return cache.get(dir);
      let overlay: ConfigOverlay | undefined;
      try {
        const loaded = loadEngineOptions(dir);
        for (const w of loaded.warnings) warn(w);
        overlay = loaded.file
          ? {
              rules: loaded.options.rules,
              profiles: loaded.options.profiles,
              settings: loaded.options.settings,
              packages: packageSpecs(loaded.config.packages, dirname(loaded.file)),
              file: loaded.file,
            }
          : undefined;
      } catch (error) {
        warn(error instanceof Error ? error.message : String(error));
      }
      cache.set(dir, overlay);
      return overlay;
    },
    target(documentUri, openText) {
      const path = filePath(documentUri);
      if (!path) return undefined;
      const existing = findConfigFile(dirname(path));
      if (existing) {
        const uri = pathToFileURL(existing).href;
        let text = openText(uri);
        if (text === undefined) {
          try {
            text = readFileSync(existing, 'utf8');
          } catch {
            return undefined;
          }
        }
        return { uri, text };
      }
      const folder = [...folders()]
        .filter((f) => path.startsWith(f.endsWith('/') ? f : `${f}/`))
        .sort((a, b) => b.length - a.length)[0];
      return { uri: pathToFileURL(join(folder ?? dirname(path), CONFIG_FILE_NAME)).href, text: undefined };
    },
    clear() {
      cache.clear();
      onClear?.();
    },
    isConfigFile(uri) {
      return uri.endsWith(`/${CONFIG_FILE_NAME}`);
    },
  };
}
