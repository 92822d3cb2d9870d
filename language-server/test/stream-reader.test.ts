/**
 * The stdio reader (issue 7): framing as vscode-jsonrpc frames, big bodies decoded off the main thread, and only
 * messages about other documents handled before a big message still being decoded.
 */
import { PassThrough } from 'node:stream';
import { afterEach, describe, expect, test } from 'vitest';
import {
  createConnection,
  createProtocolConnection,
  DocumentDiagnosticRequest,
  HoverRequest,
  InitializeRequest,
  ProposedFeatures,
  StreamMessageReader,
  StreamMessageWriter,
  type FullDocumentDiagnosticReport,
  type Message,
} from 'vscode-languageserver/node';
import { createServer } from '../src/server.js';
import { peekRoute } from '../src/transport/route.js';
import {
  inlineDecode,
  MAX_HEADER_BYTES,
  MessageDecodeError,
  OffThreadStreamReader,
  type BodyDecoder,
} from '../src/transport/stream-reader.js';
import { ensureHoverData, HOVER_DATA } from './lsp-client.js';

const disposables: { dispose(): void }[] = [];
afterEach(() => {
  for (const d of disposables.splice(0)) d.dispose();
});

function frame(message: unknown, headers: Record<string, string> = {}): Buffer {
  const body = Buffer.from(JSON.stringify(message), 'utf8');
  const head = Object.entries({ 'Content-Length': String(body.length), ...headers })
    .map(([k, v]) => `${k}: ${v}\r\n`)
    .join('');
  return Buffer.concat([Buffer.from(`${head}\r\n`, 'ascii'), body]);
}

const request = (id: number, method: string, uri?: string): Message =>
  ({
    jsonrpc: '2.0',
    id,
    method,
    params: uri ? { textDocument: { uri }, position: { line: 0, character: 0 } } : {},
  }) as Message;
const didOpen = (uri: string, text: string): Message =>
  ({
    jsonrpc: '2.0',
    method: 'textDocument/didOpen',
    params: { textDocument: { uri, languageId: 'json', version: 1, text } },
  }) as Message;

/** A reader on a fresh stream, collecting what it hands on and what it reports. */
function reading(options: ConstructorParameters<typeof OffThreadStreamReader>[1] = {}) {
  const stream = new PassThrough();
  const reader = new OffThreadStreamReader(stream, options);
  const messages: Message[] = [];
  const errors: Error[] = [];
  reader.onError((e) => errors.push(e));
  reader.listen((m) => messages.push(m));
  disposables.push(reader);
  return { stream, messages, errors };
}

async function until(condition: () => boolean): Promise<void> {
  while (!condition()) await new Promise((r) => setImmediate(r));
}

/** A decoder that holds each big body until the test releases it. */
function heldDecoder(): BodyDecoder & { held: number; release(): void } {
  const held: { body: Uint8Array; resolve: (v: unknown) => void; reject: (e: unknown) => void }[] = [];
  return {
    prepare() {},
    decode: (body) => new Promise((resolve, reject) => held.push({ body, resolve, reject })),
    dispose() {},
    get held() {
      return held.length;
    },
    release() {
      const next = held.shift()!;
      inlineDecode(next.body).then(next.resolve, next.reject);
    },
  };
}

const ids = (messages: Message[]): unknown[] =>
  messages.map((m) => ('id' in m ? m.id : (m as { method: string }).method));

describe('framing', () => {
  const messages = [
    request(1, 'textDocument/hover', 'file:///a.json'),
    didOpen('file:///é.json', '{ "name": "Zoë 😀 €" }'),
    request(2, 'shutdown'),
  ];
  const bytes = Buffer.concat(messages.map((m) => frame(m)));

  test.each([1, 2, 3, 7, 64, bytes.length])(
    'the same messages whatever the chunk size (%i bytes), multi-byte characters split',
    async (size) => {
      for (const bigMessageBytes of [Infinity, 16]) {
        const {
          stream,
          messages: got,
          errors,
        } = reading({ bigMessageBytes, decoder: { prepare() {}, decode: inlineDecode, dispose() {} } });
        for (let i = 0; i < bytes.length; i += size) stream.write(bytes.subarray(i, i + size));
        await until(() => got.length === 3);
        expect(got).toEqual(messages);
        expect(errors).toEqual([]);
      }
    },
  );

  test('a Content-Type header is read past', async () => {
    const { stream, messages: got } = reading();
    stream.write(
      frame(request(1, 'shutdown'), { 'Content-Type': 'application/vscode-jsonrpc; charset=utf-8' }),
    );
    await until(() => got.length === 1);
    expect(got).toEqual([request(1, 'shutdown')]);
  });

  test('a header without Content-Length is reported; the next message is read', async () => {
    const { stream, messages: got, errors } = reading();
    stream.write(
      Buffer.concat([
        Buffer.from('Content-Type: application/vscode-jsonrpc\r\n\r\n'),
        frame(request(1, 'shutdown')),
      ]),
    );
    await until(() => got.length === 1);
    expect(errors[0]?.message).toMatch(/Content-Length/);
    expect(got).toEqual([request(1, 'shutdown')]);
  });
  test('bytes that never end a header are reported and not kept; a message after them is read', async () => {
    const { stream, messages: got, errors } = reading();
    stream.write(Buffer.alloc(MAX_HEADER_BYTES + 10, 'x'));
    stream.write(Buffer.concat([Buffer.from('\r\n\r\n'), frame(request(1, 'shutdown'))]));
    await until(() => got.length === 1);
    expect(errors[0]?.message).toMatch(/No end of a message header/);
    expect(got).toEqual([request(1, 'shutdown')]);
  });

  test('a Content-Length no buffer can hold is reported, not thrown; its bytes are read past', async () => {
    const { stream, messages: got, errors } = reading({ bigMessageBytes: 1024 });
    const shutdown = frame(request(1, 'shutdown'));
    // 2^53 - 1 bytes: no typed array can be that long.
    stream.write(Buffer.from(`Content-Length: ${Number.MAX_SAFE_INTEGER}\r\n\r\n`));
    stream.write(shutdown);
    await until(() => errors.length === 1);
    expect(errors[0]?.message).toMatch(/cannot decode a \d+-byte JSON-RPC message: no buffer for it/);
    // The announced body swallows what follows, as in vscode-jsonrpc's reader: nothing is delivered from it.
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(got).toEqual([]);
  });
});

describe('big messages', () => {
  const text = '{ "resourceType": "Bundle", "type": "collection", "entry": [] }'.padEnd(4096, ' ');

  test('decoded on the decoder thread, multi-byte characters intact', async () => {
    const { stream, messages } = reading({ bigMessageBytes: 1024 });
    const big = didOpen('file:///big.json', `${text}"Zoë 😀 €"`);
    stream.write(frame(big));
    stream.write(frame(request(1, 'shutdown')));
    await until(() => messages.length === 2);
    expect(messages).toEqual([big, request(1, 'shutdown')]);
  });

  test('only messages about other documents go first while a big one is decoded', async () => {
    const decoder = heldDecoder();
    const { stream, messages } = reading({ bigMessageBytes: 1024, decoder });
    const sent = [
      didOpen('file:///big.json', text),
      request(1, 'textDocument/hover', 'file:///small.json'), // another document: goes first
      request(2, 'textDocument/hover', 'file:///big.json'), // the same document: waits
      request(3, 'textDocument/completion', 'file:///other.json'), // another document: goes first
      request(4, 'workspace/symbol'), // no document: waits
      request(5, 'textDocument/hover', 'file:///small.json'), // behind a request without document: waits
      request(6, 'textDocument/codeAction', 'file:///small.json'), // not document-scoped: waits
      {
        jsonrpc: '2.0',
        method: 'textDocument/didClose',
        params: { textDocument: { uri: 'file:///small.json' } },
      } as Message, // waits
      { jsonrpc: '2.0', id: 7, result: null } as Message, // a response: waits
    ];
    for (const m of sent) stream.write(frame(m));
    await until(() => messages.length === 2);
    expect(ids(messages)).toEqual([1, 3]);
    expect(decoder.held).toBe(1);
    decoder.release();
    await until(() => messages.length === sent.length);
    expect(ids(messages)).toEqual([1, 3, 'textDocument/didOpen', 2, 4, 5, 6, 'textDocument/didClose', 7]);
  });

  test('a big message whose document is not in its first bytes lets nothing pass', async () => {
    const decoder = heldDecoder();
    const { stream, messages } = reading({ bigMessageBytes: 1024, decoder });
    const textFirst = {
      jsonrpc: '2.0',
      method: 'textDocument/didOpen',
      params: { textDocument: { text: text.repeat(20), uri: 'file:///big.json' } },
    } as Message;
    stream.write(frame(textFirst));
    stream.write(frame(request(1, 'textDocument/hover', 'file:///small.json')));
    await until(() => decoder.held === 1);
    await new Promise((r) => setImmediate(r));
    expect(messages).toEqual([]);
    decoder.release();
    await until(() => messages.length === 2);
    expect(ids(messages)).toEqual(['textDocument/didOpen', 1]);
  });

  test('a malformed big body is reported and the messages behind it still arrive', async () => {
    const { stream, messages, errors } = reading({ bigMessageBytes: 1024 });
    const broken = Buffer.from(
      `{"jsonrpc":"2.0","method":"textDocument/didOpen","params":{"textDocument":{"uri":"file:///big.json","text":"${'x'.repeat(2000)}`,
    );
    stream.write(Buffer.concat([Buffer.from(`Content-Length: ${broken.length}\r\n\r\n`), broken]));
    stream.write(frame(request(1, 'textDocument/hover', 'file:///big.json')));
    await until(() => messages.length === 1 && errors.length === 1);
    expect(errors[0]).toBeInstanceOf(MessageDecodeError);
    expect(errors[0]?.message).toMatch(new RegExp(`cannot decode a ${broken.length}-byte JSON-RPC message`));
    expect(ids(messages)).toEqual([1]);
  });
});

describe('peekRoute', () => {
  const peek = (json: string, bytes = Infinity) => peekRoute(Buffer.from(json, 'utf8').subarray(0, bytes));

  test.each([
    [
      '{"jsonrpc":"2.0","method":"textDocument/didOpen","params":{"textDocument":{"uri":"file:///a%20b.json","text":"x"}}}',
      { method: 'textDocument/didOpen', uri: 'file:///a%20b.json' },
    ],
    [
      '{ "params" : { "options": [1, {"uri": "no"}], "textDocument" : { "version": 2, "uri" : "file:///\\u00e9\\"q.json" } }, "method": "m" }',
      { method: 'm', uri: 'file:///é"q.json' },
    ],
    [
      '{"method":"textDocument/didOpen","params":{"uri":"file:///not-the-document.json"}}',
      { method: 'textDocument/didOpen' },
    ],
    [
      '{"method":"textDocument/didOpen","params":{"textDocument":{"text":"unfinished',
      { method: 'textDocument/didOpen' },
    ],
    ['[{"method":"batch","params":{"textDocument":{"uri":"file:///a.json"}}}]', {}],
  ])('%s', (json, route) => {
    expect(peek(json)).toEqual(route);
  });

  test('stops at the end of the bytes it has', () => {
    const json = '{"method":"textDocument/didChange","params":{"textDocument":{"uri":"file:///a.json"}}}';
    expect(peek(json, json.indexOf('file:'))).toEqual({ method: 'textDocument/didChange' });
  });
});

describe('server on the reader', () => {
  test('a big document opened through the decoder thread is validated; a malformed message leaves the connection working', async () => {
    ensureHoverData();
    const up = new PassThrough();
    const down = new PassThrough();
    const server = createConnection(
      ProposedFeatures.all,
      new OffThreadStreamReader(up, { bigMessageBytes: 2048 }),
      new StreamMessageWriter(down),
    );
    createServer(server, { workerFile: false, hoverDataFile: HOVER_DATA });
    server.listen();
    const client = createProtocolConnection(new StreamMessageReader(down), new StreamMessageWriter(up));
    client.onRequest('workspace/configuration', (params: { items: unknown[] }) =>
      params.items.map(() => ({})),
    );
    client.listen();
    disposables.push({ dispose: () => (client.dispose(), server.dispose()) });
    await client.sendRequest(InitializeRequest.type, {
      processId: null,
      rootUri: null,
      capabilities: { textDocument: { diagnostic: {} } },
      workspaceFolders: null,
    });
    await client.sendNotification('initialized', {});
    const patient = `{\n  "resourceType": "Patient",\n  "birthdate": "1970-01-01",\n  "text": { "status": "generated", "div": "<div xmlns=\\"http://www.w3.org/1999/xhtml\\">${'é'.repeat(2000)}</div>" }\n}\n`;
    await client.sendNotification('textDocument/didOpen', {
      textDocument: { uri: 'file:///big.json', languageId: 'json', version: 1, text: patient },
    });
    const hover = client.sendRequest(HoverRequest.type, {
      textDocument: { uri: 'file:///big.json' },
      position: { line: 1, character: 5 },
    });
    const report = (await client.sendRequest(DocumentDiagnosticRequest.type, {
      textDocument: { uri: 'file:///big.json' },
    })) as FullDocumentDiagnosticReport;
    expect(report.items.map((d) => d.code)).toContain('unknown-property');
    const answer = await hover;
    expect(answer?.range?.start).toEqual({ line: 1, character: 2 });
    expect(JSON.stringify(answer?.contents)).toContain('**Patient** (resource)');

    up.write(`Content-Length: 4000\r\n\r\n{${' '.repeat(3999)}`);
    const again = (await client.sendRequest(DocumentDiagnosticRequest.type, {
      textDocument: { uri: 'file:///big.json' },
    })) as FullDocumentDiagnosticReport;
    expect(again.items).toEqual(report.items);
  });
});
