/**
 * Engine issues -> LSP diagnostics. The only place that turns offsets into positions (STYLE.md 3): the engine
 * reports UTF-16 offsets, and LSP positions count UTF-16 code units too, so `positionAt` of the document the
 * issue was computed from is exact.
 */
import { DiagnosticSeverity, type Diagnostic, type Position, type Range } from 'vscode-languageserver';
import type { Fix, Issue, Severity } from '@wheelhouse/shared/validation';

/** `Diagnostic.source` of everything this server publishes. */
export const DIAGNOSTIC_SOURCE = 'wheelhouse';

/** What a text document offers for offset -> position (a vscode-languageserver-textdocument TextDocument does). */
export interface PositionSource {
  positionAt(offset: number): Position;
}

/**
 * `Diagnostic.data`: what a quick fix or hover needs, read by code (STYLE.md 4), never from the message.
 * `version` is the document version the offsets in `fix` refer to.
 */
export interface DiagnosticData {
  version: number;
  fix?: Fix;
  data?: Record<string, unknown>;
}

const SEVERITY: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  information: DiagnosticSeverity.Information,
};

/**
 * The positions the validation worker computed for a result's issues (WorkerResult.positions:
 * [start line, start character, end line, end character] per issue), as a PositionSource for those issues'
 * offsets: the main thread converts a big document's issues without scanning its text for line starts.
 */
export function positionsFrom(issues: readonly Issue[], positions: Int32Array): PositionSource {
  const at = new Map<number, Position>();
  issues.forEach((issue, i) => {
    const p = positions.subarray(i * 4, i * 4 + 4);
    at.set(issue.offset, { line: p[0]!, character: p[1]! });
    at.set(issue.offset + Math.max(0, issue.length), { line: p[2]!, character: p[3]! });
  });
  return {
    positionAt(offset) {
      const position = at.get(offset);
      if (!position)
        throw new Error(`positionsFrom: no position for offset ${offset} (not an issue's start or end)`);
      return position;
    },
  };
}

export function toRange(doc: PositionSource, offset: number, length: number): Range {
  return { start: doc.positionAt(offset), end: doc.positionAt(offset + Math.max(0, length)) };
}

export function toDiagnostic(issue: Issue, doc: PositionSource, version: number): Diagnostic {
  const data: DiagnosticData = { version };
  if (issue.fix) data.fix = issue.fix;
  if (issue.data) data.data = issue.data;
  return {
    range: toRange(doc, issue.offset, issue.length),
    severity: SEVERITY[issue.severity],
    code: issue.ruleId,
    ...(issue.docs ? { codeDescription: { href: issue.docs } } : {}),
    source: DIAGNOSTIC_SOURCE,
    message: issue.message,
    data,
  };
}
