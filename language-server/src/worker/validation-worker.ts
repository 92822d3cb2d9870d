/**
 * The validation worker (worker_threads): validates documents off the server's main loop, so hover and
 * completion keep answering while a big Bundle or a whole workspace is validated (issue 7). Imports only
 * package specifiers, so Node runs this file from src/ (type stripping) as well as from dist/.
 * Cancellation: each job carries a SharedArrayBuffer flag the engine polls through its signal.
 */
import { parentPort, workerData } from 'node:worker_threads';
import {
  createValidator,
  type Definitions,
  type Terminology,
  type ValidateOptions,
  type Validator,
} from '@wheelhouse/shared/validation';
import { loadR4Definitions, loadR4Terminology, loadValidationConformance } from '@wheelhouse/shared/node';
// Static: the bundled worker (extension-vscode dist/) has no node_modules to load fhirpath.js from on demand.
import { staticFhirPathProvider } from '@wheelhouse/shared/fhirpath';

interface Setup {
  definitionsFile?: string;
  terminologyFile?: string;
}
interface Job {
  id: number;
  text: string;
  options: Omit<ValidateOptions, 'signal'>;
  /** Packages and workspaces (the server's engine for the document's folder); absent: the core only. */
  conformance?: { packages: string[]; workspaces: string[]; profiles: string[]; generation: number };
  cancel: SharedArrayBuffer;
}

const setup = (workerData ?? {}) as Setup;
let core: { definitions: Definitions; terminology: Terminology; fhirpath: typeof staticFhirPathProvider } | undefined;
/** One validator per conformance set ('' = the core only); the server sends few distinct ones (one per folder). */
const validators = new Map<string, Validator>();

function validatorFor(conformance: Job['conformance']): Validator {
  const key = conformance ? JSON.stringify(conformance) : '';
  let validator = validators.get(key);
  if (validator) return validator;
  core ??= {
    definitions: loadR4Definitions(setup.definitionsFile),
    terminology: loadR4Terminology(setup.terminologyFile),
    fhirpath: staticFhirPathProvider,
  };
  // The server has already reported this set's package issues; here they would be said twice.
  const loaded = conformance ? loadValidationConformance({ definitions: core.definitions, ...conformance }) : undefined;
  validator = createValidator({ ...core, ...(loaded ? { conformance: loaded.store } : {}) });
  validators.set(key, validator);
  // Older generations are not asked for again; keep a few folders' worth.
  if (validators.size > 4) validators.delete(validators.keys().next().value ?? '');
  return validator;
}

parentPort?.on('message', (job: Job) => {
  const flag = new Int32Array(job.cancel);
  try {
    const validator = validatorFor(job.conformance);
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
