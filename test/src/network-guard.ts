/**
 * Loopback only: every client under test (browsers, code-server) is pointed at a trap proxy on 127.0.0.1 that
 * refuses and records each request for a non-loopback host. A test calls `assertNoLeaks()` at the end, so a
 * request leaving 127.0.0.1 is both blocked and a failure. Playwright contexts also get a route that aborts and
 * records non-loopback URLs (requests that do not go through the proxy, e.g. from extension pages).
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import type { BrowserContext } from 'playwright-core';

const LOOPBACK_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]', '::1']);

/** Schemes that never touch the network. */
const LOCAL_SCHEMES = new Set(['data:', 'blob:', 'about:', 'chrome:', 'chrome-extension:', 'moz-extension:', 'devtools:', 'file:', 'vscode-remote-resource:', 'vscode-file:']);

export function isLoopbackHost(host: string): boolean {
  return LOOPBACK_HOSTS.has(host.toLowerCase()) || /^127\.\d+\.\d+\.\d+$/.test(host);
}

/** True when fetching `url` stays on this machine. */
export function staysLocal(url: string): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  return LOCAL_SCHEMES.has(parsed.protocol) || isLoopbackHost(parsed.hostname);
}

export interface NetworkGuard {
  /** `http://127.0.0.1:PORT`, for --proxy-server, HTTP(S)_PROXY and Firefox's proxy prefs. */
  readonly proxyUrl: string;
  readonly proxyPort: number;
  /** Every non-loopback request seen so far (method and URL or host). */
  readonly leaks: readonly string[];
  /** Aborts and records non-loopback requests made by a Playwright context. */
  guardContext(context: BrowserContext): Promise<void>;
  /** Throws, listing them, when any request tried to leave 127.0.0.1. */
  assertNoLeaks(): void;
  close(): Promise<void>;
}

export async function startNetworkGuard(): Promise<NetworkGuard> {
  const leaks: string[] = [];
  const sockets = new Set<Socket>();
  const server: Server = createServer((req, res) => {
    // A proxied HTTP request carries an absolute URL. Loopback ones should have bypassed the proxy; refuse all.
    const url = req.url ?? '';
    if (!staysLocal(url)) leaks.push(`${req.method ?? 'GET'} ${url}`);
    res.writeHead(403, { 'content-type': 'text/plain', connection: 'close' });
    res.end('blocked by the Wheelhouse test network guard: tests may only reach 127.0.0.1\n');
  });
  server.on('connect', (req, socket: Socket) => {
    const target = req.url ?? '';
    const host = target.replace(/:\d+$/, '');
    if (!isLoopbackHost(host)) leaks.push(`CONNECT ${target}`);
    socket.end('HTTP/1.1 403 Forbidden\r\nConnection: close\r\n\r\n');
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const port = (server.address() as AddressInfo).port;

  return {
    proxyUrl: `http://127.0.0.1:${port}`,
    proxyPort: port,
    leaks,
    async guardContext(context) {
      await context.route(
        (url) => !staysLocal(url.href),
        async (route) => {
          leaks.push(`${route.request().method()} ${route.request().url()}`);
          await route.abort('blockedbyclient');
        },
      );
    },
    assertNoLeaks() {
      if (leaks.length > 0) {
        throw new Error(`requests tried to leave 127.0.0.1 (blocked):\n  ${[...new Set(leaks)].join('\n  ')}`);
      }
    },
    async close() {
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
