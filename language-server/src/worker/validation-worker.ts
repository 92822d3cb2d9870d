/**
 * The validation worker (worker_threads): validates documents off the server's main loop, so hover and
 * completion keep answering while a big Bundle or a whole workspace is validated (issue 7). Imports only
 * package specifiers, so Node runs this file from src/ (type stripping) as well as from dist/.
 * Cancellation: each job carries a SharedArrayBuffer flag the engine polls through its signal.
 */
import { readFileSync } from 'node:fs';
import { parentPort, workerData } from 'node:worker_threads';
import {
  createLineIndex,
  createValidator,
  type Issue,
  type Definitions,
  type Terminology,
  type ValidateOptions,
  type Validator,
} from '@wheelhouse/shared/validation';
import {
  bundledOrNodeFhirPathProvider,
  loadR4Definitions,
  loadR4Terminology,
  loadValidationConformance,
} from '@wheelhouse/shared/node';
import type { FhirPathProvider } from '@wheelhouse/shared/fhirpath';

interface Setup {
  definitionsFile?: string;
  terminologyFile?: string;
}
interface Job {
  id: number;
  /** Warm up (pool.ts `warm`): load the core and validate a resource of every type (warmUpText). */
  warm?: boolean;
  /** The document's text, or `path`: a file the worker reads (workspace validation). */
  text?: string;
  path?: string;
  options: Omit<ValidateOptions, 'signal'>;
  /** Packages and workspaces (the server's engine for the document's folder); absent: the core only. */
  conformance?: {
    packages: string[];
    workspaces: string[];
    profiles: string[];
    generation: number;
    fhirCache?: string;
  };
  cancel: SharedArrayBuffer;
}

const setup = (workerData ?? {}) as Setup;
// fhirpath.js loads only when an invariant leaves the engine's own evaluators (bundled or not).
let core: { definitions: Definitions; terminology: Terminology; fhirpath: FhirPathProvider } | undefined;
/**
 * One validator per conformance set ('' = the core only); the server sends few distinct ones (one per folder).
 * `issues`: what loading the set said (a missing package, or why it could not be loaded), sent back with the
 * first result that used it, since the server validates a folder's documents here without loading it itself.
 */
interface Engine {
  validator: Validator;
  unresolvedDomains: string[];
  issues: { code: string; message: string }[] | undefined;
}
const engines = new Map<string, Engine>();

function coreData(): NonNullable<typeof core> {
  core ??= {
    definitions: loadR4Definitions(setup.definitionsFile),
    terminology: loadR4Terminology(setup.terminologyFile),
    fhirpath: bundledOrNodeFhirPathProvider,
  };
  return core;
}

function engineFor(conformance: Job['conformance']): Engine {
  const key = conformance ? JSON.stringify(conformance) : '';
  let engine = engines.get(key);
  if (engine) return engine;
  const data = coreData();
  if (!conformance) engine = { validator: createValidator(data), unresolvedDomains: [], issues: undefined };
  else {
    try {
      const loaded = loadValidationConformance({ definitions: data.definitions, ...conformance });
      engine = {
        validator: createValidator({ ...data, ...(loaded ? { conformance: loaded.store } : {}) }),
        unresolvedDomains: loaded?.unresolvedDomains ?? [],
        issues: (loaded?.issues ?? []).map((i) => ({ code: i.code, message: i.message })),
      };
    } catch (error) {
      // As the server's engines.ts does: validate against the core, say why.
      engine = {
        validator: engines.get('')?.validator ?? createValidator(data),
        unresolvedDomains: [],
        issues: [
          {
            code: 'load-failed',
            message: `Wheelhouse could not load packages or workspace profiles: ${error instanceof Error ? error.message : String(error)}`,
          },
        ],
      };
    }
  }
  engines.set(key, engine);
  // Older generations are not asked for again; keep a few folders' worth.
  if (engines.size > 4) engines.delete(engines.keys().next().value ?? '');
  return engine;
}

/** The job's options with the set's unresolved extension domains allowed (engines.ts does the same in-process). */
function withUnresolvedDomains(options: Job['options'], domains: readonly string[]): Job['options'] {
  if (domains.length === 0) return options;
  const allowed = options.settings?.allowUnresolvedExtensionDomains ?? [];
  return {
    ...options,
    settings: {
      ...options.settings,
      allowUnresolvedExtensionDomains: [...new Set([...allowed, ...domains])],
    },
  };
}

/** A value of each primitive type the walk and the rules look at; other primitives get a string. */
const PRIMITIVE_VALUES: Record<string, unknown> = {
  boolean: true,
  integer: 1,
  positiveInt: 1,
  unsignedInt: 0,
  decimal: 1.5,
  date: '2024-01-01',
  dateTime: '2024-01-01T10:00:00Z',
  instant: '2024-01-01T10:00:00Z',
  time: '10:00:00',
  uri: 'http://example.org/x',
  url: 'http://example.org/x',
  canonical: 'http://example.org/x',
  id: 'x1',
  code: 'x',
  xhtml: '<div xmlns="http://www.w3.org/1999/xhtml">x</div>',
};

/**
 * A collection Bundle with one resource of every core type, each element filled to a small depth: validating
 * it sets up what the engine builds per type and path on first use (child tables, compiled invariants) and has
 * V8 compile the hot paths, so the first big document the user opens runs at the speed of the second (issue
 * 7). Its issues are thrown away.
 */
function warmUpText(definitions: Definitions): string {
  const fill = (path: string, depth: number): Record<string, unknown> => {
    const out: Record<string, unknown> = {};
    for (const child of definitions.children(path)?.elements ?? []) {
      if (child.name === 'extension' || child.name === 'modifierExtension' || child.name === 'contained')
        continue;
      let value: unknown;
      if (child.valueKind === 'primitive') value = PRIMITIVE_VALUES[child.type ?? ''] ?? 'x';
      else if (child.valueKind === 'resource' || depth === 0) continue;
      else value = fill(child.childrenPath, depth - 1);
      out[child.isChoice ? child.valuePath.slice(child.valuePath.lastIndexOf('.') + 1) : child.name] =
        child.max > 1 ? [value] : value;
    }
    return out;
  };
  const entry = definitions.resourceTypeNames().map((type, i) => ({
    fullUrl: `urn:uuid:00000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
    resource: { ...fill(type, 2), resourceType: type, id: `r${i}` },
  }));
  return JSON.stringify({ resourceType: 'Bundle', type: 'collection', entry }, null, 2);
}

/** Each issue's start and end as LSP positions, [line, character, line, character] per issue (pool.ts WorkerResult). */
function positionsOf(text: string, issues: readonly Issue[]): Int32Array<ArrayBuffer> {
  const positions = new Int32Array(issues.length * 4);
  if (issues.length === 0) return positions;
  // The engine's line index finds line starts only as far as the last issue (a TextDocument scans every
  // character of the text first: ~30 ms on a 7 MB Bundle).
  const lines = createLineIndex(text);
  issues.forEach((issue, i) => {
    const start = lines.position(issue.offset);
    const end = lines.position(issue.offset + Math.max(0, issue.length));
    positions.set([start.line, start.character, end.line, end.character], i * 4);
  });
  return positions;
}

parentPort?.on('message', (job: Job) => {
  const flag = new Int32Array(job.cancel);
  try {
    let text = job.text ?? '';
    if (job.warm) {
      text = warmUpText(coreData().definitions);
    } else if (job.path !== undefined) {
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
    const result = engine.validator.validate(text, {
      ...withUnresolvedDomains(job.options, engine.unresolvedDomains),
      signal,
    });
    const positions = positionsOf(text, result.issues);
    const conformanceIssues = engine.issues;
    engine.issues = undefined;
    parentPort?.postMessage(
      { id: job.id, result: { ...result, positions, ...(conformanceIssues ? { conformanceIssues } : {}) } },
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
