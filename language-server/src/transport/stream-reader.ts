/**
 * The JSON-RPC message reader of the stdio transport (issue 7: a 7 MB Bundle opened while hover answers within
 * 50 ms). vscode-jsonrpc's StreamMessageReader joins, decodes and JSON.parses every message on the main thread
 * (~60-70 ms for a 7 MB didOpen), and every message behind it waits. This reader frames the stream itself
 * (`Content-Length` headers): a small body is decoded at once, as there; a big one is copied as it arrives into
 * one buffer, which is moved (not copied) to a decoder thread. While it is decoded, a later message may go first
 * when it provably does not depend on it (route.ts `mayPass`: another document's hover, completion, ...); anything
 * else waits, so the server sees what LSP's ordering promises.
 */
import { Worker } from 'node:worker_threads';
import {
  AbstractMessageReader,
  Disposable,
  type DataCallback,
  type Message,
} from 'vscode-languageserver/node';
import { mayPass, peekRoute, routeOf, type Route } from './route.js';

/** Bodies at least this long (bytes) are decoded off the main thread; shorter ones take under ~8 ms inline. */
export const BIG_MESSAGE_BYTES = 1024 * 1024;
/** How much of a big body is searched for its method and document (route.ts `peekRoute`). */
const PEEK_BYTES = 64 * 1024;

export interface StreamReaderOptions {
  /** Default BIG_MESSAGE_BYTES. */
  bigMessageBytes?: number;
  /** Decodes a big body (default: a decoder thread started on first use; inline if it cannot start). */
  decoder?: BodyDecoder;
}

/** Turns a UTF-8 JSON body into its value; the body's buffer may be moved to another thread. */
export interface BodyDecoder {
  /** A big body has started to arrive: get ready (a thread starts while the rest of the body streams in). */
  prepare(): void;
  decode(body: Uint8Array): Promise<unknown>;
  dispose(): void;
}

/** A body that is not JSON: the reader reports it (onError) and goes on with the next message. */
export class MessageDecodeError extends Error {
  override readonly name = 'MessageDecodeError';
  constructor(
    readonly bytes: number,
    reason: string,
  ) {
    super(`cannot decode a ${bytes}-byte JSON-RPC message: ${reason}`);
  }
}

interface Entry {
  route: Route;
  /** Set once decoded; entries still decoding have none. */
  message?: Message;
}

const HEADER_END = Buffer.from('\r\n\r\n', 'ascii');
/**
 * Real headers are a few dozen bytes. More than this without the blank line that ends them is not a header (a
 * client writing something else to stdin): reported, and not kept growing in memory.
 */
export const MAX_HEADER_BYTES = 64 * 1024;

export class OffThreadStreamReader extends AbstractMessageReader {
  private readonly bigMessageBytes: number;
  private readonly decoder: BodyDecoder;
  private callback: DataCallback | undefined;
  /** Bytes of the next header not yet complete. */
  private header: Buffer = Buffer.alloc(0);
  /** The body being read: its length, its bytes so far (big: one buffer filled in place; small: the chunks). */
  private body:
    | {
        length: number;
        big?: Uint8Array;
        chunks: Buffer[];
        received: number;
        route?: Route;
        /** A body no buffer could be made for: its bytes are read past, not kept. */
        skip?: true;
      }
    | undefined;
  /** Messages not yet handed on, in stream order: decoding, or waiting for one before them. */
  private readonly queue: Entry[] = [];
  private disposed = false;

  constructor(
    private readonly readable: NodeJS.ReadableStream,
    options: StreamReaderOptions = {},
  ) {
    super();
    this.bigMessageBytes = options.bigMessageBytes ?? BIG_MESSAGE_BYTES;
    this.decoder = options.decoder ?? threadDecoder();
  }

  listen(callback: DataCallback): Disposable {
    this.callback = callback;
    const onData = (data: Buffer | string): void =>
      this.onData(typeof data === 'string' ? Buffer.from(data, 'utf8') : data);
    const onError = (error: Error): void => this.fireError(error);
    const onClose = (): void => this.fireClose();
    this.readable.on('data', onData);
    this.readable.on('error', onError);
    this.readable.on('close', onClose);
    return Disposable.create(() => {
      this.readable.off('data', onData);
      this.readable.off('error', onError);
      this.readable.off('close', onClose);
    });
  }

  override dispose(): void {
    this.disposed = true;
    this.decoder.dispose();
    super.dispose();
  }

  private onData(chunk: Buffer): void {
    while (chunk.length > 0) {
      if (!this.body) {
        const joined = this.header.length > 0 ? Buffer.concat([this.header, chunk]) : chunk;
        const end = joined.indexOf(HEADER_END);
        if (end < 0) {
          if (joined.length > MAX_HEADER_BYTES) {
            this.fireError(new Error(`No end of a message header in ${joined.length} bytes: not a JSON-RPC stream?`));
            // The last bytes may be the start of a header end that the next chunk completes.
            this.header = Buffer.from(joined.subarray(joined.length - (HEADER_END.length - 1)));
            return;
          }
          this.header = joined;
          return;
        }
        this.header = Buffer.alloc(0);
        chunk = joined.subarray(end + HEADER_END.length);
        const length = contentLength(joined.subarray(0, end).toString('ascii'));
        if (typeof length === 'string') {
          // As vscode-jsonrpc: said, and the bytes that follow are read as the next message.
          this.fireError(new Error(length));
          continue;
        }
        this.body = { length, chunks: [], received: 0 };
        if (length >= this.bigMessageBytes) {
          try {
            this.body.big = new Uint8Array(length);
            this.decoder.prepare();
          } catch (error) {
            // A length no buffer can hold (a broken client): said, instead of the server crashing on it; the bytes
            // it announced are read past, as vscode-jsonrpc's reader would wait for them.
            this.body.skip = true;
            this.fireError(
              new MessageDecodeError(length, `no buffer for it: ${error instanceof Error ? error.message : String(error)}`),
            );
          }
        }
      }
      const body = this.body;
      const take = Math.min(chunk.length, body.length - body.received);
      const part = chunk.subarray(0, take);
      chunk = chunk.subarray(take);
      if (body.big) body.big.set(part, body.received);
      else if (!body.skip) body.chunks.push(part);
      body.received += take;
      // A big body's route, from its first bytes, as soon as they are here: nothing waits for it before it ends.
      if (body.big && !body.route && (body.received >= PEEK_BYTES || body.received === body.length)) {
        body.route = peekRoute(body.big.subarray(0, Math.min(body.received, PEEK_BYTES)));
      }
      if (body.received === body.length) {
        this.body = undefined;
        if (body.skip) continue;
        if (body.big) this.decodeBig(body.big, body.route ?? {});
        else
          this.decodeSmall(
            body.chunks.length === 1 ? body.chunks[0]! : Buffer.concat(body.chunks, body.length),
          );
      }
    }
  }

  private decodeSmall(bytes: Buffer): void {
    let message: Message;
    try {
      message = JSON.parse(bytes.toString('utf8')) as Message;
    } catch (error) {
      this.fireError(
        new MessageDecodeError(bytes.length, error instanceof Error ? error.message : String(error)),
      );
      return;
    }
    this.queue.push({ route: routeOf(message), message });
    this.flush();
  }

  private decodeBig(bytes: Uint8Array, route: Route): void {
    const entry: Entry = { route };
    this.queue.push(entry);
    const length = bytes.length;
    this.decoder.decode(bytes).then(
      (message) => {
        entry.message = message as Message;
        this.flush();
      },
      (error: unknown) => {
        this.queue.splice(this.queue.indexOf(entry), 1);
        if (!this.disposed)
          this.fireError(
            new MessageDecodeError(length, error instanceof Error ? error.message : String(error)),
          );
        this.flush();
      },
    );
  }

  /** Hands on, in order, every decoded message that all the messages still before it let pass. */
  private flush(): void {
    for (let i = 0; i < this.queue.length && !this.disposed;) {
      const entry = this.queue[i]!;
      const free =
        entry.message !== undefined &&
        this.queue.slice(0, i).every((before) => mayPass(entry.route, before.route));
      if (!free) {
        i++;
        continue;
      }
      this.queue.splice(i, 1);
      this.callback?.(entry.message!);
    }
  }
}

/** The body length from a header block, or what is wrong with it. Other headers (Content-Type) are read past. */
function contentLength(headers: string): number | string {
  for (const line of headers.split('\r\n')) {
    const colon = line.indexOf(':');
    if (colon < 0) return `Message header must separate key and value using ':'\n${line}`;
    if (line.slice(0, colon).trim().toLowerCase() !== 'content-length') continue;
    const value = line.slice(colon + 1).trim();
    const length = Number(value);
    return /^\d+$/.test(value) && Number.isSafeInteger(length)
      ? length
      : `Content-Length value must be a number. Got ${value}`;
  }
  return `Header must provide a Content-Length property.\n${headers}`;
}

// The decoder thread: plain JavaScript (the worker runs it as a script), so neither tsc's dist/ nor the bundles
// need a file for it. It answers in the order it was asked.
const DECODER_SOURCE = `
const { parentPort } = require('node:worker_threads');
const utf8 = new TextDecoder();
parentPort.on('message', (body) => {
  try {
    parentPort.postMessage({ value: JSON.parse(utf8.decode(body)) });
  } catch (error) {
    parentPort.postMessage({ error: error instanceof Error ? error.message : String(error) });
  }
});
`;

/**
 * How long the decoder thread stays up without work. It then ends: an idle thread never collects its garbage,
 * and after a 7 MB message that is ~30 MB (the body, its decoded JSON text, the parsed value), which a later
 * start (~3 ms of the main thread, the rest its own, while the next big body streams in) costs less than.
 */
const DECODER_IDLE_MS = 2000;

/** A BodyDecoder on a thread of its own, started on first use; inline (on the caller's thread) if it cannot start. */
export function threadDecoder(): BodyDecoder {
  let worker: Worker | undefined;
  let broken = false;
  let idle: NodeJS.Timeout | undefined;
  const waiting: { resolve(value: unknown): void; reject(error: Error): void }[] = [];
  const stopWhenIdle = (): void => {
    clearTimeout(idle);
    if (waiting.length > 0) return;
    idle = setTimeout(() => {
      const w = worker;
      worker = undefined;
      void w?.terminate();
    }, DECODER_IDLE_MS).unref();
  };
  const failAll = (error: Error): void => {
    for (const job of waiting.splice(0)) job.reject(error);
  };
  const start = (): Worker | undefined => {
    clearTimeout(idle);
    if (worker || broken) return worker;
    try {
      worker = new Worker(DECODER_SOURCE, { eval: true });
    } catch {
      broken = true;
      return undefined;
    }
    // Never what keeps the server alive.
    worker.unref();
    worker.on('message', (reply: { value?: unknown; error?: string }) => {
      const job = waiting.shift();
      if (reply.error !== undefined) job?.reject(new Error(reply.error));
      else job?.resolve(reply.value);
      stopWhenIdle();
    });
    // A thread ended for being idle is no longer `worker`: its exit fails nothing.
    const self = worker;
    self.on('error', (error: Error) => {
      if (worker !== self) return;
      broken = true;
      worker = undefined;
      failAll(new Error(`the decoder thread failed: ${error.message}`));
    });
    self.on('exit', () => {
      if (worker !== self) return;
      worker = undefined;
      failAll(new Error('the decoder thread stopped'));
    });
    return worker;
  };
  return {
    prepare() {
      start();
    },
    decode(body) {
      const w = start();
      if (!w) return inlineDecode(body);
      return new Promise((resolve, reject) => {
        waiting.push({ resolve, reject });
        // Moved, not copied: the main thread is done with these bytes.
        w.postMessage(body, [body.buffer as ArrayBuffer]);
      });
    },
    dispose() {
      clearTimeout(idle);
      broken = true;
      void worker?.terminate();
      worker = undefined;
    },
  };
}

/** Decodes on the calling thread (tests; or where no thread can start). */
export function inlineDecode(body: Uint8Array): Promise<unknown> {
  try {
    return Promise.resolve(JSON.parse(new TextDecoder().decode(body)));
  } catch (error) {
    return Promise.reject(error instanceof Error ? error : new Error(String(error)));
  }
}
