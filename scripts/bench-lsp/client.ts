// The benchmark's LSP client (index.ts, profile.ts): a language server spawned over stdio, connected with the
// protocol client of the language server's own dependency (the root package does not depend on it), initialised
// the way an editor with pull diagnostics, markdown hover, configuration and progress does.
import { fork, spawn, type ChildProcess } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const repo = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const require = createRequire(join(repo, 'language-server', 'package.json'));
// The part of its API used here, typed locally (the root package cannot resolve its types).
export interface Connection {
  listen(): void;
  dispose(): void;
  sendRequest<R = unknown>(method: string, params?: unknown): Promise<R>;
  sendNotification(method: string, params?: unknown): Promise<void>;
  onRequest(method: string, handler: (params: { items: unknown[] }) => unknown): void;
  onNotification(method: string, handler: (params: { message: string }) => void): void;
}
interface Rpc {
  createProtocolConnection(reader: unknown, writer: unknown): Connection;
  StreamMessageReader: new (stream: NodeJS.ReadableStream) => unknown;
  StreamMessageWriter: new (stream: NodeJS.WritableStream) => unknown;
  IPCMessageReader: new (process: ChildProcess) => unknown;
  IPCMessageWriter: new (process: ChildProcess) => unknown;
}
const rpc = require('vscode-languageserver/node') as Rpc;

export interface Client {
  proc: ChildProcess;
  conn: Connection;
  /**
   * Ends the server as an editor does (shutdown request, exit notification) and waits for the process to end, so
   * Node writes its compile cache as it would for a user; killed after 5 s if it has not ended by then.
   */
  dispose(): Promise<void>;
}

/**
 * Starts `node <nodeArgs...> --stdio` (or `--node-ipc`, as VS Code's client forks the extension's server) and
 * initialises it with `folder` (or none) as the workspace folder. `log` receives the server's window/logMessage texts.
 */
export async function startClient(
  nodeArgs: string[],
  folder: string | undefined,
  log: (message: string) => void = () => {},
  transport: 'stdio' | 'ipc' = 'stdio',
): Promise<Client> {
  const proc =
    transport === 'ipc'
      ? fork(nodeArgs.at(-1)!, ['--node-ipc'], {
          execArgv: nodeArgs.slice(0, -1),
          stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
        })
      : spawn(process.execPath, [...nodeArgs, '--stdio'], { stdio: ['pipe', 'pipe', 'inherit'] });
  const conn =
    transport === 'ipc'
      ? rpc.createProtocolConnection(new rpc.IPCMessageReader(proc), new rpc.IPCMessageWriter(proc))
      : rpc.createProtocolConnection(
          new rpc.StreamMessageReader(proc.stdout!),
          new rpc.StreamMessageWriter(proc.stdin!),
        );
  conn.onRequest('workspace/configuration', (p) => p.items.map(() => ({})));
  conn.onRequest('window/workDoneProgress/create', () => null);
  conn.onRequest('client/registerCapability', () => null);
  conn.onNotification('window/logMessage', (m) => log(m.message));
  conn.listen();
  await conn.sendRequest('initialize', {
    processId: process.pid,
    rootUri: null,
    capabilities: {
      textDocument: { diagnostic: {}, hover: { contentFormat: ['markdown'] } },
      workspace: { configuration: true, workspaceFolders: true },
      window: { workDoneProgress: true },
    },
    workspaceFolders: folder ? [{ uri: pathToFileURL(folder).href, name: 'bench' }] : null,
  });
  await conn.sendNotification('initialized', {});
  return {
    proc,
    conn,
    async dispose() {
      const ended = new Promise<void>((resolve) => {
        if (proc.exitCode !== null || proc.signalCode !== null) resolve();
        else proc.once('exit', () => resolve());
      });
      const kill = setTimeout(() => proc.kill(), 5000);
      try {
        await conn.sendRequest('shutdown');
        await conn.sendNotification('exit');
      } catch {
        proc.kill();
      }
      await ended;
      clearTimeout(kill);
      conn.dispose();
    },
  };
}
