/**
 * Which document a JSON-RPC message is about, and whether two messages may be handled in either order (issue 7:
 * a small message may be handled while a big one before it is still being decoded, when it cannot depend on it).
 */

/** A message's method and `params.textDocument.uri`, where it has them (responses have neither). */
export interface Route {
  method?: string | undefined;
  uri?: string | undefined;
}

/**
 * Methods whose handling in this server reads or changes the state of their own document only: the text, the
 * tree and the diagnostics of `params.textDocument.uri`, besides state no message of this list changes (the
 * settings, the engines, the workspace index, the hover texts). Left out on purpose: didClose (ends a document's
 * jobs, feeds the workspace pass), didSave (changes the engines: profiles and value sets in the saved file),
 * codeAction (reads the open wheelhouse.config.json), and everything not about one document.
 */
const DOCUMENT_SCOPED: ReadonlySet<string> = new Set([
  'textDocument/didOpen',
  'textDocument/didChange',
  'textDocument/hover',
  'textDocument/completion',
  'textDocument/documentSymbol',
  'textDocument/definition',
  'textDocument/diagnostic',
]);

/**
 * True when `later` may be handled before `earlier`: both are document-scoped and about two different, known
 * documents. Anything else (same document, no uri, responses, workspace-wide requests, shutdown) keeps its order.
 */
export function mayPass(later: Route, earlier: Route): boolean {
  return (
    later.method !== undefined &&
    earlier.method !== undefined &&
    later.uri !== undefined &&
    earlier.uri !== undefined &&
    later.uri !== earlier.uri &&
    DOCUMENT_SCOPED.has(later.method) &&
    DOCUMENT_SCOPED.has(earlier.method)
  );
}

/** The route of a decoded message. */
export function routeOf(message: unknown): Route {
  if (typeof message !== 'object' || message === null) return {};
  const { method, params } = message as { method?: unknown; params?: { textDocument?: { uri?: unknown } } };
  const uri = typeof params === 'object' && params !== null ? params.textDocument?.uri : undefined;
  return {
    ...(typeof method === 'string' ? { method } : {}),
    ...(typeof uri === 'string' ? { uri } : {}),
  };
}

const QUOTE = 0x22;
const BACKSLASH = 0x5c;

/**
 * The route of a message from the first bytes of its UTF-8 JSON body, without decoding the rest: the top-level
 * `method` and `params.textDocument.uri` when both come before any value that does not end within `bytes`
 * (vscode-languageclient writes `{"jsonrpc","method","params":{"textDocument":{"uri",...},...}}`, so a didOpen's
 * text comes after them). Missing or unparseable parts are left out; the caller then keeps the message in order.
 * A key written twice is taken at its first occurrence (JSON.parse takes the last; no LSP client writes one twice).
 */
export function peekRoute(bytes: Uint8Array): Route {
  const path: (string | undefined)[] = []; // the key of each open object; undefined for arrays
  let key: string | undefined; // the key whose value comes next, in the innermost object
  let method: string | undefined;
  let uri: string | undefined;
  let i = 0;
  const skipSpace = (): void => {
    while (
      i < bytes.length &&
      (bytes[i] === 0x20 || bytes[i] === 0x0a || bytes[i] === 0x0d || bytes[i] === 0x09)
    )
      i++;
  };
  // Returns the index after the closing quote of the string at i, or -1 if it does not end within bytes.
  const stringEnd = (from: number): number => {
    for (let j = from + 1; j < bytes.length; j++) {
      if (bytes[j] === BACKSLASH) j++;
      else if (bytes[j] === QUOTE) return j + 1;
    }
    return -1;
  };
  const decode = (from: number, to: number): string | undefined => {
    try {
      const value: unknown = JSON.parse(
        Buffer.from(bytes.buffer, bytes.byteOffset + from, to - from).toString('utf8'),
      );
      return typeof value === 'string' ? value : undefined;
    } catch {
      return undefined;
    }
  };
  const done = (): Route => ({
    ...(method !== undefined ? { method } : {}),
    ...(uri !== undefined ? { uri } : {}),
  });

  while (method === undefined || uri === undefined) {
    skipSpace();
    if (i >= bytes.length) return done();
    const c = bytes[i]!;
    const inObject = path.length > 0 && path[path.length - 1] !== undefined;
    if (c === 0x7b /* { */ || c === 0x5b /* [ */) {
      // The first token opens the message object; nested containers record the key they are the value of.
      path.push(c === 0x7b ? (key ?? '') : undefined);
      key = undefined;
      i++;
      if (c === 0x7b) {
        skipSpace();
        if (bytes[i] === QUOTE) key = readKey();
        if (key === undefined && bytes[i] !== 0x7d) return done();
      }
      continue;
    }
    if (c === 0x7d /* } */ || c === 0x5d /* ] */) {
      path.pop();
      if (path.length === 0) return done();
      key = undefined;
      i++;
      continue;
    }
    if (c === 0x2c /* , */) {
      i++;
      skipSpace();
      if (inObject) {
        key = bytes[i] === QUOTE ? readKey() : undefined;
        if (key === undefined) return done();
      }
      continue;
    }
    if (c === QUOTE) {
      const end = stringEnd(i);
      if (end < 0) return done();
      const at = path.slice(1).join('\u0000');
      if (path.length === 1 && key === 'method') method = decode(i, end);
      else if (path.length === 3 && key === 'uri' && at === 'params\u0000textDocument') uri = decode(i, end);
      i = end;
      continue;
    }
    // A number, true, false or null: up to the next delimiter.
    while (
      i < bytes.length &&
      bytes[i] !== 0x2c &&
      bytes[i] !== 0x7d &&
      bytes[i] !== 0x5d &&
      bytes[i] !== 0x20 &&
      bytes[i] !== 0x0a &&
      bytes[i] !== 0x0d &&
      bytes[i] !== 0x09
    )
      i++;
  }
  return done();

  // Reads `"key"` and the colon after it; undefined when they do not end within bytes.
  function readKey(): string | undefined {
    const end = stringEnd(i);
    if (end < 0) return undefined;
    const value = decode(i, end);
    i = end;
    skipSpace();
    if (bytes[i] !== 0x3a /* : */) return undefined;
    i++;
    return value;
  }
}
