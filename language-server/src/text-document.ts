/**
 * The open documents' TextDocument (vscode-languageserver-textdocument), with the line starts of a big text found
 * by indexOf instead of the library's loop over every character (issue 7: a 7 MB Bundle edited while hover
 * answers within 50 ms). The library finds them on first use, which for the 7 MB Bundle is its first edit: ~50 ms
 * CPU on the main thread, against ~7 ms here. Everything else is the library's own code.
 */
import type { TextDocumentContentChangeEvent, TextDocumentsConfiguration } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { createLineIndex } from '@wheelhouse/shared/validation';

/**
 * Texts at least this long get their line starts soon after being opened (LINE_OFFSETS_DELAY_MS) and when replaced;
 * shorter ones take ~1 ms in the library.
 */
export const EAGER_LINE_OFFSETS_CHARS = 256 * 1024;

/**
 * The offset of each line's start, as the library counts lines: after `\n`, `\r\n` or a lone `\r` (the engine's
 * line index, which jumps from break to break with indexOf).
 */
export function lineOffsets(text: string): number[] {
  return createLineIndex(text).lineStarts();
}

// The library's document keeps its text in `_content` and its line starts in `_lineOffsets` (undefined until
// first needed, and again after a full change). vscode-languageserver-textdocument is pinned (package.json); if a
// version names them otherwise, nothing is set and the library finds the line starts itself, as before.
interface LibraryDocument {
  _content?: unknown;
  _lineOffsets?: number[];
}

function withLineOffsets(document: TextDocument): TextDocument {
  const fields = document as unknown as LibraryDocument;
  if (
    '_lineOffsets' in fields &&
    fields._lineOffsets === undefined &&
    typeof fields._content === 'string' &&
    fields._content.length >= EAGER_LINE_OFFSETS_CHARS
  ) {
    fields._lineOffsets = lineOffsets(fields._content);
  }
  return document;
}

/**
 * How long after a big document is opened its line starts are found: not in the didOpen itself, which is followed
 * at once by handing the text to the validation worker (~20 ms for 7 MB); together they made one ~40 ms stretch a
 * hover had to wait for (issue 7). Later the main thread is idle while the worker validates. An edit or a
 * position asked for before then finds them at once (update, or the library on first use).
 */
export const LINE_OFFSETS_DELAY_MS = 50;

/** For `new TextDocuments(...)`: the library's create and update, big texts' line starts found by indexOf. */
export const textDocuments: TextDocumentsConfiguration<TextDocument> = {
  create: (uri, languageId, version, content) => {
    const document = TextDocument.create(uri, languageId, version, content);
    if (content.length >= EAGER_LINE_OFFSETS_CHARS)
      setTimeout(() => withLineOffsets(document), LINE_OFFSETS_DELAY_MS).unref();
    return document;
  },
  update: (document, changes: TextDocumentContentChangeEvent[], version) =>
    withLineOffsets(TextDocument.update(withLineOffsets(document), changes, version)),
};
