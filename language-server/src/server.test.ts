/**
 * The server over real JSON-RPC: a protocol client and the server on in-memory streams, both diagnostic modes.
 */
import { PassThrough } from 'node:stream';
import { afterEach, describe, expect, test } from 'vitest';
import {
  createConnection,
  createProtocolConnection,
  DocumentDiagnosticRequest,
  InitializeRequest,
  ProposedFeatures,
  PublishDiagnosticsNotification,
  StreamMessageReader,
  StreamMessageWriter,
  type ClientCapabilities,
  type Diagnostic,
  type FullDocumentDiagnosticReport,
  type ProtocolConnection,
} from 'vscode-languageserver/node';
import { createServer } from './server.js';

const PATIENT = '{\n  "resourceType": "Patient",\n  "birthdate": "1970-01-01"\n}\n';
const NOT_FHIR = '{ "name": "some-package", "version": "1.0.0" }';

let open: { client: ProtocolConnection; dispose(): void } | undefined;
afterEach(() => {
  open?.dispose();
  open = undefined;
});

async function start(capabilities: ClientCapabilities, configuration?: unknown): Promise<ProtocolConnection> {
  const up = new PassThrough();
  const down = new PassThrough();
  const server = createConnection(ProposedFeatures.all, new StreamMessageReader(up), new StreamMessageWriter(down));
  createServer(server);
  server.listen();
  const client = createProtocolConnection(new StreamMessageReader(down), new StreamMessageWriter(up));
  client.onRequest('workspace/configuration', (params: { items: unknown[] }) => params.items.map(() => configuration));
  client.listen();
  open = { client, dispose: () => (client.dispose(), server.dispose()) };
  await client.sendRequest(InitializeRequest.type, { processId: null, rootUri: null, capabilities, workspaceFolders: null });
  await client.sendNotification('initialized', {});
  return client;
}

async function didOpen(client: ProtocolConnection, uri: string, text: string): Promise<void> {
  await client.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'json', version: 1, text } });
}

describe('language server', () => {
  test('pull: reports the unknown property with rule id, source, docs link and range', async () => {
    const client = await start({ textDocument: { diagnostic: { dynamicRegistration: false } }, workspace: { configuration: true } });
    await didOpen(client, 'file:///ws/patient.json', PATIENT);
    const report = (await client.sendRequest(DocumentDiagnosticRequest.type, { textDocument: { uri: 'file:///ws/patient.json' } })) as FullDocumentDiagnosticReport;
    expect(report.kind).toBe('full');
    const d = report.items.find((i) => i.code === 'unknown-property');
    expect(d).toMatchObject({ source: 'wheelhouse', severity: 1, range: { start: { line: 2, character: 2 } } });
    expect(d?.codeDescription?.href).toMatch(/docs\/rules\/unknown-property\.md$/);
    expect(d?.message).toContain('birthDate');
  });

  test('pull: non-FHIR JSON (package.json and the like) gets no diagnostics', async () => {
    const client = await start({ textDocument: { diagnostic: {} }, workspace: { configuration: true } });
    await didOpen(client, 'file:///ws/package.json', NOT_FHIR.replace('"1.0.0"', '"1.0.0",, }'));
    const report = (await client.sendRequest(DocumentDiagnosticRequest.type, { textDocument: { uri: 'file:///ws/package.json' } })) as FullDocumentDiagnosticReport;
    expect(report.items).toEqual([]);
  });

  test('pull: wheelhouse.validate.enable=false turns diagnostics off', async () => {
    const client = await start({ textDocument: { diagnostic: {} }, workspace: { configuration: true } }, { validate: { enable: false } });
    await didOpen(client, 'file:///ws/patient.json', PATIENT);
    const report = (await client.sendRequest(DocumentDiagnosticRequest.type, { textDocument: { uri: 'file:///ws/patient.json' } })) as FullDocumentDiagnosticReport;
    expect(report.items).toEqual([]);
  });

  test('push: a client without pull support gets publishDiagnostics, emptied on close', async () => {
    const client = await start({});
    const published: { uri: string; diagnostics: Diagnostic[] }[] = [];
    const next = (): Promise<{ uri: string; diagnostics: Diagnostic[] }> =>
      new Promise((resolve) => {
        const sub = client.onNotification(PublishDiagnosticsNotification.type, (p) => {
          published.push(p);
          sub.dispose();
          resolve(p);
        });
      });
    let got = next();
    await didOpen(client, 'file:///ws/patient.json', PATIENT);
    const first = await got;
    expect(first.diagnostics.map((d) => d.code)).toContain('unknown-property');
    got = next();
    await client.sendNotification('textDocument/didClose', { textDocument: { uri: 'file:///ws/patient.json' } });
    expect((await got).diagnostics).toEqual([]);
  });
});
