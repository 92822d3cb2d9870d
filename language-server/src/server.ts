/**
 * The Wheelhouse language server's composition root (STYLE.md 5, 7): it wires the connection, the open
 * documents, the settings and the engine to the features, and holds no logic of its own.
 * Transport comes from the command line (--stdio, --node-ipc, --socket=N), as vscode-languageserver reads it.
 */
import { createConnection, ProposedFeatures, TextDocuments, TextDocumentSyncKind, type Connection, type InitializeResult } from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { createValidator, type Validator } from '@wheelhouse/shared/validation';
import { loadR4Definitions, loadR4Terminology } from '@wheelhouse/shared/node';
import { registerDiagnostics } from './features/diagnostics.js';
import { createSettingsStore } from './features/settings.js';

export interface ServerOptions {
  /** The definitions index (default: @wheelhouse/shared's dist/definitions/r4-core.json). Bundles pass their copy. */
  definitionsFile?: string;
  /** The core terminology file (default: beside the definitions index in @wheelhouse/shared's dist). */
  terminologyFile?: string;
  /** Reported in serverInfo. */
  version?: string;
}

/** Wires every feature onto `connection`; the caller calls `connection.listen()`. */
export function createServer(connection: Connection, options: ServerOptions = {}): void {
  const documents = new TextDocuments(TextDocument);
  let configurationSupport = false;

  // The engine is set up on first use (the definitions index is a few MB); a failure is told once, then the
  // server stays up without diagnostics.
  let validator: Validator | undefined;
  let setupFailed = false;
  const getValidator = (): Validator | undefined => {
    if (validator || setupFailed) return validator;
    try {
      validator = createValidator({ definitions: loadR4Definitions(options.definitionsFile), terminology: loadR4Terminology(options.terminologyFile) });
    } catch (error) {
      setupFailed = true;
      const message = error instanceof Error ? error.message : String(error);
      connection.console.error(message);
      void connection.window.showErrorMessage(`Wheelhouse cannot validate: ${message}`);
    }
    return validator;
  };

  const settings = createSettingsStore(
    (uri) => (configurationSupport ? connection.workspace.getConfiguration({ scopeUri: uri, section: 'wheelhouse' }) : Promise.resolve(undefined)),
    (message) => connection.console.warn(message),
  );
  const diagnostics = registerDiagnostics({ connection, documents, settings, validator: getValidator });

  connection.onInitialize((params): InitializeResult => {
    configurationSupport = params.capabilities.workspace?.configuration === true;
    return {
      capabilities: {
        textDocumentSync: TextDocumentSyncKind.Incremental,
        ...diagnostics.initialize(params.capabilities),
      },
      serverInfo: { name: 'wheelhouse-language-server', version: options.version ?? '0.1.0' },
    };
  });
  connection.onDidChangeConfiguration(() => {
    settings.clear();
    diagnostics.refresh();
  });

  documents.listen(connection);
}

/** Starts a server on the transport named on the command line. */
export function startServer(options: ServerOptions = {}): Connection {
  const connection = createConnection(ProposedFeatures.all);
  createServer(connection, options);
  connection.listen();
  return connection;
}
