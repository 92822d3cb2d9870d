/**
 * Tolerant JSON -> tree with offsets (STYLE.md 3). Iterative (an explicit stack, no recursion), so
 * 100,000-deep nesting cannot overflow; tolerant of half-typed JSON (missing commas, colons, values,
 * unterminated strings, unclosed brackets, comments, trailing commas): every problem is a ParseError
 * with a range and parsing carries on. Each container node also carries its plain JSON value (built in
 * the same pass), so rules see ordinary objects without a second walk or re-serialisation.
 * Offsets are UTF-16 code units (JavaScript string indices).
 */

export type JsonNode = ObjectNode | ArrayNode | StringNode | NumberNode | BooleanNode | NullNode;

interface NodeBase {
  offset: number;
  length: number;
}
export interface PropertyNode {
  key: string;
  keyOffset: number;
  /** Length including the quotes. */
  keyLength: number;
  /** Undefined when the value is missing (half-typed input). */
  value: JsonNode | undefined;
}
export interface ObjectNode extends NodeBase {
  type: 'object';
  properties: PropertyNode[];
  value: Record<string, unknown>;
}
export interface ArrayNode extends NodeBase {
  type: 'array';
  items: JsonNode[];
  value: unknown[];
}
export interface StringNode extends NodeBase {
  type: 'string';
  value: string;
}
export interface NumberNode extends NodeBase {
  type: 'number';
  value: number;
  /** The number as written ("1.50"), for decimal precision and integer checks. */
  raw: string;
}
export interface BooleanNode extends NodeBase {
  type: 'boolean';
  value: boolean;
}
export interface NullNode extends NodeBase {
  type: 'null';
  value: null;
}

export type ParseErrorCode =
  | 'invalid-symbol'
  | 'invalid-number'
  | 'property-name-expected'
  | 'value-expected'
  | 'colon-expected'
  | 'comma-expected'
  | 'close-brace-expected'
  | 'close-bracket-expected'
  | 'end-of-file-expected'
  | 'unterminated-string'
  | 'invalid-escape'
  | 'invalid-character'
  | 'trailing-comma'
  | 'comment-not-allowed'
  | 'duplicate-key'
  | 'empty-document';

export interface ParseError {
  code: ParseErrorCode;
  message: string;
  offset: number;
  length: number;
}

export interface JsonDocument {
  text: string;
  root: JsonNode | undefined;
  errors: ParseError[];
}

// Parser states per open container.
const OBJ_KEY_OR_END = 0; // after '{'
const OBJ_COLON = 1;
const OBJ_VALUE = 2;
const OBJ_COMMA_OR_END = 3;
const OBJ_KEY = 4; // after ','
const ARR_VALUE_OR_END = 5; // after '['
const ARR_COMMA_OR_END = 6;
const ARR_VALUE = 7; // after ','

interface Frame {
  node: ObjectNode | ArrayNode;
  state: number;
  prop: PropertyNode | undefined;
  /** Keys seen, for duplicate detection (objects only; allocated on the 9th key). */
  keys: Set<string> | undefined;
}

function setOwn(target: Record<string, unknown>, key: string, value: unknown): void {
  // `__proto__` must become an own property (as JSON.parse does), not the prototype.
  if (key === '__proto__') Object.defineProperty(target, key, { value, writable: true, enumerable: true, configurable: true });
  else target[key] = value;
}

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

function isIdentChar(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || isDigit(c) || c === 95 || c === 36 || c === 45 || c === 43 || c === 46;
}

/** Parses JSON text into an offset-keeping tree; never throws. */
export function parseJson(text: string): JsonDocument {
  const errors: ParseError[] = [];
  const n = text.length;
  let pos = 0;
  let root: JsonNode | undefined;
  let rootDone = false;
  const stack: Frame[] = [];

  const error = (code: ParseErrorCode, message: string, offset: number, length: number): void => {
    errors.push({ code, message, offset, length: Math.max(0, length) });
  };

  // Skips whitespace and (reporting them) comments; returns the next char code or -1 at the end.
  const skip = (): number => {
    while (pos < n) {
      const c = text.charCodeAt(pos);
      if (c === 32 || c === 10 || c === 13 || c === 9 || c === 0xfeff) {
        pos++;
      } else if (c === 47 && pos + 1 < n && (text.charCodeAt(pos + 1) === 47 || text.charCodeAt(pos + 1) === 42)) {
        const start = pos;
        if (text.charCodeAt(pos + 1) === 47) {
          const end = text.indexOf('\n', pos);
          pos = end < 0 ? n : end;
        } else {
          const end = text.indexOf('*/', pos + 2);
          pos = end < 0 ? n : end + 2;
        }
        error('comment-not-allowed', 'Comments are not allowed in JSON', start, pos - start);
      } else {
        return c;
      }
    }
    return -1;
  };

  const readString = (): StringNode => {
    const start = pos;
    pos++; // opening quote
    let chunkStart = pos;
    let out = '';
    for (;;) {
      if (pos >= n) {
        error('unterminated-string', 'Unterminated string: a closing " is missing', start, pos - start);
        out += text.slice(chunkStart, pos);
        break;
      }
      const c = text.charCodeAt(pos);
      if (c === 34) {
        out += text.slice(chunkStart, pos);
        pos++;
        break;
      }
      if (c === 92) {
        out += text.slice(chunkStart, pos);
        const e = text.charCodeAt(pos + 1);
        pos += 2;
        switch (e) {
          case 34: out += '"'; break;
          case 92: out += '\\'; break;
          case 47: out += '/'; break;
          case 98: out += '\b'; break;
          case 102: out += '\f'; break;
          case 110: out += '\n'; break;
          case 114: out += '\r'; break;
          case 116: out += '\t'; break;
          case 117: {
            const hex = text.slice(pos, pos + 4);
            if (/^[0-9a-fA-F]{4}$/.test(hex)) {
              out += String.fromCharCode(parseInt(hex, 16));
              pos += 4;
            } else {
              error('invalid-escape', 'Invalid unicode escape: \\u needs four hex digits', pos - 2, 2 + hex.length);
            }
            break;
          }
          default:
            error('invalid-escape', 'Invalid escape character in string', pos - 2, 2);
            if (Number.isNaN(e)) pos = n;
        }
        chunkStart = pos;
        continue;
      }
      if (c < 0x20) {
        if (c === 10 || c === 13) {
          // A line break ends a half-typed string: report and stop there.
          error('unterminated-string', 'Unterminated string: a closing " is missing', start, pos - start);
          out += text.slice(chunkStart, pos);
          break;
        }
        error('invalid-character', 'Control characters must be escaped in JSON strings', pos, 1);
      }
      pos++;
    }
    return { type: 'string', value: out, offset: start, length: pos - start };
  };

  const readNumber = (): NumberNode => {
    const start = pos;
    let ok = true;
    if (text.charCodeAt(pos) === 45) pos++;
    const intStart = pos;
    while (pos < n && isDigit(text.charCodeAt(pos))) pos++;
    if (pos === intStart) ok = false;
    else if (pos - intStart > 1 && text.charCodeAt(intStart) === 48) ok = false; // leading zero
    if (text.charCodeAt(pos) === 46) {
      pos++;
      const f = pos;
      while (pos < n && isDigit(text.charCodeAt(pos))) pos++;
      if (pos === f) ok = false;
    }
    const e = text.charCodeAt(pos);
    if (e === 101 || e === 69) {
      pos++;
      const s = text.charCodeAt(pos);
      if (s === 43 || s === 45) pos++;
      const x = pos;
      while (pos < n && isDigit(text.charCodeAt(pos))) pos++;
      if (pos === x) ok = false;
    }
    // Swallow trailing identifier characters ("12abc") into the same bad token.
    while (pos < n && isIdentChar(text.charCodeAt(pos))) {
      pos++;
      ok = false;
    }
    const raw = text.slice(start, pos);
    if (!ok) error('invalid-number', `Invalid number "${raw}"`, start, pos - start);
    return { type: 'number', value: ok ? Number(raw) : Number.parseFloat(raw) || 0, raw, offset: start, length: pos - start };
  };

  // Reads a scalar at pos or opens a container; returns the scalar, or undefined after pushing a frame
  // (or after an invalid symbol, reported, when `consumedInvalid` is set).
  let consumedInvalid = false;
  const readValue = (c: number): JsonNode | undefined => {
    consumedInvalid = false;
    if (c === 34) return readString();
    if (c === 123) {
      const node: ObjectNode = { type: 'object', properties: [], value: {}, offset: pos, length: 1 };
      pos++;
      stack.push({ node, state: OBJ_KEY_OR_END, prop: undefined, keys: undefined });
      return undefined;
    }
    if (c === 91) {
      const node: ArrayNode = { type: 'array', items: [], value: [], offset: pos, length: 1 };
      pos++;
      stack.push({ node, state: ARR_VALUE_OR_END, prop: undefined, keys: undefined });
      return undefined;
    }
    if (c === 45 || isDigit(c)) return readNumber();
    const start = pos;
    while (pos < n && isIdentChar(text.charCodeAt(pos))) pos++;
    if (pos === start) pos++;
    const word = text.slice(start, pos);
    if (word === 'true') return { type: 'boolean', value: true, offset: start, length: 4 };
    if (word === 'false') return { type: 'boolean', value: false, offset: start, length: 5 };
    if (word === 'null') return { type: 'null', value: null, offset: start, length: 4 };
    error('invalid-symbol', `Unexpected "${word}": expected a value (string, number, object, array, true, false or null)`, start, pos - start);
    consumedInvalid = true;
    return undefined;
  };

  // Attaches a finished value to the enclosing container (or makes it the root).
  const attach = (node: JsonNode): void => {
    const frame = stack[stack.length - 1];
    if (!frame) {
      root = node;
      rootDone = true;
      return;
    }
    if (frame.node.type === 'object') {
      const prop = frame.prop;
      if (prop) {
        prop.value = node;
        setOwn(frame.node.value, prop.key, node.value);
      }
      frame.state = OBJ_COMMA_OR_END;
    } else {
      frame.node.items.push(node);
      frame.node.value.push(node.value);
      frame.state = ARR_COMMA_OR_END;
    }
  };

  const closeTop = (end: number): void => {
    const frame = stack.pop()!;
    frame.node.length = end - frame.node.offset;
    attach(frame.node);
  };

  const startKey = (frame: Frame, c: number): void => {
    const obj = frame.node as ObjectNode;
    let keyNode: StringNode;
    if (c === 34) {
      keyNode = readString();
    } else {
      // Unquoted key (half-typed input): report, read it as a name anyway.
      const start = pos;
      while (pos < n && isIdentChar(text.charCodeAt(pos))) pos++;
      if (pos === start) pos++;
      keyNode = { type: 'string', value: text.slice(start, pos), offset: start, length: pos - start };
      error('property-name-expected', 'Property names must be double-quoted strings', start, pos - start);
    }
    const prop: PropertyNode = { key: keyNode.value, keyOffset: keyNode.offset, keyLength: keyNode.length, value: undefined };
    const props = obj.properties;
    let dup = false;
    if (frame.keys) {
      dup = frame.keys.has(prop.key);
      frame.keys.add(prop.key);
    } else {
      for (let i = 0; i < props.length; i++) if (props[i]!.key === prop.key) dup = true;
      if (props.length >= 8) frame.keys = new Set(props.map((p) => p.key).concat(prop.key));
    }
    if (dup) error('duplicate-key', `Duplicate property "${prop.key}": JSON objects must not repeat a name`, prop.keyOffset, prop.keyLength);
    props.push(prop);
    frame.prop = prop;
    frame.state = OBJ_COLON;
  };

  for (;;) {
    const c = skip();
    const frame = stack[stack.length - 1];
    if (c < 0) {
      // End of text: close what is still open.
      if (frame) {
        const closer = frame.node.type === 'object' ? '}' : ']';
        error(
          frame.node.type === 'object' ? 'close-brace-expected' : 'close-bracket-expected',
          `Unexpected end of text: "${closer}" expected`,
          frame.node.offset,
          1,
        );
        while (stack.length > 0) closeTop(n);
      } else if (!rootDone) {
        error('empty-document', 'The document is empty: a JSON value is expected', 0, n);
      }
      break;
    }
    if (!frame) {
      if (rootDone) {
        error('end-of-file-expected', 'Unexpected text after the end of the JSON value', pos, n - pos);
        break;
      }
      const v = readValue(c);
      if (v) attach(v);
      continue;
    }
    switch (frame.state) {
      case OBJ_KEY_OR_END:
      case OBJ_KEY:
        if (c === 125) {
          if (frame.state === OBJ_KEY) error('trailing-comma', 'Trailing comma: remove it or add a property', pos - 1, 1);
          pos++;
          closeTop(pos);
        } else if (c === 44) {
          error('property-name-expected', 'A property name is expected before ","', pos, 1);
          pos++;
          frame.state = OBJ_KEY;
        } else if (c === 93) {
          error('close-brace-expected', '"}" expected, found "]"', pos, 1);
          pos++;
          closeTop(pos);
        } else {
          startKey(frame, c);
        }
        break;
      case OBJ_COLON:
        if (c === 58) {
          pos++;
          frame.state = OBJ_VALUE;
        } else {
          error('colon-expected', `":" expected after property name "${frame.prop?.key ?? ''}"`, pos, 1);
          if (c === 44 || c === 125) {
            frame.state = OBJ_COMMA_OR_END;
          } else {
            frame.state = OBJ_VALUE;
          }
        }
        break;
      case OBJ_VALUE:
        if (c === 44 || c === 125 || c === 93) {
          error('value-expected', `A value is expected for property "${frame.prop?.key ?? ''}"`, pos, 1);
          frame.state = OBJ_COMMA_OR_END;
        } else {
          const v = readValue(c);
          if (v) attach(v);
          else if (consumedInvalid) frame.state = OBJ_COMMA_OR_END;
        }
        break;
      case OBJ_COMMA_OR_END:
        if (c === 44) {
          pos++;
          frame.state = OBJ_KEY;
        } else if (c === 125) {
          pos++;
          closeTop(pos);
        } else if (c === 93) {
          error('close-brace-expected', '"}" expected, found "]"', pos, 1);
          pos++;
          closeTop(pos);
        } else {
          error('comma-expected', '"," expected between properties', pos, 1);
          if (c === 34) startKey(frame, c);
          else pos++;
        }
        break;
      case ARR_VALUE_OR_END:
      case ARR_VALUE:
        if (c === 93) {
          if (frame.state === ARR_VALUE) error('trailing-comma', 'Trailing comma: remove it or add an item', pos - 1, 1);
          pos++;
          closeTop(pos);
        } else if (c === 44) {
          error('value-expected', 'A value is expected before ","', pos, 1);
          pos++;
        } else if (c === 125) {
          error('close-bracket-expected', '"]" expected, found "}"', pos, 1);
          pos++;
          closeTop(pos);
        } else {
          const v = readValue(c);
          if (v) attach(v);
          else if (consumedInvalid) frame.state = ARR_COMMA_OR_END;
        }
        break;
      case ARR_COMMA_OR_END:
        if (c === 44) {
          pos++;
          frame.state = ARR_VALUE;
        } else if (c === 93) {
          pos++;
          closeTop(pos);
        } else if (c === 125) {
          error('close-bracket-expected', '"]" expected, found "}"', pos, 1);
          pos++;
          closeTop(pos);
        } else {
          error('comma-expected', '"," expected between array items', pos, 1);
          frame.state = ARR_VALUE;
        }
        break;
    }
  }
  return { text, root, errors };
}

/** The deepest node along `path`, and the property through which it was reached (if any). */
export interface PathMatch {
  node: JsonNode | undefined;
  property: PropertyNode | undefined;
  /** How many path segments were resolved (path.length when the whole path exists). */
  depth: number;
}

/** Follows a JSON path down the tree as far as it exists. */
export function findNodeAtPath(root: JsonNode | undefined, path: readonly (string | number)[]): PathMatch {
  let node = root;
  let property: PropertyNode | undefined;
  let depth = 0;
  for (const segment of path) {
    if (!node) break;
    if (node.type === 'object' && typeof segment === 'string') {
      let found: PropertyNode | undefined;
      const props = node.properties;
      // Last wins, as in the plain value.
      for (let i = props.length - 1; i >= 0; i--) {
        if (props[i]!.key === segment) {
          found = props[i];
          break;
        }
      }
      if (!found) break;
      property = found;
      if (!found.value) {
        depth++;
        node = undefined;
        break;
      }
      node = found.value;
    } else if (node.type === 'array' && typeof segment === 'number') {
      const item = node.items[segment];
      if (!item) break;
      node = item;
    } else {
      break;
    }
    depth++;
  }
  return { node, property, depth };
}

/** The innermost node containing `offset`, with its JSON path (for hover and completion). */
export function findNodeAtOffset(root: JsonNode | undefined, offset: number): { node: JsonNode | undefined; path: (string | number)[]; property: PropertyNode | undefined } {
  const path: (string | number)[] = [];
  let node = root;
  let property: PropertyNode | undefined;
  if (!node || offset < node.offset || offset > node.offset + node.length) return { node: undefined, path, property };
  for (;;) {
    let next: JsonNode | undefined;
    if (node.type === 'object') {
      for (const p of node.properties) {
        const end = p.value ? p.value.offset + p.value.length : p.keyOffset + p.keyLength;
        if (offset >= p.keyOffset && offset <= end) {
          path.push(p.key);
          property = p;
          next = p.value;
          if (!next) return { node, path, property };
          break;
        }
      }
    } else if (node.type === 'array') {
      for (let i = 0; i < node.items.length; i++) {
        const item = node.items[i]!;
        if (offset >= item.offset && offset <= item.offset + item.length) {
          path.push(i);
          next = item;
          break;
        }
      }
    }
    if (!next) return { node, path, property };
    node = next;
  }
}

/**
 * Turns a UTF-16 offset into a 0-based line and character (LSP positions). Build once per text. Line
 * starts are found on demand, only as far as the offsets asked for, by jumping from break to break
 * with indexOf (issue 3: a per-character pass over a 7 MB Bundle cost ~25 ms).
 */
export interface LineIndex {
  position(offset: number): { line: number; character: number };
  /**
   * The offset of every line's start (after `\n`, `\r\n` or a lone `\r`, as LSP counts lines), found to the end
   * of the text; a new array, the caller's to keep or change.
   */
  lineStarts(): number[];
}

export function createLineIndex(text: string): LineIndex {
  const n = text.length;
  const starts = [0];
  // Text before `scanned` has all its line starts in `starts`; the next '\n' and '\r' at or after it.
  let scanned = 0;
  let nextLf = -1;
  let nextCr = -1;
  let lfDone = false;
  let crDone = false;
  // Records the next line start; false when there is no further line break.
  const advance = (): boolean => {
    if (!lfDone && nextLf < scanned) {
      nextLf = text.indexOf('\n', scanned);
      lfDone = nextLf < 0;
    }
    if (!crDone && nextCr < scanned) {
      nextCr = text.indexOf('\r', scanned);
      crDone = nextCr < 0;
    }
    let b: number;
    if (lfDone && crDone) return false;
    if (lfDone) b = nextCr;
    else if (crDone) b = nextLf;
    else b = Math.min(nextLf, nextCr);
    // "\r\n" is one break.
    const start = text.charCodeAt(b) === 13 && text.charCodeAt(b + 1) === 10 ? b + 2 : b + 1;
    starts.push(start);
    scanned = start;
    return true;
  };
  return {
    position(offset: number) {
      const o = Math.max(0, Math.min(offset, n));
      while (starts[starts.length - 1]! <= o) if (!advance()) break;
      let lo = 0;
      let hi = starts.length - 1;
      while (lo < hi) {
        const mid = (lo + hi + 1) >> 1;
        if (starts[mid]! <= o) lo = mid;
        else hi = mid - 1;
      }
      return { line: lo, character: o - starts[lo]! };
    },
    lineStarts() {
      while (advance());
      return [...starts];
    },
  };
}

/**
 * Duplicate property names in text that is already known to be valid JSON (JSON.parse silently keeps
 * the last one).
 */
export function findDuplicateKeys(text: string): ParseError[] {
  return scanValidJson(text).duplicates;
}

/** Start and end (exclusive) offsets of every object and array, in opening order (`starts` ascends). */
export interface ContainerRanges {
  starts: number[];
  ends: number[];
}

/**
 * One pass over text already known to be valid JSON: its duplicate property names (JSON.parse keeps
 * the last one silently) and where every container starts and ends (for createPathLocator). Strings
 * are skipped with indexOf; keys are compared in place (a key is sliced only to report it).
 */
export function scanValidJson(text: string): { duplicates: ParseError[]; containers: ContainerRanges } {
  const duplicates: ParseError[] = [];
  const n = text.length;
  const starts: number[] = [];
  const ends: number[] = [];
  // Per open container: its index in starts/ends, and where its keys begin in `keys` (-1: an array).
  const open: number[] = [];
  const keyBase: number[] = [];
  // Keys of the open objects as [quote offset, end] pairs, innermost last; `keyTop` is the used length.
  const keys: number[] = [];
  let keyTop = 0;
  let expectKey = false;
  let pos = 0;
  while (pos < n) {
    const c = text.charCodeAt(pos);
    if (c === 34) {
      const end = stringEndIn(text, pos);
      if (expectKey) {
        const base = keyBase[keyBase.length - 1];
        if (base !== undefined && base >= 0) {
          const length = end - pos;
          for (let k = base; k < keyTop; k += 2) {
            if (keys[k + 1]! - keys[k]! === length && sameText(text, keys[k]!, pos, length)) {
              const key = text.slice(pos + 1, end - 1);
              duplicates.push({ code: 'duplicate-key', message: `Duplicate property "${key}": JSON objects must not repeat a name`, offset: pos, length });
              break;
            }
          }
          keys[keyTop++] = pos;
          keys[keyTop++] = end;
        }
        expectKey = false;
      }
      pos = end;
      continue;
    }
    if (c === 123 || c === 91) {
      open.push(starts.length);
      starts.push(pos);
      ends.push(n);
      keyBase.push(c === 123 ? keyTop : -1);
      expectKey = c === 123;
    } else if (c === 125 || c === 93) {
      const i = open.pop();
      if (i !== undefined) ends[i] = pos + 1;
      const base = keyBase.pop();
      if (base !== undefined && base >= 0) keyTop = base;
      expectKey = false;
    } else if (c === 44) {
      const base = keyBase[keyBase.length - 1];
      expectKey = base !== undefined && base >= 0;
    }
    pos++;
  }
  return { duplicates, containers: { starts, ends } };
}

function sameText(text: string, a: number, b: number, length: number): boolean {
  for (let i = 0; i < length; i++) if (text.charCodeAt(a + i) !== text.charCodeAt(b + i)) return false;
  return true;
}

/** Text range of a value, and of its property key when it is reached through one. */
export interface LocatedRange {
  offset: number;
  length: number;
  keyOffset?: number;
  keyLength?: number;
  /** How many path segments exist in the text (path.length when the whole path exists). */
  depth: number;
}

interface ChildRef {
  key: string | undefined;
  keyOffset: number;
  keyLength: number;
  start: number;
  end: number;
}

/** End (exclusive) of the string whose opening quote is at p; the text length when unterminated. */
function stringEndIn(text: string, p: number): number {
  let end = p + 1;
  for (;;) {
    end = text.indexOf('"', end);
    if (end < 0) return text.length;
    let bs = 0;
    for (let i = end - 1; text.charCodeAt(i) === 92; i--) bs++;
    if (bs % 2 === 0) return end + 1;
    end++;
  }
}

/**
 * Finds the text ranges of JSON paths in VALID JSON without building a tree. One pass (scanValidJson,
 * or the caller's) records where every container ends; a container along an asked path then has its direct children
 * indexed (keys and ranges, each child skipped in one step) and cached, so locating any number of
 * issues costs about one pass over the text plus the children of the containers they pass through.
 */
export function createPathLocator(text: string, containers?: ContainerRanges): (path: readonly (string | number)[]) => LocatedRange {
  const n = text.length;
  const index = new Map<number, ChildRef[]>();
  let ranges = containers;

  const ws = (p: number): number => {
    while (p < n) {
      const c = text.charCodeAt(p);
      if (c === 32 || c === 10 || c === 13 || c === 9 || c === 0xfeff) p++;
      else break;
    }
    return p;
  };
  // End (exclusive) of the container starting at p.
  const containerEnd = (p: number): number => {
    const { starts, ends } = (ranges ??= scanValidJson(text).containers);
    let lo = 0;
    let hi = starts.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const s = starts[mid]!;
      if (s === p) return ends[mid]!;
      if (s < p) lo = mid + 1;
      else hi = mid - 1;
    }
    return n;
  };
  // End (exclusive) of the value starting at p.
  const skip = (p: number): number => {
    const c = text.charCodeAt(p);
    if (c === 34) return stringEndIn(text, p);
    if (c === 123 || c === 91) return containerEnd(p);
    while (p < n) {
      const d = text.charCodeAt(p);
      if (d === 44 || d === 125 || d === 93 || d === 32 || d === 10 || d === 13 || d === 9) break;
      p++;
    }
    return p;
  };
  const children = (start: number): ChildRef[] => {
    let list = index.get(start);
    if (list) return list;
    list = [];
    const isObject = text.charCodeAt(start) === 123;
    let p = ws(start + 1);
    while (p < n) {
      const c = text.charCodeAt(p);
      if (c === 125 || c === 93) break;
      if (c === 44) {
        p = ws(p + 1);
        continue;
      }
      let key: string | undefined;
      let keyOffset = -1;
      let keyLength = 0;
      if (isObject) {
        keyOffset = p;
        const ke = stringEndIn(text, p);
        keyLength = ke - p;
        const raw = text.slice(p + 1, ke - 1);
        key = raw.includes('\\') ? (JSON.parse(text.slice(p, ke)) as string) : raw;
        p = ws(ke);
        p = ws(p + 1); // ':'
      }
      const end = skip(p);
      list.push({ key, keyOffset, keyLength, start: p, end });
      p = ws(end);
    }
    index.set(start, list);
    return list;
  };

  let root: { start: number; end: number } | undefined;
  return (path) => {
    root ??= { start: ws(0), end: skip(ws(0)) };
    let start = root.start;
    let end = root.end;
    let keyOffset: number | undefined;
    let keyLength: number | undefined;
    let depth = 0;
    for (const segment of path) {
      const c = text.charCodeAt(start);
      let found: ChildRef | undefined;
      if (c === 123 && typeof segment === 'string') {
        const list = children(start);
        for (let i = list.length - 1; i >= 0; i--) {
          if (list[i]!.key === segment) {
            found = list[i];
            break;
          }
        }
      } else if (c === 91 && typeof segment === 'number') {
        found = children(start)[segment];
      }
      if (!found) break;
      start = found.start;
      end = found.end;
      if (found.key !== undefined) {
        keyOffset = found.keyOffset;
        keyLength = found.keyLength;
      } else {
        keyOffset = undefined;
        keyLength = undefined;
      }
      depth++;
    }
    const out: LocatedRange = { offset: start, length: end - start, depth };
    if (keyOffset !== undefined && keyLength !== undefined) {
      out.keyOffset = keyOffset;
      out.keyLength = keyLength;
    }
    return out;
  };
}
