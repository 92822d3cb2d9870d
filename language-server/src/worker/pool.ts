/**
 * One validation worker thread with a job queue (issue 7): `validate` resolves with the engine's result,
 * rejects with ValidationCancelledError when cancelled (queued jobs never start; a running one stops at the
 * engine's next cancellation check). If the worker cannot start, jobs fail with WorkerUnavailableError and the
 * caller validates in-process instead.
 * One worker serves open documents and workspace passes (`background`), so the core definitions are loaded
 * once, not per thread: document jobs go first, and a running background job is stopped and queued again when
 * a document job arrives, so a workspace pass never delays the document the user looks at by more than the
 * engine's next cancellation check. `warm` starts the worker before anyone needs it.
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
/** Also its own warm-up resource (`warm`). */
type JobSource = WorkerSource | { warm: true };

/**
 * The engine's result, plus each issue's start and end as LSP positions (UTF-16 line and character), computed in
 * the worker from the text it validated: [start line, start character, end line, end character] per issue, so
 * the main thread never scans a big document for its line starts (convert.ts `positionsFrom`).
 */
export interface WorkerResult extends ValidationResult {
  positions: Int32Array;
  /**
   * What loading the job's conformance set said (a missing package, or `load-failed`), with the first result
   * that used the set: the server validates a folder's documents in the worker without loading the set itself.
   */
  conformanceIssues?: { code: string; message: string }[];
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
  /** The same worker for work nobody is waiting on (workspace passes): behind document jobs, and set aside for them. */
  readonly background: ValidationPool;
  /**
   * Starts the worker, which loads the core definitions and validates a resource of every core type (so what
   * the engine builds per type and V8's compiled code are ready), unless it is already up: the first big
   * document then does not pay the set-up. Nothing waits for it; a document job that arrives meanwhile waits
   * at most for the engine's next cancellation check.
   */
  warm(): void;
  dispose(): Promise<void>;
}

interface Pending {
  id: number;
  source: JobSource;
  options: Omit<ValidateOptions, 'signal'>;
  conformance: WorkerConformance | undefined;
  flag: Int32Array;
  resolve(result: WorkerResult): void;
  reject(error: Error): void;
  started: boolean;
  done: boolean;
  background: boolean;
  /** Its caller cancelled it (as opposed to a document job setting it aside). */
  cancelled: boolean;
  /** Stopped to let a document job run: queued again when the worker says it stopped. */
  preempted: boolean;
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
  const documentQueue: Pending[] = [];
  const backgroundQueue: Pending[] = [];
  let running: Pending | undefined;
  const queueOf = (job: Pending): Pending[] => (job.background ? backgroundQueue : documentQueue);

  const finish = (job: Pending): void => {
    job.done = true;
    job.subscription?.dispose();
    if (running === job) running = undefined;
    pump();
  };

  const failAll = (error: Error): void => {
    broken = error;
    for (const job of [
      ...(running ? [running] : []),
      ...documentQueue.splice(0),
      ...backgroundQueue.splice(0),
    ]) {
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
        if (
          msg.cancelled &&
          job.preempted &&
          !job.cancelled &&
          typeof job.source === 'object' &&
          'warm' in job.source
        ) {
          // A warm-up set aside is not run again: the document job warms the worker as well.
          job.reject(new ValidationCancelledError('warm-up set aside'));
          finish(job);
          return;
        }
        if (msg.cancelled && job.preempted && !job.cancelled) {
          // Set aside for a document job: it runs again, first among the background jobs, with a fresh flag.
          running = undefined;
          job.started = false;
          job.preempted = false;
          job.flag = new Int32Array(new SharedArrayBuffer(4));
          backgroundQueue.unshift(job);
          pump();
          return;
        }
        if (msg.result) job.resolve(msg.result);
        else if (msg.cancelled) job.reject(new ValidationCancelledError('validation cancelled'));
        else if (msg.unreadable !== undefined && typeof job.source === 'object' && 'path' in job.source)
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
    const job = documentQueue.shift() ?? backgroundQueue.shift();
    if (!job) return;
    const w = start();
    if (!w) return;
    running = job;
    job.started = true;
    w.postMessage({
      id: job.id,
      ...(typeof job.source === 'string'
        ? { text: job.source }
        : 'path' in job.source
          ? { path: job.source.path }
          : { warm: true }),
      options: job.options,
      conformance: job.conformance,
      cancel: job.flag.buffer,
    });
  }

  const validate =
    (background: boolean) =>
    (
      source: JobSource,
      jobOptions: Omit<ValidateOptions, 'signal'>,
      token?: CancelToken,
      conformance?: WorkerConformance,
    ): Promise<WorkerResult> => {
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
          background,
          cancelled: false,
          preempted: false,
        };
        if (token?.isCancellationRequested) {
          reject(new ValidationCancelledError('validation cancelled'));
          return;
        }
        job.subscription = token?.onCancellationRequested(() => {
          if (job.done) return;
          job.cancelled = true;
          Atomics.store(job.flag, 0, 1);
          if (!job.started) {
            const queue = queueOf(job);
            queue.splice(queue.indexOf(job), 1);
            job.reject(new ValidationCancelledError('validation cancelled'));
            finish(job);
          }
        });
        queueOf(job).push(job);
        if (!background && running?.background && !running.preempted) {
          running.preempted = true;
          Atomics.store(running.flag, 0, 1);
        }
        pump();
      });
    };

  const pending = (): number => documentQueue.length + backgroundQueue.length + (running ? 1 : 0);
  const dispose = async (): Promise<void> => {
    failAll(new WorkerUnavailableError('validation worker disposed'));
    const w = worker;
    worker = undefined;
    if (w) await w.terminate();
  };
  const warm = (): void => {
    if (worker || broken || pending() > 0) return;
    // Nobody waits for it; a failure to start is kept in `broken` for the first real job to report.
    validate(true)({ warm: true }, { fileName: 'wheelhouse-warm-up.json' }).catch(() => {});
  };
  const background: ValidationPool = {
    get pending() {
      return pending();
    },
    validate: validate(true),
    get background() {
      return background;
    },
    warm,
    dispose,
  };
  return {
    get pending() {
      return pending();
    },
    validate: validate(false),
    background,
    warm,
    dispose,
  };
}
