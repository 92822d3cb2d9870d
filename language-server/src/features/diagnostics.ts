/**
 * Diagnostics: validate an open document with the engine and hand the issues to the client. Pull
 * (textDocument/diagnostic) when the client supports it, push (textDocument/publishDiagnostics) otherwise.
 * Configuration changes ask the client to pull again (workspace/diagnostic/refresh) rather than re-validating
 * on timers (STYLE.md 5).
 */
import {
  CancellationTokenSource,
  DocumentDiagnosticReportKind,
  LSPErrorCodes,
  ResponseError,
  type CancellationToken,
  type ClientCapabilities,
  type Connection,
  type Diagnostic,
  type ServerCapabilities,
  type TextDocuments,
} from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { CancellationSignal, ValidateOptions, ValidationResult, Validator } from '@wheelhouse/shared/validation';
import { positionsFrom, toDiagnostic, type PositionSource } from '../convert.js';
import { WorkerUnavailableError, type ValidationPool, type WorkerResult, type WorkerSource } from '../worker/pool.js';
import type { SettingsStore, WheelhouseSettings } from './settings.js';

/**
 * Open documents larger than this (UTF-16 code units, about bytes for FHIR JSON) are validated in the worker so
 * hover and completion keep answering (issue 7: a 7 MB Bundle while hover answers within 50 ms). Smaller ones
 * validate in-process: posting them to a thread costs more than it saves.
 */
export const WORKER_THRESHOLD_CHARS = 1024 * 1024;

/** What the engine needs for one document beyond its text: the validator and the config file's engine settings. */
export interface DocumentEngine {
  validator: Validator;
  /** Engine settings from wheelhouse.config.json (pdsCompatibility, fhirVersion, ukCore, ...), as the CLI passes them. */
  settings?: ValidateOptions['settings'];
  /**
   * The engine's conformance set (a folder's profiles, packages) is loaded in the worker only, unless the worker
   * cannot run: documents of every size go there, so the main thread never stops for the set (UK Core: ~0.2-0.5 s
   * with its snapshots), and `validator` loads it on the main thread when first read.
   */
  workerFirst?: boolean;
  /** Validates in the worker with the same engine (undefined: the worker cannot reproduce this engine). */
  viaWorker?(pool: ValidationPool, source: WorkerSource, options: Omit<ValidateOptions, 'signal'>, token?: CancellationToken): Promise<WorkerResult>;
}

/** The documents this server validates (the client's document selector says the same). */
export const VALIDATED_LANGUAGES: ReadonlySet<string> = new Set(['json', 'xml']);

/**
 * The diagnostics for one document: the engine's issues when the text is FHIR. Non-FHIR JSON (package.json,
 * tsconfig.json, ...) gets nothing, not even syntax errors, which the editor's own JSON support already reports.
 * Throws what `validator.validate` throws when `signal` is aborted.
 */
export function diagnosticsFor(doc: TextDocument, validator: Validator, settings: WheelhouseSettings, signal?: CancellationSignal, engineSettings?: ValidateOptions['settings']): Diagnostic[] {
  if (!settings.validateEnable || !VALIDATED_LANGUAGES.has(doc.languageId)) return [];
  const result = validator.validate(doc.getText(), { ...validateOptions(doc, settings, engineSettings), ...(signal ? { signal } : {}) });
  return toDiagnostics(doc, result);
}

function validateOptions(doc: TextDocument, settings: WheelhouseSettings, engineSettings: ValidateOptions['settings']): Omit<ValidateOptions, 'signal'> {
  return {
    fileName: doc.uri,
    rules: settings.rules,
    ...(settings.profiles.length > 0 ? { profiles: settings.profiles } : {}),
    ...(engineSettings ? { settings: engineSettings } : {}),
  };
}

/** `positions`: where the issues' offsets are (default: the document; the worker sends its own, computed off the main thread). */
function toDiagnostics(doc: TextDocument, result: ValidationResult, positions: PositionSource = doc): Diagnostic[] {
  if (!result.isFhir) return [];
  return result.issues.map((issue) => toDiagnostic(issue, positions, doc.version));
}

/** Issues converted per task when a worker's result is turned into diagnostics (toDiagnosticsInSlices). */
const SLICE = 200;

/**
 * toDiagnostics for a worker's result, SLICE issues per task: a big document's hundreds of issues would
 * otherwise be one ~20-30 ms task on the main thread (first-run conversion code), and a hover asked meanwhile would
 * wait for all of it (issue 7). Between slices, queued requests run.
 */
async function toDiagnosticsInSlices(doc: TextDocument, result: ValidationResult, positions: PositionSource): Promise<Diagnostic[]> {
  if (!result.isFhir) return [];
  const out: Diagnostic[] = [];
  const version = doc.version; // as toDiagnostics reads it (the document may change between slices)
  for (let i = 0; i < result.issues.length; i += SLICE) {
    if (i > 0) await new Promise<void>((resolve) => setImmediate(resolve));
    for (const issue of result.issues.slice(i, i + SLICE)) out.push(toDiagnostic(issue, positions, version));
  }
  return out;
}

export interface DiagnosticsDeps {
  connection: Connection;
  documents: TextDocuments<TextDocument>;
  settings: SettingsStore;
  /** The engine for a document; undefined when it could not be set up (the server has already told the user why). */
  engine(uri: string, settings: WheelhouseSettings): DocumentEngine | undefined;
  /** The worker for big documents; undefined validates everything in-process. */
  pool?: ValidationPool | undefined;
  /** Default WORKER_THRESHOLD_CHARS. */
  workerThreshold?: number;
}

export interface DiagnosticsFeature {
  /** Called from onInitialize: picks pull or push and returns the capabilities to announce. */
  initialize(capabilities: ClientCapabilities): Pick<ServerCapabilities, 'diagnosticProvider'>;
  /** Re-validate every open document (after a configuration change). */
  refresh(): void;
}

function signalOf(token: CancellationToken): CancellationSignal {
  return {
    get aborted() {
      return token.isCancellationRequested;
    },
  };
}

export function registerDiagnostics(deps: DiagnosticsDeps): DiagnosticsFeature {
  const { connection, documents } = deps;
  let pull = false;
  let refreshSupport = false;

  const threshold = deps.workerThreshold ?? WORKER_THRESHOLD_CHARS;
  let workerFailed = false;

  const validate = async (doc: TextDocument, engine: DocumentEngine, settings: WheelhouseSettings, token?: CancellationToken): Promise<Diagnostic[]> => {
    if (!settings.validateEnable || !VALIDATED_LANGUAGES.has(doc.languageId)) return [];
    const text = doc.getText();
    if (deps.pool && engine.viaWorker && !workerFailed && (text.length > threshold || engine.workerFirst)) {
      try {
        const result = await engine.viaWorker(deps.pool, text, validateOptions(doc, settings, engine.settings), token);
        return await toDiagnosticsInSlices(doc, result, positionsFrom(result.issues, result.positions));
      } catch (error) {
        if (!(error instanceof WorkerUnavailableError)) throw error;
        // Said once; from now on big documents block the main loop as small ones do.
        workerFailed = true;
        connection.console.warn(`${error.message}; big documents are validated on the main thread`);
      }
    }
    return diagnosticsFor(doc, engine.validator, settings, token ? signalOf(token) : undefined, engine.settings);
  };

  const compute = async (doc: TextDocument, token?: CancellationToken): Promise<Diagnostic[]> => {
    if (!VALIDATED_LANGUAGES.has(doc.languageId)) return [];
    const settings = await deps.settings.get(doc.uri);
    if (!settings.validateEnable) return [];
    const engine = deps.engine(doc.uri, settings);
    if (!engine) return [];
    try {
      return await validate(doc, engine, settings, token);
    } catch (error) {
      if (token?.isCancellationRequested) throw error;
      // A bug in the engine must not take the editor down: log it, publish nothing for this version.
      connection.console.error(`validating ${doc.uri} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
      return [];
    }
  };

  connection.languages.diagnostics.on(async (params, token) => {
    const doc = documents.get(params.textDocument.uri);
    if (!doc) return { kind: DocumentDiagnosticReportKind.Full, items: [] };
    try {
      return { kind: DocumentDiagnosticReportKind.Full, items: await compute(doc, token) };
    } catch (error) {
      if (token.isCancellationRequested) throw new ResponseError(LSPErrorCodes.ServerCancelled, 'validation cancelled', { retriggerRequest: true });
      throw error;
    }
  });

  // Push: a newer version cancels the validation of the one before (big documents queue in the worker otherwise).
  const pushing = new Map<string, CancellationTokenSource>();
  const publish = async (doc: TextDocument): Promise<void> => {
    pushing.get(doc.uri)?.cancel();
    const source = new CancellationTokenSource();
    pushing.set(doc.uri, source);
    let diagnostics: Diagnostic[];
    try {
      diagnostics = await compute(doc, source.token);
    } catch (error) {
      if (source.token.isCancellationRequested) return;
      throw error;
    } finally {
      if (pushing.get(doc.uri) === source) pushing.delete(doc.uri);
      source.dispose();
    }
    // A newer version may have arrived while settings were fetched; its own publish will follow.
    if (documents.get(doc.uri)?.version !== doc.version) return;
    await connection.sendDiagnostics({ uri: doc.uri, version: doc.version, diagnostics });
  };
  const publishLogged = (doc: TextDocument): void => {
    publish(doc).catch((error: unknown) => connection.console.error(`publishing diagnostics for ${doc.uri} failed: ${String(error)}`));
  };

  documents.onDidChangeContent((event) => {
    if (!pull) publishLogged(event.document);
  });
  documents.onDidClose((event) => {
    pushing.get(event.document.uri)?.cancel();
    if (!pull) void connection.sendDiagnostics({ uri: event.document.uri, diagnostics: [] });
  });

  return {
    initialize(capabilities) {
      pull = capabilities.textDocument?.diagnostic !== undefined;
      refreshSupport = capabilities.workspace?.diagnostics?.refreshSupport === true;
      return pull ? { diagnosticProvider: { identifier: 'wheelhouse', interFileDependencies: false, workspaceDiagnostics: false } } : {};
    },
    refresh() {
      if (pull && refreshSupport) {
        connection.languages.diagnostics.refresh().catch((error: unknown) => {
          // The connection may be gone (shutdown) by the time the client answers: nothing left to tell.
          try {
            connection.console.error(`diagnostic refresh failed: ${String(error)}`);
          } catch {
            // disposed
          }
        });
      } else if (!pull) {
        for (const doc of documents.all()) publishLogged(doc);
      }
    },
  };
}
