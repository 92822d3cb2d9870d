/**
 * One validation worker thread with a job queue (issue 7): `validate` resolves with the engine's result,
 * rejects with ValidationCancelledError when cancelled (queued jobs never start; a running one stops at the
 * engine's next cancellation check). If the worker cannot start, jobs fail with WorkerUnavailableError and the
 * caller validates in-process instead.
 */
import { Worker } from 'node:worker_threads';
import {
  ValidationCancelledError,
  type ValidateOptions,
  type ValidationResult,
} from '@wheelhouse/shared/validation';

export class WorkerUnavailableError extends Error {
  override readonly name = 'WorkerUnavailableError';
}

/** The worker could not read the file it was asked to validate (deleted or unreadable since it was listed). */
export class WorkerFileReadError extends Error {
  override readonly name = 'WorkerFileReadError';
  constructor(
    readonly path: string,
    reason: string,
  ) {
    super(`cannot read ${path}: ${reason}`);
  }
}

/** What the worker validates: a document's text, or a file it reads itself (workspace files never pass through the main thread). */
export type WorkerSource = string | { path: string };

/**
 * The engine's result, plus each issue's start and end as LSP positions (UTF-16 line and character), computed in
 * the worker from the text it validated: [start line, start character, end line, end character] per issue, so
 * the main thread never scans a big document for its line starts (convert.ts `positionsFrom`).
 */
export interface WorkerResult extends ValidationResult {
  positions: Int32Array;
}

export interface WorkerOptions {
  definitionsFile?: string;
  terminologyFile?: string;
  /** The worker script (bundles pass theirs); default: validation-worker.js beside this module. */
  workerFile?: string | URL;
}

export interface CancelToken {
  readonly isCancellationRequested: boolean;
  onCancellationRequested(listener: () => void): { dispose(): void };
}

/** Packages and workspace conformance resources the worker loads (once per distinct value) beside the core. */
export interface WorkerConformance {
  packages: string[];
  workspaces: string[];
  profiles: string[];
  /** Bumped by the server when the files behind the same lists changed: the worker loads them again. */
  generation: number;
  /** The FHIR package cache folder (the `wheelhouse.fhirCache` setting); absent: the default. */
  fhirCache?: string;
}

export interface ValidationPool {
  validate(
    source: WorkerSource,
    options: Omit<ValidateOptions, 'signal'>,
    token?: CancelToken,
    conformance?: WorkerConformance,
  ): Promise<WorkerResult>;
  /** Jobs waiting or running. */
  readonly pending: number;
  dispose(): Promise<void>;
}

interface Pending {
  id: number;
  source: WorkerSource;
  options: Omit<ValidateOptions, 'signal'>;
  conformance: WorkerConformance | undefined;
  flag: Int32Array;
  resolve(result: WorkerResult): void;
  reject(error: Error): void;
  started: boolean;
  done: boolean;
  subscription?: { dispose(): void };
}

function defaultWorkerFile(): URL {
  // From src/ (tests run TypeScript) the worker is the .ts file; from dist/ the compiled .js.
  return new URL(
    import.meta.url.endsWith('.ts') ? './validation-worker.ts' : './validation-worker.js',
    import.meta.url,
  );
}

export function createValidationPool(options: WorkerOptions = {}): ValidationPool {
  let worker: Worker | undefined;
  let broken: Error | undefined;
  let nextId = 1;
  const queue: Pending[] = [];
  let running: Pending | undefined;

  const finish = (job: Pending): void => {
    job.done = true;
    job.subscription?.dispose();
    if (running === job) running = undefined;
    pump();
  };

  const failAll = (error: Error): void => {
    broken = error;
    for (const job of [...(running ? [running] : []), ...queue.splice(0)]) {
      job.reject(error);
      finish(job);
    }
  };

  const start = (): Worker | undefined => {
    if (worker || broken) return worker;
    try {
      worker = new Worker(options.workerFile ?? defaultWorkerFile(), {
        workerData: { definitionsFile: options.definitionsFile, terminologyFile: options.terminologyFile },
      });
    } catch (error) {
      failAll(
        new WorkerUnavailableError(
          `validation worker could not start: ${error instanceof Error ? error.message : String(error)}`,
        ),
      );
      return undefined;
    }
    worker.unref();
    worker.on(
      'message',
      (msg: {
        id: number;
        result?: WorkerResult;
        cancelled?: boolean;
        unreadable?: string;
        error?: string;
      }) => {
        const job = running;
        if (!job || job.id !== msg.id) return;
        if (msg.result) job.resolve(msg.result);
        else if (msg.cancelled) job.reject(new ValidationCancelledError('validation cancelled'));
        else if (msg.unreadable !== undefined && typeof job.source === 'object')
          job.reject(new WorkerFileReadError(job.source.path, msg.unreadable));
        else job.reject(new Error(msg.error ?? 'validation failed in the worker'));
        finish(job);
      },
    );
    worker.on('error', (error: Error) => {
      worker = undefined;
      failAll(new WorkerUnavailableError(`validation worker failed: ${error.message}`));
    });
    worker.on('exit', () => {
      worker = undefined;
    });
    return worker;
  };

  function pump(): void {
    if (running) return;
    const job = queue.shift();
    if (!job) return;
    const w = start();
    if (!w) return;
    running = job;
    job.started = true;
    w.postMessage({
      id: job.id,
      ...(typeof job.source === 'string' ? { text: job.source } : { path: job.source.path }),
      options: job.options,
      conformance: job.conformance,
      cancel: job.flag.buffer,
    });
  }

  return {
    get pending() {
      return queue.length + (running ? 1 : 0);
    },
    validate(source, jobOptions, token, conformance) {
      if (broken) return Promise.reject(broken);
      return new Promise<WorkerResult>((resolve, reject) => {
        const job: Pending = {
          id: nextId++,
          source,
          options: jobOptions,
          conformance,
          flag: new Int32Array(new SharedArrayBuffer(4)),
          resolve,
          reject,
          started: false,
          done: false,
        };
        if (token?.isCancellationRequested) {
          reject(new ValidationCancelledError('validation cancelled'));
          return;
        }
        job.subscription = token?.onCancellationRequested(() => {
          if (job.done) return;
          Atomics.store(job.flag, 0, 1);
          if (!job.started) {
            queue.splice(queue.indexOf(job), 1);
            job.reject(new ValidationCancelledError('validation cancelled'));
            finish(job);
          }
        });
        queue.push(job);
        pump();
      });
    },
    async dispose() {
      failAll(new WorkerUnavailableError('validation worker disposed'));
      const w = worker;
      worker = undefined;
      if (w) await w.terminate();
    },
  };
}
