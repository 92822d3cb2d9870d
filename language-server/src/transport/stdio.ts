/**
 * The stdio transport (`--stdio`) with the reader of stream-reader.ts instead of vscode-jsonrpc's (issue 7), and
 * what vscode-languageserver does for its own stdio streams, which it skips for a reader it did not make: the
 * process ends when stdin does, and console output goes to the client's log instead of into the protocol.
 */
import { format } from 'node:util';
import {
  createConnection,
  ProposedFeatures,
  StreamMessageWriter,
  type Connection,
} from 'vscode-languageserver/node';
import { OffThreadStreamReader } from './stream-reader.js';

/** The transport vscode-languageserver would pick from these arguments (its first transport flag wins). */
export function isStdio(argv: readonly string[]): boolean {
  const first = argv.find((a) => a === '--stdio' || a === '--node-ipc' || /^--(socket|pipe)(=|$)/.test(a));
  return first === '--stdio';
}

/**
 * A connection on process.stdin/stdout. `shutdownReceived` tells the exit code when stdin ends: 0 after a
 * shutdown request, 1 otherwise, as vscode-languageserver exits.
 */
export function createStdioConnection(shutdownReceived: () => boolean): Connection {
  const connection = createConnection(
    ProposedFeatures.all,
    new OffThreadStreamReader(process.stdin),
    new StreamMessageWriter(process.stdout),
  );
  const exit = (): never => process.exit(shutdownReceived() ? 0 : 1);
  process.stdin.on('end', exit);
  process.stdin.on('close', exit);
  const to =
    (send: (message: string) => void) =>
    (...args: unknown[]): void =>
      send(format(...args));
  // stdout is the protocol: a stray console.log from a dependency would corrupt it.
  Object.assign(console, {
    log: to((m) => connection.console.log(m)),
    info: to((m) => connection.console.info(m)),
    debug: to((m) => connection.console.log(m)),
    warn: to((m) => connection.console.warn(m)),
    error: to((m) => connection.console.error(m)),
    trace: to((m) =>
      connection.console.log(`Trace: ${m}\n${new Error().stack?.split('\n').slice(2).join('\n') ?? ''}`),
    ),
  });
  return connection;
}
