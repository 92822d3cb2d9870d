/**
 * Registers the editor features beyond diagnostics (issue 7) on the connection: hover, completion, code
 * actions, document symbols, go to definition, workspace diagnostics, the validate-workspace request, and
 * re-validation when wheelhouse.config.json changes. Handlers stay thin (STYLE.md 5): find the document, call
 * the feature, convert offsets with convert.ts.
 */
import { fileURLToPath } from 'node:url';
import {
  CodeActionKind,
  CompletionItemKind,
  DidChangeWatchedFilesNotification,
  FileChangeType,
  InsertTextFormat,
  RequestType0,
  SymbolKind,
  type ClientCapabilities,
  type CompletionItem,
  type Connection,
  type Diagnostic,
  type DocumentSymbol,
  type InitializeParams,
  type ServerCapabilities,
  type TextDocuments,
} from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Definitions, Terminology, Validator } from '@wheelhouse/shared/validation';
import { toRange } from '../convert.js';
import { VALIDATE_WORKSPACE, type ValidateWorkspaceResult } from '../protocol.js';
import type { ValidationPool } from '../worker/pool.js';
import { codeActions } from './code-actions.js';
import { completeAt, plainText, type Completion } from './completion.js';
import type { ConfigFiles } from './config-file.js';
import type { DocumentEngine } from './diagnostics.js';
import { definitionAt } from './definition.js';
import { createTreeCache } from './fhir-tree.js';
import { lazyHoverData } from './hover-data.js';
import { hoverAt } from './hover.js';
import type { SettingsStore, WheelhouseSettings } from './settings.js';
import { outline, type OutlineSymbol } from './symbols.js';
import { createWorkspaceFeature } from './workspace.js';

export interface LanguageFeaturesDeps {
  connection: Connection;
  documents: TextDocuments<TextDocument>;
  settings: SettingsStore;
  configFiles: ConfigFiles;
  validator(): Validator | undefined;
  /** The core definitions and terminology the validator was built from (undefined when setup failed). */
  core(): { definitions: Definitions; terminology: Terminology | undefined } | undefined;
  /** Re-validate the open documents (the diagnostics feature's refresh). */
  refreshDiagnostics(): void;
  hoverDataFile?: string;
  /** The validation worker (the server's, shared with big open documents); undefined validates in-process. */
  pool?: ValidationPool | undefined;
  /** The engine for a file (config settings, the folder's packages and profiles), as open documents get it. */
  engine?(uri: string, settings: WheelhouseSettings): DocumentEngine | undefined;
  /** Files changed on disk; returns true when profiles or value sets changed, so everything re-validates. */
  filesChanged?(changes: readonly { uri: string; deleted: boolean }[]): boolean;
}

export interface LanguageFeatures {
  /** Called from onInitialize with the diagnostics feature's capabilities; returns the capabilities to announce. */
  initialize(
    params: InitializeParams,
    diagnosticProvider: ServerCapabilities['diagnosticProvider'],
  ): ServerCapabilities;
  /** Called from onInitialized: dynamic registrations. */
  initialized(): void;
  /** workspace/didChangeConfiguration: settings changed. */
  configurationChanged(): void;
  /** The workspace folder paths. */
  folders(): readonly string[];
  /** Reads what the first hover or completion would otherwise read (the hover texts, ~3 MB); for an idle moment. */
  preload(): void;
}

function filePaths(uris: readonly string[]): string[] {
  return uris.filter((u) => u.startsWith('file:')).map((u) => fileURLToPath(u));
}

const JSON_LANGUAGES = new Set(['json', 'jsonc']);

const COMPLETION_KIND: Record<Completion['kind'], CompletionItemKind> = {
  property: CompletionItemKind.Property,
  value: CompletionItemKind.Value,
  snippet: CompletionItemKind.Snippet,
};

function symbolOf(doc: TextDocument, s: OutlineSymbol): DocumentSymbol {
  return {
    name: s.name,
    ...(s.detail ? { detail: s.detail } : {}),
    kind: s.kind === 'resource' ? SymbolKind.Class : SymbolKind.Field,
    range: toRange(doc, s.offset, s.length),
    selectionRange: toRange(doc, s.selectionOffset, s.selectionLength),
    children: s.children.map((c) => symbolOf(doc, c)),
  };
}

export function registerLanguageFeatures(deps: LanguageFeaturesDeps): LanguageFeatures {
  const { connection, documents } = deps;
  const trees = createTreeCache();
  const hoverData = lazyHoverData(deps.hoverDataFile, (m) => connection.console.warn(m));
  let capabilities: ClientCapabilities = {};
  let folders: string[] = [];

  const jsonDoc = (uri: string): TextDocument | undefined => {
    const doc = documents.get(uri);
    return doc && JSON_LANGUAGES.has(doc.languageId) ? doc : undefined;
  };

  const workspace = createWorkspaceFeature({
    connection,
    settings: deps.settings,
    validator: () => deps.validator(),
    engine: (uri, settings) => deps.engine?.(uri, settings),
    // Behind open documents' jobs in the shared worker: nobody is looking at a workspace file being validated.
    pool: deps.pool?.background,
    folders: () => folders,
    isOpen: (uri) => documents.get(uri) !== undefined,
    canCreateProgress: () => capabilities.window?.workDoneProgress === true,
  });

  connection.onHover((params) => {
    const doc = jsonDoc(params.textDocument.uri);
    const core = doc && deps.core();
    if (!doc || !core) return null;
    const hover = hoverAt(trees.get(doc), doc.offsetAt(params.position), { ...core, texts: hoverData() });
    return hover
      ? {
          contents: { kind: 'markdown', value: hover.markdown },
          range: toRange(doc, hover.offset, hover.length),
        }
      : null;
  });

  connection.onCompletion((params): CompletionItem[] => {
    const doc = jsonDoc(params.textDocument.uri);
    const core = doc && deps.core();
    if (!doc || !core) return [];
    const snippets = capabilities.textDocument?.completion?.completionItem?.snippetSupport === true;
    return completeAt(trees.get(doc), doc.offsetAt(params.position), {
      ...core,
      texts: hoverData(),
      canonicals: (type) => workspace.canonicalUrls(type),
    }).map((c) => ({
      label: c.label,
      kind: COMPLETION_KIND[c.kind],
      ...(c.detail ? { detail: c.detail } : {}),
      ...(c.documentation ? { documentation: { kind: 'markdown', value: c.documentation } } : {}),
      insertTextFormat: snippets ? InsertTextFormat.Snippet : InsertTextFormat.PlainText,
      textEdit: {
        range: toRange(doc, c.offset, c.length),
        newText: snippets ? c.snippet : plainText(c.snippet),
      },
      ...(c.sortText ? { sortText: c.sortText } : {}),
      ...(c.filterText ? { filterText: c.filterText } : {}),
    }));
  });

  connection.onCodeAction((params) => {
    const doc = documents.get(params.textDocument.uri);
    if (!doc) return [];
    const only = params.context.only;
    if (only && !only.some((k) => CodeActionKind.QuickFix.startsWith(k))) return [];
    const ops = capabilities.workspace?.workspaceEdit?.resourceOperations ?? [];
    return codeActions(doc.uri, doc, params.context.diagnostics, {
      configFor: (uri) => deps.configFiles.target(uri, (u) => documents.get(u)?.getText()),
      canCreateFiles:
        ops.includes('create') && capabilities.workspace?.workspaceEdit?.documentChanges === true,
    });
  });

  connection.onDocumentSymbol((params) => {
    const doc = jsonDoc(params.textDocument.uri);
    return doc ? outline(trees.get(doc)).map((s) => symbolOf(doc, s)) : [];
  });

  connection.onDefinition((params) => {
    const doc = jsonDoc(params.textDocument.uri);
    if (!doc) return null;
    const target = definitionAt(trees.get(doc), doc.offsetAt(params.position), {
      findCanonical: (url) => workspace.findCanonical(url),
    });
    if (!target) return null;
    const where =
      target.uri !== undefined && target.text !== undefined
        ? TextDocument.create(target.uri, 'json', 0, target.text)
        : doc;
    return { uri: target.uri ?? doc.uri, range: toRange(where, target.offset, target.length) };
  });

  connection.languages.diagnostics.onWorkspace((params, token, workDone, resultProgress) =>
    workspace.pull(params, token, workDone, resultProgress),
  );

  connection.onRequest(new RequestType0<ValidateWorkspaceResult, void>(VALIDATE_WORKSPACE), (token) =>
    workspace.validateAll(
      (uri, diagnostics: Diagnostic[]) => void connection.sendDiagnostics({ uri, diagnostics }),
      token,
    ),
  );

  const configChanged = (): void => {
    deps.configFiles.clear();
    deps.settings.clear();
    deps.refreshDiagnostics();
    workspace.changed(true);
  };

  connection.onDidChangeWatchedFiles((params) => {
    const changes = params.changes.map((c) => ({ uri: c.uri, deleted: c.type === FileChangeType.Deleted }));
    if (params.changes.some((c) => deps.configFiles.isConfigFile(c.uri))) configChanged();
    else if (deps.filesChanged?.(changes)) {
      deps.refreshDiagnostics();
      workspace.changed(true);
    } else workspace.changed(false);
  });
  documents.onDidClose((event) => {
    trees.delete(event.document.uri);
    workspace.closed(event.document.uri);
  });

  return {
    initialize(params, diagnosticProvider) {
      capabilities = params.capabilities;
      // Multi-root: every workspace folder; older clients send only rootUri.
      folders = filePaths(
        params.workspaceFolders
          ? params.workspaceFolders.map((f) => f.uri)
          : params.rootUri
            ? [params.rootUri]
            : [],
      );
      return {
        hoverProvider: true,
        completionProvider: { triggerCharacters: ['"', ':'], resolveProvider: false },
        codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix] },
        documentSymbolProvider: true,
        definitionProvider: true,
        ...(diagnosticProvider && typeof diagnosticProvider === 'object'
          ? { diagnosticProvider: { ...diagnosticProvider, workspaceDiagnostics: folders.length > 0 } }
          : {}),
        ...(params.capabilities.workspace?.workspaceFolders
          ? { workspace: { workspaceFolders: { supported: true, changeNotifications: true } } }
          : {}),
      };
    },
    initialized() {
      if (capabilities.workspace?.didChangeWatchedFiles?.dynamicRegistration) {
        void connection.client.register(DidChangeWatchedFilesNotification.type, {
          watchers: [{ globPattern: '**/wheelhouse.config.json' }, { globPattern: '**/*.{json,xml}' }],
        });
      }
      if (capabilities.workspace?.workspaceFolders) {
        connection.workspace.onDidChangeWorkspaceFolders((event) => {
          const removed = new Set(filePaths(event.removed.map((f) => f.uri)));
          folders = folders.filter((f) => !removed.has(f)).concat(filePaths(event.added.map((f) => f.uri)));
          workspace.changed(true);
        });
      }
    },
    folders() {
      return folders;
    },
    preload() {
      hoverData();
    },
    configurationChanged() {
      deps.configFiles.clear();
      workspace.changed(true);
    },
  };
}
