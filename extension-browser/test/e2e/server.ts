/**
 * The e2e page server on 127.0.0.1: fixture pages by path, a remote catalogue with ETags, and a log of every
 * request it receives (URL, headers, body), so a suite can assert that no request carries page text.
 */
import { readFileSync } from 'node:fs';
import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import type { FixtureCase } from './cases.ts';

export const EXTENSION_ROOT = join(import.meta.dirname, '..', '..');
export const FIXTURES = join(EXTENSION_ROOT, 'test', 'fixtures');

export interface LoggedRequest {
  method: string;
  url: string;
  headers: IncomingHttpHeaders;
  body: string;
}

export interface RemoteCatalogue {
  body: string;
  etag: string;
}

export interface FixtureServer {
  origin: string;
  requests: LoggedRequest[];
  /** What `/catalogue/catalogue.json` serves next (404 until set). */
  setCatalogue(value: RemoteCatalogue | undefined): void;
  setKillSwitch(disabledAdapters: string[] | undefined): void;
  close(): Promise<void>;
}

/** `extraPages` maps paths to fixture names; `rawPages` maps paths to HTML text. */
export async function startFixtureServer(
  cases: readonly FixtureCase[],
  extraPages: Record<string, string> = {},
  rawPages: Record<string, string> = {},
): Promise<FixtureServer> {
  const pages = new Map<string, string>();
  for (const c of cases) pages.set(c.path, readFileSync(join(FIXTURES, `${c.fixture}.html`), 'utf8'));
  for (const [path, fixture] of Object.entries(extraPages)) pages.set(path, readFileSync(join(FIXTURES, `${fixture}.html`), 'utf8'));
  for (const [path, html] of Object.entries(rawPages)) pages.set(path, html);
  const linked = new Map<string, string>();
  for (const c of cases) for (const [path, file] of Object.entries(c.linked ?? {})) linked.set(path, readFileSync(join(FIXTURES, file), 'utf8'));
  const requests: LoggedRequest[] = [];
  let catalogue: RemoteCatalogue | undefined;
  let killSwitch: string[] | undefined;

  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const url = req.url ?? '/';
      requests.push({ method: req.method ?? 'GET', url, headers: req.headers, body: Buffer.concat(chunks).toString('utf8') });
      const path = url.split('?')[0] ?? '/';
      // Extension fetches need CORS, as from raw.githubusercontent.com.
      const cors = { 'access-control-allow-origin': '*', 'access-control-expose-headers': 'etag' };
      if (path === '/catalogue/catalogue.json' && catalogue) {
        if (req.headers['if-none-match'] === catalogue.etag) {
          res.writeHead(304, { ...cors, etag: catalogue.etag }).end();
          return;
        }
        res.writeHead(200, { ...cors, 'content-type': 'application/json', etag: catalogue.etag }).end(catalogue.body);
        return;
      }
      if (path === '/catalogue/extension.json' && killSwitch) {
        res.writeHead(200, { ...cors, 'content-type': 'application/json' }).end(JSON.stringify({ disabledAdapters: killSwitch }));
        return;
      }
      const data = linked.get(path);
      if (data) {
        res.writeHead(200, { 'content-type': 'application/json' }).end(data);
        return;
      }
      const page = pages.get(path);
      if (page) {
        res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(page);
        return;
      }
      res.writeHead(404, cors).end('not found');
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    requests,
    setCatalogue: (value) => {
      catalogue = value;
    },
    setKillSwitch: (value) => {
      killSwitch = value;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** Requests (to this server or caught by the network guard) whose URL, headers or body contain page text. */
export function requestsCarrying(secrets: readonly string[], requests: readonly LoggedRequest[], leaks: readonly string[]): string[] {
  const found: string[] = [];
  const lower = secrets.map((s) => s.toLowerCase());
  const check = (where: string, text: string) => {
    let decoded = text;
    try {
      decoded = decodeURIComponent(text.replace(/\+/g, ' '));
    } catch {
      // Not URL-encoded.
    }
    for (const s of lower) if (decoded.toLowerCase().includes(s)) found.push(`${where} carries "${s}"`);
  };
  for (const r of requests) check(`${r.method} ${r.url}`, `${r.url}\n${JSON.stringify(r.headers)}\n${r.body}`);
  for (const l of leaks) check(l, l);
  return found;
}
