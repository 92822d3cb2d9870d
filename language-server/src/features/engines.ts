/**
 * The engine for a document (issue 7): core definitions and terminology, plus the packages from the applying
 * wheelhouse.config.json and the conformance resources of the document's workspace folder (so an IG source
 * repository's own profiles and value sets are used), loaded lazily, once per folder and config, exactly as
 * `wheelhouse validate` loads them. Package problems (a missing dependency) are told once, not per document.
 * Rebuilt when the config or a conformance resource changes.
 */
import { closeSync, openSync, readSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { loadValidationConformance } from '@wheelhouse/shared/node';
import type { FhirPathProvider } from '@wheelhouse/shared/fhirpath';
import {
  createValidator,
  type Definitions,
  type Terminology,
  type ValidateOptions,
  type Validator,
} from '@wheelhouse/shared/validation';
import type { ConfigFiles } from './config-file.js';
import type { DocumentEngine } from './diagnostics.js';
import type { WorkerConformance } from '../worker/pool.js';

/** Resource types whose change can change how other files validate. */
const CONFORMANCE_TYPES =
  /"resourceType"\s*:\s*"(StructureDefinition|ValueSet|CodeSystem|ConceptMap|NamingSystem)"/;

export interface EnginesDeps {
  /** The core data (loaded on first use); undefined when it could not be loaded (already told). */
  core(): { definitions: Definitions; terminology: Terminology; fhirpath: FhirPathProvider } | undefined;
  /** The core-only validator built from `core()`. */
  coreValidator(): Validator | undefined;
  folders(): readonly string[];
  configFiles: ConfigFiles;
  log(message: string): void;
  /** Tells the user once (window/showMessage). */
  tell(message: string): void;
}

/** What a document's settings say about its engine. */
export interface EngineRequest {
  /** `wheelhouse.fhirCache`: the FHIR package cache folder packages are read from. */
  fhirCache?: string | undefined;
}

export interface Engines {
  /** `request`: the document's editor settings that choose its engine. */
  engine(uri: string, request?: EngineRequest): DocumentEngine | undefined;
  /** Drop every loaded set (the config or a conformance resource changed). */
  clear(): void;
  /** A document was saved: a conformance resource drops the loaded sets (they are read from disk). */
  documentChanged(uri: string, text: string): boolean;
  /**
   * A file changed on disk outside the editor (git pull, another tool): a conformance resource, or a deleted
   * file that may have been one, drops the loaded sets.
   */
  fileChanged(uri: string, deleted: boolean): boolean;
}

/** The first 4 KB of a file (where resourceType sits in practice); empty when it cannot be read. */
function readHead(path: string): string {
  let fd: number | undefined;
  try {
    fd = openSync(path, 'r');
    const buffer = Buffer.alloc(4096);
    return buffer.toString('utf8', 0, readSync(fd, buffer, 0, buffer.length, 0));
  } catch {
    return '';
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

function pathOf(uri: string): string | undefined {
  if (!uri.startsWith('file:')) return undefined;
  try {
    return fileURLToPath(uri);
  } catch {
    return undefined;
  }
}

interface Loaded {
  validator: Validator;
  unresolvedDomains: string[];
  conformance: WorkerConformance | undefined;
}

export function createEngines(deps: EnginesDeps): Engines {
  const sets = new Map<string, Loaded>();
  // Sets handed out, loaded here or only in the worker: a change to a conformance resource drops them all (the
  // generation in the key makes the worker load them again).
  const active = new Set<string>();
  const told = new Set<string>();
  let generation = 0;

  const folderOf = (path: string): string | undefined =>
    [...deps.folders()]
      .filter((f) => path.startsWith(f.endsWith('/') ? f : `${f}/`))
      .sort((a, b) => b.length - a.length)[0];

  /** A conformance set's load issue, from here or the worker: logged; a missing package or a failed load told once. */
  const report = (issue: { code: string; message: string }): void => {
    deps.log(issue.message);
    if ((issue.code === 'missing-dependency' || issue.code === 'load-failed') && !told.has(issue.message)) {
      told.add(issue.message);
      deps.tell(issue.message);
    }
  };

  const load = (conformance: WorkerConformance): Loaded | undefined => {
    const key = JSON.stringify(conformance);
    const cached = sets.get(key);
    if (cached) return cached;
    const core = deps.core();
    const coreValidator = deps.coreValidator();
    if (!core || !coreValidator) return undefined;
    let loaded: Loaded;
    try {
      const started = Date.now();
      const result = loadValidationConformance({ definitions: core.definitions, ...conformance });
      for (const issue of result?.issues ?? []) report(issue);
      loaded = result
        ? {
            validator: createValidator({ ...core, conformance: result.store }),
            unresolvedDomains: result.unresolvedDomains,
            conformance,
          }
        : { validator: coreValidator, unresolvedDomains: [], conformance: undefined };
      deps.log(
        `conformance for ${conformance.workspaces.join(', ') || 'no folder'} (${conformance.packages.length} packages) loaded in ${Date.now() - started} ms`,
      );
    } catch (error) {
      // A broken package must not cost the user every diagnostic: validate against the core, say why once.
      const message = `Wheelhouse could not load packages or workspace profiles: ${error instanceof Error ? error.message : String(error)}`;
      deps.log(message);
      if (!told.has(message)) {
        told.add(message);
        deps.tell(message);
      }
      loaded = { validator: coreValidator, unresolvedDomains: [], conformance: undefined };
    }
    sets.set(key, loaded);
    return loaded;
  };

  return {
    engine(uri, request) {
      const path = pathOf(uri);
      const folder = path ? folderOf(path) : undefined;
      const overlay = path ? deps.configFiles.overlay(uri) : undefined;
      const packages = overlay?.packages ?? [];
      if (!folder && packages.length === 0) {
        const validator = deps.coreValidator();
        return validator
          ? {
              validator,
              ...(overlay ? { settings: overlay.settings } : {}),
              viaWorker: (pool, source, options, token) => pool.validate(source, options, token),
            }
          : undefined;
      }
      // The core is loaded on the main thread in any case (hover, completion); without it there is no engine.
      if (!deps.coreValidator()) return undefined;
      const conformance: WorkerConformance = {
        packages,
        workspaces: folder ? [folder] : [],
        profiles: overlay?.profiles ?? [],
        generation,
        ...(request?.fhirCache ? { fhirCache: request.fhirCache } : {}),
      };
      const key = JSON.stringify(conformance);
      active.add(key);
      const base = overlay?.settings;
      // Until the set is loaded here (only when the worker cannot run), the worker adds its unresolved domains.
      const settingsWith = (domains: readonly string[]): ValidateOptions['settings'] =>
        base || domains.length > 0
          ? {
              ...base,
              allowUnresolvedExtensionDomains: [...(base?.allowUnresolvedExtensionDomains ?? []), ...domains],
            }
          : undefined;
      return {
        // Loaded on the main thread when first read: when the worker cannot validate the document.
        get validator() {
          return load(conformance)?.validator ?? deps.coreValidator()!;
        },
        get settings() {
          const loaded = sets.get(key);
          return settingsWith(loaded?.unresolvedDomains ?? []);
        },
        workerFirst: !sets.has(key),
        viaWorker: async (pool, source, options, token) => {
          const result = await pool.validate(source, options, token, conformance);
          for (const issue of result.conformanceIssues ?? []) report(issue);
          return result;
        },
      };
    },
    clear() {
      sets.clear();
      active.clear();
      generation++;
    },
    documentChanged(uri, text) {
      if (active.size === 0 || !uri.startsWith('file:') || !CONFORMANCE_TYPES.test(text.slice(0, 4096)))
        return false;
      sets.clear();
      active.clear();
      generation++;
      return true;
    },
    fileChanged(uri, deleted) {
      if (active.size === 0 || !/\.(json|xml)$/i.test(uri)) return false;
      const path = pathOf(uri);
      if (path === undefined) return false;
      if (!deleted && !CONFORMANCE_TYPES.test(readHead(path))) return false;
      sets.clear();
      active.clear();
      generation++;
      return true;
    },
  };
}
