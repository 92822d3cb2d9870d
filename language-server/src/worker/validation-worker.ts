/**
 * The validation worker (worker_threads): validates documents off the server's main loop, so hover and
 * completion keep answering while a big Bundle or a whole workspace is validated (issue 7). Imports only
 * package specifiers, so Node runs this file from src/ (type stripping) as well as from dist/.
 * Cancellation: each job carries a SharedArrayBuffer flag the engine polls through its signal.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { createValidator, type ValidateOptions, type Validator } from '@wheelhouse/shared/validation';
import { loadR4Definitions, loadR4Terminology } from '@wheelhouse/shared/node';

interface Setup {
  definitionsFile?: string;
  terminologyFile?: string;
}
interface Job {
  id: number;
  text: string;
  options: Omit<ValidateOptions, 'signal'>;
  cancel: SharedArrayBuffer;
}

const setup = (workerData ?? {}) as Setup;
let validator: Validator | undefined;

parentPort?.on('message', (job: Job) => {
  const flag = new Int32Array(job.cancel);
  try {
    validator ??= createValidator({
      definitions: loadR4Definitions(setup.definitionsFile),
      terminology: loadR4Terminology(setup.terminologyFile),
    });
    const signal = {
      get aborted() {
        return Atomics.load(flag, 0) === 1;
      },
    };
    const result = validator.validate(job.text, { ...job.options, signal });
    parentPort?.postMessage({ id: job.id, result });
  } catch (error) {
    const cancelled = Atomics.load(flag, 0) === 1;
    parentPort?.postMessage({
      id: job.id,
      cancelled,
      error: error instanceof Error ? (error.stack ?? error.message) : String(error),
    });
  }
});
