import { describe, expect, test } from 'vitest';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { DiagnosticSeverity } from 'vscode-languageserver';
import type { Issue } from '@wheelhouse/shared/validation';
import { DIAGNOSTIC_SOURCE, toDiagnostic, toRange } from './convert.js';

const issue = (over: Partial<Issue>): Issue => ({
  ruleId: 'unknown-property',
  severity: 'error',
  message: 'Unknown property',
  path: [],
  location: 'Patient',
  offset: 0,
  length: 0,
  ...over,
});

describe('toRange', () => {
  test('counts UTF-16 code units, so characters after an astral symbol land right', () => {
    // "😀" is two UTF-16 code units (one code point): "b" starts at 13, not 12. LSP positions count code units, as the engine does.
    const text = '{\n  "a": "😀", "b": 1\n}';
    const doc = TextDocument.create('file:///x.json', 'json', 1, text);
    const offset = text.indexOf('"b"');
    expect(toRange(doc, offset, 3)).toEqual({ start: { line: 1, character: 13 }, end: { line: 1, character: 16 } });
  });

  test('a zero or negative length gives an empty range, and offsets past the end clamp', () => {
    const doc = TextDocument.create('file:///x.json', 'json', 1, '{}\n');
    expect(toRange(doc, 1, -4)).toEqual({ start: { line: 0, character: 1 }, end: { line: 0, character: 1 } });
    expect(toRange(doc, 99, 1).start).toEqual({ line: 1, character: 0 });
  });
});

describe('toDiagnostic', () => {
  test('code is the rule id, source ours, docs as codeDescription, fix and data kept with the version', () => {
    const doc = TextDocument.create('file:///p.json', 'json', 7, '{"gender":"mal"}');
    const fix = { title: 'Replace with "male"', edits: [{ offset: 10, length: 5, newText: '"male"' }] };
    const d = toDiagnostic(
      issue({ ruleId: 'binding-required', severity: 'warning', offset: 10, length: 5, docs: 'https://example.test/docs/rules/binding-required.md', fix, data: { code: 'mal' } }),
      doc,
      7,
    );
    expect(d).toEqual({
      range: { start: { line: 0, character: 10 }, end: { line: 0, character: 15 } },
      severity: DiagnosticSeverity.Warning,
      code: 'binding-required',
      codeDescription: { href: 'https://example.test/docs/rules/binding-required.md' },
      source: DIAGNOSTIC_SOURCE,
      message: 'Unknown property',
      data: { version: 7, fix, data: { code: 'mal' } },
    });
  });

  test('information maps to Information and no docs means no codeDescription', () => {
    const doc = TextDocument.create('file:///p.json', 'json', 1, '{}');
    const d = toDiagnostic(issue({ severity: 'information' }), doc, 1);
    expect(d.severity).toBe(DiagnosticSeverity.Information);
    expect(d.codeDescription).toBeUndefined();
    expect(d.data).toEqual({ version: 1 });
  });
});
