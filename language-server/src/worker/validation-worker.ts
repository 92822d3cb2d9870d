/**
 * The validation worker (worker_threads): validates documents off the server's main loop, so hover and
 * completion keep answering while a big Bundle or a whole workspace is validated (issue 7). Imports only
 * package specifiers, so Node runs this file from src/ (type stripping) as well as from dist/.
 * Cancellation: each job carries a SharedArrayBuffer flag the engine polls through its signal.
 */
import { readFileSync } from 'node:fs';
import { parentPort, workerData } from 'node:worker_threads';
import { TextDocument } from 'vscode-languageserver-textdocument';
import {
  createValidator,
  type Issue,
  type Definitions,
  type Terminology,
  type ValidateOptions,
  type Validator,
} from '@wheelhouse/shared/validation';
import { loadR4Definitions, loadR4Terminology, loadValidationConformance } from '@wheelhouse/shared/node';
import type { ConformanceReport } from './pool.js';

interface Setup {
  definitionsFile?: string;
  terminologyFile?: string;
}
interface Job {
  id: number;
  /** The document's text, or `path`: a file the worker reads (workspace validation). */
  text?: string;
  path?: string;
  options: Omit<ValidateOptions, 'signal'>;
  /** Packages and workspaces (the server's engine for the document's folder); absent: the core only. */
  conformance?: { packages: string[]; workspaces: string[]; profiles: string[]; generation: number; fhirCache?: string };
  cancel: SharedArrayBuffer;
}

const setup = (workerData ?? {}) as Setup;
let core: { definitions: Definitions; terminology: Terminology } | undefined;

interface Engine {
  validator: Validator;
  /** Extension domains left unresolved by a missing dependency: allowed, as the server's own engine does. */
  unresolvedDomains: string[];
  /** What loading the set said; sent with the first result that used it, then dropped. */
  report: ConformanceReport | undefined;
}
/** One engine per conformance set ('' = the core only); the server sends few distinct ones (one per folder). */
const engines = new Map<string, Engine>();

function engineFor(conformance: Job['conformance']): Engine {
  const key = conformance ? JSON.stringify(conformance) : '';
  let engine = engines.get(key);
  if (engine) return engine;
  core ??= {
    definitions: loadR4Definitions(setup.definitionsFile),
    terminology: loadR4Terminology(setup.terminologyFile),
  };
  if (!conformance) {
    engine = { validator: createValidator(core), unresolvedDomains: [], report: undefined };
  } else {
    const started = Date.now();
    try {
      const loaded = loadValidationConformance({ definitions: core.definitions, ...conformance });
      engine = {
        validator: createValidator({ ...core, ...(loaded ? { conformance: loaded.store } : {}) }),
        unresolvedDomains: loaded?.unresolvedDomains ?? [],
        report: {
          issues: (loaded?.issues ?? []).map((i) => ({ code: i.code, message: i.message })),
          ms: Date.now() - started,
        },
      };
    } catch (error) {
      // A broken package must not cost every diagnostic: the core validates, the server says why once.
      engine = {
        validator: createValidator(core),
        unresolvedDomains: [],
        report: {
          issues: [],
          failed: error instanceof Error ? error.message : String(error),
          ms: Date.now() - started,
        },
      };
    }
  }
  engines.set(key, engine);
  // Older generations are not asked for again; keep a few folders' worth.
  if (engines.size > 4) engines.delete(engines.keys().next().value ?? '');
  return engine;
}

/** Each issue's start and end as LSP positions, [line, character, line, character] per issue (pool.ts WorkerResult). */
function positionsOf(text: string, issues: readonly Issue[]): Int32Array<ArrayBuffer> {
  const positions = new Int32Array(issues.length * 4);
  if (issues.length === 0) return positions;
  const doc = TextDocument.create('worker:text', 'json', 0, text);
  issues.forEach((issue, i) => {
    const start = doc.positionAt(issue.offset);
    const end = doc.positionAt(issue.offset + Math.max(0, issue.length));
    positions.set([start.line, start.character, end.line, end.character], i * 4);
  });
  return positions;
}

parentPort?.on('message', (job: Job) => {
  const flag = new Int32Array(job.cancel);
  try {
    let text = job.text ?? '';
    if (job.path !== undefined) {
      try {
        text = readFileSync(job.path, 'utf8');
      } catch (error) {
        parentPort?.postMessage({
          id: job.id,
          unreadable: error instanceof Error ? error.message : String(error),
        });
        return;
      }
    }
    const engine = engineFor(job.conformance);
    const signal = {
      get aborted() {
        return Atomics.load(flag, 0) === 1;
      },
    };
    const settings =
      engine.unresolvedDomains.length > 0
        ? {
            ...job.options.settings,
            allowUnresolvedExtensionDomains: [
              ...(job.options.settings?.allowUnresolvedExtensionDomains ?? []),
              ...engine.unresolvedDomains,
            ],
          }
        : job.options.settings;
    const result = engine.validator.validate(text, {
      ...job.options,
      ...(settings ? { settings } : {}),
      signal,
    });
    const positions = positionsOf(text, result.issues);
    const report = engine.report;
    engine.report = undefined;
    parentPort?.postMessage(
      { id: job.id, result: { ...result, positions, ...(report ? { conformanceReport: report } : {}) } },
      [positions.buffer],
    );
  } catch (error) {
    const cancelled = Atomics.load(flag, 0) === 1;
    parentPort?.postMessage({
      id: job.id,
      cancelled,
      error: error instanceof Error ? (error.stack ?? error.message) : String(error),
    });
  }
});
