/**
 * The Wheelhouse language server's composition root (STYLE.md 5, 7): it wires the connection, the open
 * documents, the settings and the engine to the features, and holds no logic of its own.
 * Transport comes from the command line (--stdio, --node-ipc, --socket=N), as vscode-languageserver reads it.
 */
import { createConnection, ProposedFeatures, TextDocuments, TextDocumentSyncKind, type Connection, type InitializeResult } from 'vscode-languageserver/node';
import { createValidator, type Definitions, type Terminology, type Validator } from '@wheelhouse/shared/validation';
// fhirpath.js loads only when an invariant leaves the engine's own evaluators, bundled or not (~130 ms CPU).
import { bundledOrNodeFhirPathProvider, loadR4Definitions, loadR4Terminology } from '@wheelhouse/shared/node';
import type { FhirPathProvider } from '@wheelhouse/shared/fhirpath';
import { registerDiagnostics } from './features/diagnostics.js';
import { createEngines } from './features/engines.js';
import { createValidationPool } from './worker/pool.js';
import { createSettingsStore } from './features/settings.js';
import { createConfigFiles, mergeSettings } from './features/config-file.js';
import { registerLanguageFeatures } from './features/language-features.js';
import { textDocuments } from './text-document.js';
import { createStdioConnection, isStdio } from './transport/stdio.js';

export interface ServerOptions {
  /** The definitions index (default: @wheelhouse/shared's dist/definitions/r4-core.json). Bundles pass their copy. */
  definitionsFile?: string;
  /** The core terminology file (default: beside the definitions index in @wheelhouse/shared's dist). */
  terminologyFile?: string;
  /** Reported in serverInfo. */
  version?: string;
  /** Hover texts (default: the language server's dist/r4-hover.json). Bundles pass their copy. */
  hoverDataFile?: string;
  /** The validation worker script (default: dist/worker/validation-worker.js); false validates in-process only. */
  workerFile?: string | false;
}

export interface Server {
  /** A shutdown request has arrived (the exit code when the client goes away: 0 after one, else 1). */
  readonly shutdownReceived: boolean;
}

/** Wires every feature onto `connection`; the caller calls `connection.listen()`. */
export function createServer(connection: Connection, options: ServerOptions = {}): Server {
  let shutdownReceived = false;
  const documents = new TextDocuments(textDocuments);
  let configurationSupport = false;

  // The engine is set up right after initialize or on first use (the definitions index is a few MB); a failure
  // is told once, then the server stays up without diagnostics.
  let validator: Validator | undefined;
  let core: { definitions: Definitions; terminology: Terminology; fhirpath: FhirPathProvider } | undefined;
  let setupFailed = false;
  const getValidator = (): Validator | undefined => {
    if (validator || setupFailed) return validator;
    try {
      const started = Date.now();
      core = { definitions: loadR4Definitions(options.definitionsFile), terminology: loadR4Terminology(options.terminologyFile), fhirpath: bundledOrNodeFhirPathProvider };
      validator = createValidator(core);
      connection.console.info(`FHIR R4 definitions and terminology loaded in ${Date.now() - started} ms`);
    } catch (error) {
      setupFailed = true;
      const message = error instanceof Error ? error.message : String(error);
      connection.console.error(message);
      void connection.window.showErrorMessage(`Wheelhouse cannot validate: ${message}`);
    }
    return validator;
  };

  // wheelhouse.config.json wins over the editor's settings where both speak (issue 7).
  const configFiles = createConfigFiles(
    () => features.folders(),
    (message) => connection.console.warn(message),
    () => engines.clear(),
  );
  // Packages and workspace profiles per folder, as `wheelhouse validate` loads them (issue 7).
  const engines = createEngines({
    core: () => (getValidator(), core),
    coreValidator: getValidator,
    folders: () => features.folders(),
    configFiles,
    log: (message) => connection.console.info(message),
    tell: (message) => void connection.window.showWarningMessage(message),
  });
  const workerOptions =
    options.workerFile === false
      ? false
      : { ...(options.workerFile ? { workerFile: options.workerFile } : {}), ...(options.definitionsFile ? { definitionsFile: options.definitionsFile } : {}), ...(options.terminologyFile ? { terminologyFile: options.terminologyFile } : {}) };
  // One worker for big open documents and workspace passes (the core definitions are loaded once); documents go
  // first, a running workspace job is set aside for them (pool.ts).
  const pool = workerOptions === false ? undefined : createValidationPool(workerOptions);
  const settings = createSettingsStore(
    (uri) =>
      (configurationSupport ? connection.workspace.getConfiguration({ scopeUri: uri, section: 'wheelhouse' }) : Promise.resolve(undefined)).then((raw: unknown) =>
        mergeSettings(raw, configFiles.overlay(uri)),
      ),
    (message) => connection.console.warn(message),
  );
  const diagnostics = registerDiagnostics({ connection, documents, settings, engine: (uri, s) => engines.engine(uri, s), pool });
  const features = registerLanguageFeatures({
    connection,
    documents,
    settings,
    configFiles,
    validator: getValidator,
    core: () => (getValidator(), core),
    refreshDiagnostics: () => diagnostics.refresh(),
    engine: (uri, s) => engines.engine(uri, s),
    filesChanged: (changes) => changes.map((c) => engines.fileChanged(c.uri, c.deleted)).some(Boolean),
    ...(options.hoverDataFile ? { hoverDataFile: options.hoverDataFile } : {}),
    pool,
  });

  connection.onInitialize((params): InitializeResult => {
    configurationSupport = params.capabilities.workspace?.configuration === true;
    const mode = params.capabilities.textDocument?.diagnostic ? 'pull' : 'push';
    connection.console.info(`Wheelhouse language server ${options.version ?? '0.1.0'} (Node ${process.version}), ${mode} diagnostics`);
    const diagnosticCapabilities = diagnostics.initialize(params.capabilities);
    // The core engine loads now, once the answer is on its way, not when the first document asks: the client's
    // initialized / didOpen / workspace/configuration round trips overlap with it. Then, once the loop is free
    // again, the worker starts and warms up (its own thread), so the first big document does not wait for
    // its set-up, and the hover texts are read, so the first hover does not parse them (issue 7).
    setImmediate(() => {
      void getValidator();
      setImmediate(() => {
        pool?.warm();
        setImmediate(() => features.preload());
      });
    });
    return {
      capabilities: {
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental, save: { includeText: false } },
        ...diagnosticCapabilities,
        ...features.initialize(params, diagnosticCapabilities.diagnosticProvider),
      },
      serverInfo: { name: 'wheelhouse-language-server', version: options.version ?? '0.1.0' },
    };
  });
  connection.onInitialized(() => features.initialized());
  connection.onDidChangeConfiguration(() => {
    settings.clear();
    features.configurationChanged();
    diagnostics.refresh();
  });
  documents.onDidSave((event) => {
    if (engines.documentChanged(event.document.uri, event.document.getText())) diagnostics.refresh();
  });
  connection.onShutdown(() => {
    shutdownReceived = true;
    return pool?.dispose();
  });
  connection.onExit(() => void pool?.dispose());

  documents.listen(connection);
  return {
    get shutdownReceived() {
      return shutdownReceived;
    },
  };
}

/**
 * Starts a server on the transport named on the command line. stdio gets our own reader, which decodes big
 * messages off the main thread (transport/stream-reader.ts); the others are vscode-languageserver's.
 */
export function startServer(options: ServerOptions = {}): Connection {
  const connection = isStdio(process.argv.slice(2)) ? createStdioConnection(() => server.shutdownReceived) : createConnection(ProposedFeatures.all);
  const server = createServer(connection, options);
  connection.listen();
  return connection;
}
