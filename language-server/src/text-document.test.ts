import { afterEach, describe, expect, test, vi } from 'vitest';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { EAGER_LINE_OFFSETS_CHARS, LINE_OFFSETS_DELAY_MS, lineOffsets, textDocuments } from './text-document.js';

/** The line starts as the library's own document finds them. */
const libraryLineStarts = (doc: TextDocument): number[] =>
  Array.from({ length: doc.lineCount }, (_, line) => doc.offsetAt({ line, character: 0 }));

describe('lineOffsets', () => {
  test.each(['', 'a', '\n', '\r', '\r\n', 'a\nb\r\nc\rd', '\r\r\n\n\r', 'x\r\n', '{\n  "a": 1\r\n}\r'])(
    '%j',
    (text) => {
      expect(lineOffsets(text)).toEqual(
        libraryLineStarts(TextDocument.create('file:///t.json', 'json', 1, text)),
      );
    },
  );
});

describe('textDocuments', () => {
  afterEach(() => vi.useRealTimers());

  test('a big document edited as the library edits it, line starts and positions the same', () => {
    vi.useFakeTimers();
    const lines = ['{', '  "resourceType": "Bundle",\r', '  "entry": []\r\n', '\r', 'é 😀'];
    let text = '';
    for (let i = 0; text.length < EAGER_LINE_OFFSETS_CHARS + 1000; i++)
      text += `${lines[i % lines.length]!}\n`;
    let ours = textDocuments.create('file:///big.json', 'json', 1, text);
    let theirs = TextDocument.create('file:///big.json', 'json', 1, text);
    // Found here, not by the library on first use (its field, in the pinned version), shortly after the open.
    const found = (): number[] | undefined => (ours as unknown as { _lineOffsets?: number[] })._lineOffsets;
    expect(found()).toBeUndefined();
    vi.advanceTimersByTime(LINE_OFFSETS_DELAY_MS);
    expect(found()).toEqual(lineOffsets(text));
    const edits: Parameters<typeof TextDocument.update>[1][] = [
      [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: ' ' }],
      [{ range: { start: { line: 3, character: 0 }, end: { line: 7, character: 2 } }, text: 'a\nb\r\nc\r' }],
      [{ range: { start: { line: 100, character: 1 }, end: { line: 100, character: 1 } }, text: '\n' }],
      [{ range: { start: { line: 200, character: 0 }, end: { line: 200, character: 0 } }, text: '\r' }],
      [{ text: `${text}\r\n` }],
      [{ range: { start: { line: 5000, character: 3 }, end: { line: 5001, character: 0 } }, text: '' }],
    ];
    // Edited before the delay: the update finds them itself.
    const early = textDocuments.create('file:///early.json', 'json', 1, text);
    const edited = textDocuments.update(early, edits[0]!, 2);
    expect((edited as unknown as { _lineOffsets?: number[] })._lineOffsets).toEqual(
      libraryLineStarts(TextDocument.update(TextDocument.create('file:///early.json', 'json', 1, text), edits[0]!, 2)),
    );
    edits.forEach((changes, i) => {
      ours = textDocuments.update(ours, changes, i + 2);
      theirs = TextDocument.update(theirs, changes, i + 2);
      expect(ours.getText()).toBe(theirs.getText());
      expect(ours.lineCount).toBe(theirs.lineCount);
      expect(libraryLineStarts(ours)).toEqual(libraryLineStarts(theirs));
      for (let offset = 0; offset < theirs.getText().length; offset += 997)
        expect(ours.positionAt(offset)).toEqual(theirs.positionAt(offset));
    });
  });
});
