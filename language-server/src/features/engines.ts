/**
 * The engine for a document (issue 7): core definitions and terminology, plus the packages from the applying
 * wheelhouse.config.json and the conformance resources of the document's workspace folder (so an IG source
 * repository's own profiles and value sets are used), loaded lazily, once per folder and config, exactly as
 * `wheelhouse validate` loads them. Package problems (a missing dependency) are told once, not per document.
 * Rebuilt when the config or a conformance resource changes.
 */
import { closeSync, openSync, readSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { loadValidationConformance } from '@wheelhouse/shared/node';
import {
  createValidator,
  type Definitions,
  type Terminology,
  type Validator,
} from '@wheelhouse/shared/validation';
import type { ConfigFiles } from './config-file.js';
import type { DocumentEngine } from './diagnostics.js';
import type { ConformanceReport, ValidationPool, WorkerConformance } from '../worker/pool.js';

/** What a document's settings say about its engine. */
export interface EngineRequest {
  fhirCache?: string | undefined;
}

/** Resource types whose change can change how other files validate. */
const CONFORMANCE_TYPES =
  /"resourceType"\s*:\s*"(StructureDefinition|ValueSet|CodeSystem|ConceptMap|NamingSystem)"/;

export interface EnginesDeps {
  /** The core data (loaded on first use); undefined when it could not be loaded (already told). */
  core(): { definitions: Definitions; terminology: Terminology } | undefined;
  /** The core-only validator built from `core()`. */
  coreValidator(): Validator | undefined;
  folders(): readonly string[];
  configFiles: ConfigFiles;
  log(message: string): void;
  /** Tells the user once (window/showMessage). */
  tell(message: string): void;
}

export interface Engines {
  /** `settings`: the document's editor settings (its `wheelhouse.fhirCache`). */
  engine(uri: string, settings?: EngineRequest): DocumentEngine | undefined;
  /**
   * Sets up each workspace folder's engine in the worker before its first document asks (its packages and
   * profiles load there, off the main thread).
   */
  prepare(pool: ValidationPool, settings: (uri: string) => Promise<EngineRequest>): void;
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
}

type EngineSettings = DocumentEngine['settings'];

/** The config's engine settings, with the extension domains a missing dependency left unresolved allowed. */
function withUnresolved(base: EngineSettings, unresolvedDomains: readonly string[]): EngineSettings {
  if (unresolvedDomains.length === 0) return base;
  return {
    ...base,
    allowUnresolvedExtensionDomains: [...(base?.allowUnresolvedExtensionDomains ?? []), ...unresolvedDomains],
  };
}

export function createEngines(deps: EnginesDeps): Engines {
  const sets = new Map<string, Loaded>();
  /** Conformance sets whose load was reported (by the main thread or a worker): said once. */
  const reported = new Set<string>();
  const told = new Set<string>();
  let generation = 0;

  const folderOf = (path: string): string | undefined =>
    [...deps.folders()]
      .filter((f) => path.startsWith(f.endsWith('/') ? f : `${f}/`))
      .sort((a, b) => b.length - a.length)[0];

  const tellOnce = (message: string): void => {
    if (told.has(message)) return;
    told.add(message);
    deps.tell(message);
  };

  /** Logs what loading a set said, once per set; missing dependencies and failures are told to the user once. */
  const report = (conformance: WorkerConformance, where: string, r: ConformanceReport): void => {
    const key = JSON.stringify(conformance);
    if (reported.has(key)) return;
    reported.add(key);
    for (const issue of r.issues) {
      deps.log(issue.message);
      if (issue.code === 'missing-dependency') tellOnce(issue.message);
    }
    if (r.failed !== undefined) {
      const message = `Wheelhouse could not load packages or workspace profiles: ${r.failed}`;
      deps.log(message);
      tellOnce(message);
      return;
    }
    deps.log(
      `conformance for ${conformance.workspaces.join(', ') || 'no folder'} (${conformance.packages.length} packages) loaded in ${r.ms} ms (${where})`,
    );
  };

  /** The set on the main thread (in-process validation only: documents go to the worker when there is one). */
  const load = (conformance: WorkerConformance): Loaded | undefined => {
    const key = JSON.stringify(conformance);
    const cached = sets.get(key);
    if (cached) return cached;
    const core = deps.core();
    const coreValidator = deps.coreValidator();
    if (!core || !coreValidator) return undefined;
    const started = Date.now();
    let loaded: Loaded;
    try {
      const result = loadValidationConformance({ definitions: core.definitions, ...conformance });
      loaded = result
        ? {
            validator: createValidator({ ...core, conformance: result.store }),
            unresolvedDomains: result.unresolvedDomains,
          }
        : { validator: coreValidator, unresolvedDomains: [] };
      report(conformance, 'main thread', { issues: result?.issues ?? [], ms: Date.now() - started });
    } catch (error) {
      // A broken package must not cost the user every diagnostic: validate against the core, say why once.
      report(conformance, 'main thread', {
        issues: [],
        failed: error instanceof Error ? error.message : String(error),
        ms: Date.now() - started,
      });
      loaded = { validator: coreValidator, unresolvedDomains: [] };
    }
    sets.set(key, loaded);
    return loaded;
  };

  const reset = (): void => {
    sets.clear();
    reported.clear();
    generation++;
  };

  return {
    engine(uri, request) {
      const path = pathOf(uri);
      const folder = path ? folderOf(path) : undefined;
      const overlay = path ? deps.configFiles.overlay(uri) : undefined;
      const packages = overlay?.packages ?? [];
      const base = overlay?.settings;
      if (!folder && packages.length === 0) {
        const validator = deps.coreValidator();
        return validator
          ? {
              local: () => ({ validator, settings: base }),
              ...(base ? { settings: base } : {}),
              viaWorker: (pool, source, options, token) => pool.validate(source, options, token),
            }
          : undefined;
      }
      if (!deps.core()) return undefined;
      const conformance: WorkerConformance = {
        packages,
        workspaces: folder ? [folder] : [],
        profiles: overlay?.profiles ?? [],
        generation,
        ...(request?.fhirCache ? { fhirCache: request.fhirCache } : {}),
      };
      return {
        local: () => {
          const loaded = load(conformance);
          return (
            loaded && {
              validator: loaded.validator,
              settings: withUnresolved(base, loaded.unresolvedDomains),
            }
          );
        },
        ...(base ? { settings: base } : {}),
        // The folder's packages and profiles load in the worker (UK Core: ~0.4 s), never blocking hover.
        workerFirst: true,
        conformance,
        viaWorker: async (pool, source, options, token) => {
          const result = await pool.validate(source, options, token, conformance);
          if (result.conformanceReport) report(conformance, 'worker', result.conformanceReport);
          return result;
        },
      };
    },
    prepare(pool, settings) {
      for (const folder of deps.folders()) {
        // A document at the folder's root: the folder's own config file and settings apply.
        const uri = pathToFileURL(join(folder, 'wheelhouse.config.json')).href;
        void settings(uri).then((request) => {
          const conformance = this.engine(uri, request)?.conformance;
          if (!conformance) return;
          pool.prepare(conformance).then(
            (r) => r && report(conformance, 'worker', r),
            (error: unknown) => deps.log(`preparing the worker for ${folder} failed: ${String(error)}`),
          );
        });
      }
    },
    clear() {
      reset();
    },
    documentChanged(uri, text) {
      if (reported.size === 0 || !uri.startsWith('file:') || !CONFORMANCE_TYPES.test(text.slice(0, 4096)))
        return false;
      reset();
      return true;
    },
    fileChanged(uri, deleted) {
      if (reported.size === 0 || !/\.(json|xml)$/i.test(uri)) return false;
      const path = pathOf(uri);
      if (path === undefined) return false;
      if (!deleted && !CONFORMANCE_TYPES.test(readHead(path))) return false;
      reset();
      return true;
    },
  };
}
