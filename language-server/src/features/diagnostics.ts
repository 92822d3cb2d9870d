/**
 * Diagnostics: validate an open document with the engine and hand the issues to the client. Pull
 * (textDocument/diagnostic) when the client supports it, push (textDocument/publishDiagnostics) otherwise.
 * Configuration changes ask the client to pull again (workspace/diagnostic/refresh) rather than re-validating
 * on timers (STYLE.md 5).
 */
import {
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
import type { CancellationSignal, Validator } from '@wheelhouse/shared/validation';
import { toDiagnostic } from '../convert.js';
import type { SettingsStore, WheelhouseSettings } from './settings.js';

/** The documents this server validates (the client's document selector says the same). */
export const VALIDATED_LANGUAGES: ReadonlySet<string> = new Set(['json', 'xml']);

/**
 * The diagnostics for one document: the engine's issues when the text is FHIR. Non-FHIR JSON (package.json,
 * tsconfig.json, ...) gets nothing, not even syntax errors, which the editor's own JSON support already reports.
 * Throws what `validator.validate` throws when `signal` is aborted.
 */
export function diagnosticsFor(doc: TextDocument, validator: Validator, settings: WheelhouseSettings, signal?: CancellationSignal): Diagnostic[] {
  if (!settings.validateEnable || !VALIDATED_LANGUAGES.has(doc.languageId)) return [];
  const text = doc.getText();
  const result = validator.validate(text, {
    fileName: doc.uri,
    rules: settings.rules,
    ...(settings.profiles.length > 0 ? { profiles: settings.profiles } : {}),
    ...(signal ? { signal } : {}),
  });
  if (!result.isFhir) return [];
  return result.issues.map((issue) => toDiagnostic(issue, doc, doc.version));
}

export interface DiagnosticsDeps {
  connection: Connection;
  documents: TextDocuments<TextDocument>;
  settings: SettingsStore;
  /** The engine; undefined when it could not be set up (the server has already told the user why). */
  validator(): Validator | undefined;
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

  const compute = async (doc: TextDocument, token?: CancellationToken): Promise<Diagnostic[]> => {
    const validator = deps.validator();
    if (!validator) return [];
    const settings = await deps.settings.get(doc.uri);
    try {
      return diagnosticsFor(doc, validator, settings, token ? signalOf(token) : undefined);
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

  const publish = async (doc: TextDocument): Promise<void> => {
    const diagnostics = await compute(doc);
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
        connection.languages.diagnostics.refresh().catch((error: unknown) => connection.console.error(`diagnostic refresh failed: ${String(error)}`));
      } else if (!pull) {
        for (const doc of documents.all()) publishLogged(doc);
      }
    },
  };
}
