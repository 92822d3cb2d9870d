import { describe, expect, test } from 'vitest';
import { createLineIndex, createPathLocator, findDuplicateKeys, findNodeAtOffset, findNodeAtPath, parseJson } from './parse.js';

describe('parseJson', () => {
  test('builds the plain value and offsets', () => {
    const text = '{"a": [1, "x", true, null, {"b": -1.5e2}], "c": {}}';
    const doc = parseJson(text);
    expect(doc.errors).toEqual([]);
    expect(doc.root?.value).toEqual(JSON.parse(text));
    const m = findNodeAtPath(doc.root, ['a', 4, 'b']);
    expect(m.node && text.slice(m.node.offset, m.node.offset + m.node.length)).toBe('-1.5e2');
    expect(m.node?.type === 'number' && m.node.raw).toBe('-1.5e2');
  });
  test('100,000-deep nesting does not overflow', () => {
    const depth = 100_000;
    const text = `${'['.repeat(depth)}${']'.repeat(depth)}`;
    const doc = parseJson(text);
    expect(doc.errors).toEqual([]);
    const unclosed = parseJson(`{"a":${'['.repeat(depth)}`);
    expect(unclosed.errors.length).toBeGreaterThan(0);
  });
  test('half-typed input keeps what parsed', () => {
    const doc = parseJson('{"resourceType": "Patient", "name": [{"family": "Sm');
    expect(doc.root?.value).toEqual({ resourceType: 'Patient', name: [{ family: 'Sm' }] });
    expect(doc.errors.map((e) => e.code)).toEqual(['unterminated-string', 'close-brace-expected']);
  });
  test('missing value and colon are reported, the key is kept', () => {
    const doc = parseJson('{"a": , "b" 1, c: 2}');
    expect(doc.errors.map((e) => e.code)).toEqual(['value-expected', 'colon-expected', 'property-name-expected']);
    expect(doc.root?.value).toEqual({ b: 1, c: 2 });
  });
  test('__proto__ is an own property, as with JSON.parse', () => {
    const doc = parseJson('{"__proto__": {"x": 1}}');
    const v = doc.root?.value as Record<string, unknown>;
    expect(Object.getPrototypeOf(v)).toBe(Object.prototype);
    expect(Object.keys(v)).toEqual(['__proto__']);
  });
  test('escapes decode', () => {
    expect(parseJson('"a\\n\\u00e9\\"b"').root?.value).toBe('a\né"b');
  });
  test('findNodeAtOffset gives the path', () => {
    const text = '{"name": [{"family": "Smith"}]}';
    const r = findNodeAtOffset(parseJson(text).root, text.indexOf('Smith'));
    expect(r.path).toEqual(['name', 0, 'family']);
  });
});

describe('createPathLocator', () => {
  test('finds values and keys without a tree', () => {
    const text = '{ "entry": [ {"x": 1}, { "resource": { "id": "a\\"b", "n": [1, 2] } } ] }';
    const locate = createPathLocator(text);
    const r = locate(['entry', 1, 'resource', 'n', 1]);
    expect(text.slice(r.offset, r.offset + r.length)).toBe('2');
    const id = locate(['entry', 1, 'resource', 'id']);
    expect(text.slice(id.offset, id.offset + id.length)).toBe('"a\\"b"');
    const keyStart = id.keyOffset ?? -1;
    expect(text.slice(keyStart, keyStart + (id.keyLength ?? 0))).toBe('"id"');
    const missing = locate(['entry', 1, 'resource', 'nope']);
    expect(missing.depth).toBe(3);
  });
  test('agrees with the tree on every node of a document', () => {
    const text = JSON.stringify({ a: [{ b: 'x', c: [1, { d: null }] }, true], e: { f: -2 } }, null, 2);
    const doc = parseJson(text);
    const locate = createPathLocator(text);
    for (const path of [['a'], ['a', 0, 'c', 1, 'd'], ['e', 'f'], ['a', 1]]) {
      const m = findNodeAtPath(doc.root, path);
      const l = locate(path);
      expect([l.offset, l.length]).toEqual([m.node!.offset, m.node!.length]);
    }
  });
  test('agrees with the tree on every path, with brackets and escapes inside strings and keys', () => {
    const text = '{"a\\u0062": ["}", {"x]": "\\\\", "y": [[], {}, [1, {"z": "\\"{["}]]}], "n" : 1.50e1 ,"e":{}}';
    const doc = parseJson(text);
    expect(doc.errors).toEqual([]);
    const locate = createPathLocator(text);
    const paths: (string | number)[][] = [];
    const visit = (v: unknown, path: (string | number)[]): void => {
      paths.push(path);
      if (Array.isArray(v)) v.forEach((item, i) => visit(item, [...path, i]));
      else if (v !== null && typeof v === 'object') for (const [k, item] of Object.entries(v)) visit(item, [...path, k]);
    };
    visit(JSON.parse(text), []);
    expect(paths.length).toBe(14);
    for (const path of paths) {
      const m = findNodeAtPath(doc.root, path);
      const l = locate(path);
      expect([l.offset, l.length, l.depth], path.join('.')).toEqual([m.node!.offset, m.node!.length, path.length]);
      if (typeof path[path.length - 1] === 'string') expect([l.keyOffset, l.keyLength]).toEqual([m.property!.keyOffset, m.property!.keyLength]);
    }
    expect(locate(['ab', 1, 'y', 2, 5]).depth).toBe(4);
  });
});

test('findDuplicateKeys', () => {
  expect(findDuplicateKeys('{"a":1,"b":{"a":2},"a":3}').map((e) => e.offset)).toEqual([19]);
  expect(findDuplicateKeys('[{"a":1},{"a":1}]')).toEqual([]);
  // A key of the enclosing object is still known after a nested object closes; escapes compare as written.
  const text = '{"x": {"k": 1, "y": {"k": [{"k": 0}], "kk": 2}, "k": 3, "k\\"": 4, "k\\"": 5}, "kk": "k"}';
  const found = findDuplicateKeys(text);
  expect(found.map((e) => text.slice(e.offset, e.offset + e.length))).toEqual(['"k"', '"k\\""']);
  expect(found[0]?.message).toBe('Duplicate property "k": JSON objects must not repeat a name');
});

test('createLineIndex: 0-based lines, UTF-16 characters, CRLF', () => {
  const lines = createLineIndex('ab\r\n😀x\ny');
  expect(lines.position(6)).toEqual({ line: 1, character: 2 });
  expect(lines.position(8)).toEqual({ line: 2, character: 0 });
});

test('createLineIndex: LF, CR and CRLF breaks, offsets asked in any order, past the end', () => {
  const text = 'a\nbc\r\nd\re\r\r\n\nf\n';
  // Reference: every line start, found character by character.
  const starts = [0];
  for (let i = 0; i < text.length; i++) {
    if (text[i] === '\n') starts.push(i + 1);
    else if (text[i] === '\r') starts.push(text[i + 1] === '\n' ? ++i + 1 : i + 1);
  }
  const expected = (o: number): { line: number; character: number } => {
    const c = Math.max(0, Math.min(o, text.length));
    let line = 0;
    while (line + 1 < starts.length && starts[line + 1]! <= c) line++;
    return { line, character: c - starts[line]! };
  };
  const offsets = [9, 0, 3, text.length + 5, 4, 5, -1, 10, 11, 12, 1, text.length, 2];
  const lines = createLineIndex(text);
  expect(offsets.map((o) => lines.position(o))).toEqual(offsets.map(expected));
  expect(lines.position(6)).toEqual({ line: 2, character: 0 });
  expect(createLineIndex('').position(3)).toEqual({ line: 0, character: 0 });
  // Every line start: after a partial scan (positions asked above), and from a fresh index; a copy each time.
  expect(lines.lineStarts()).toEqual(starts);
  const fresh = createLineIndex(text).lineStarts();
  expect(fresh).toEqual(starts);
  fresh.push(99);
  expect(lines.lineStarts()).toEqual(starts);
  expect(createLineIndex('').lineStarts()).toEqual([0]);
});
