/**
 * Code actions (issue 7): the engine's quick fix carried in `Diagnostic.data` (ready text edits, applied
 * verbatim when the document is still at the version they were computed for), and "turn this rule off in
 * wheelhouse.config.json" (a WorkspaceEdit that updates the nearest config file, or creates one). Diagnostics
 * are recognised by source and code, never by message (STYLE.md 4).
 */
import { modify } from 'jsonc-parser';
import {
  CodeActionKind,
  type CodeAction,
  type Diagnostic,
  type TextEdit,
  type WorkspaceEdit,
} from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { CONFIG_FILE_NAME } from '@wheelhouse/shared/config';
import { DIAGNOSTIC_SOURCE, toRange, type DiagnosticData, type PositionSource } from '../convert.js';

/** Where the rule switch goes: the config file that applies to the document, and its text when it exists. */
export interface ConfigTarget {
  uri: string;
  /** Current text (from the editor when open, else from disk); undefined when the file does not exist yet. */
  text: string | undefined;
}

export interface CodeActionDeps {
  /** The config file for a document, or undefined when the document is not in a folder we can write to. */
  configFor(documentUri: string): ConfigTarget | undefined;
  /** Can the client create files in a WorkspaceEdit (workspace.workspaceEdit.resourceOperations includes 'create')? */
  canCreateFiles: boolean;
}

function isOurs(d: Diagnostic): d is Diagnostic & { code: string } {
  return d.source === DIAGNOSTIC_SOURCE && typeof d.code === 'string';
}

function dataOf(d: Diagnostic): DiagnosticData | undefined {
  const data = d.data as DiagnosticData | undefined;
  return data !== null && typeof data === 'object' && typeof data.version === 'number' ? data : undefined;
}

/** The engine's fixes for the diagnostics in the request, as quick fixes. */
export function fixActions(
  uri: string,
  doc: PositionSource & { version: number },
  diagnostics: readonly Diagnostic[],
): CodeAction[] {
  const actions: CodeAction[] = [];
  for (const d of diagnostics) {
    if (!isOurs(d)) continue;
    const data = dataOf(d);
    // Offsets from another version would land in the wrong place; the next pull brings fresh ones.
    if (!data?.fix || data.version !== doc.version) continue;
    const edits: TextEdit[] = data.fix.edits.map((e) => ({
      range: toRange(doc, e.offset, e.length),
      newText: e.newText,
    }));
    actions.push({
      title: data.fix.title,
      kind: CodeActionKind.QuickFix,
      diagnostics: [d],
      isPreferred: true,
      edit: { changes: { [uri]: edits } },
    });
  }
  return actions;
}

const FORMATTING = { insertSpaces: true, tabSize: 2, eol: '\n' };

/** The edit that sets `rules[ruleId] = "off"` in the config file (creating the file when needed). */
export function ruleOffEdit(
  ruleId: string,
  target: ConfigTarget,
  canCreateFiles: boolean,
): WorkspaceEdit | undefined {
  if (target.text === undefined) {
    if (!canCreateFiles) return undefined;
    const content = `${JSON.stringify({ rules: { [ruleId]: 'off' } }, null, 2)}\n`;
    return {
      documentChanges: [
        { kind: 'create', uri: target.uri, options: { ignoreIfExists: true } },
        {
          textDocument: { uri: target.uri, version: null },
          edits: [
            { range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, newText: content },
          ],
        },
      ],
    };
  }
  const text = target.text.trim() === '' ? '{}' : target.text;
  const edits = modify(text, ['rules', ruleId], 'off', { formattingOptions: FORMATTING });
  const doc = TextDocument.create(target.uri, 'json', 0, target.text);
  // An empty file gets the whole object; otherwise jsonc-parser's minimal edits.
  const lspEdits: TextEdit[] =
    text === target.text
      ? edits.map((e) => ({ range: toRange(doc, e.offset, e.length), newText: e.content }))
      : [
          {
            range: toRange(doc, 0, target.text.length),
            newText: `${JSON.stringify({ rules: { [ruleId]: 'off' } }, null, 2)}\n`,
          },
        ];
  return { changes: { [target.uri]: lspEdits } };
}

/** "Turn off <rule> in wheelhouse.config.json", once per rule among the diagnostics. */
export function ruleOffActions(
  documentUri: string,
  diagnostics: readonly Diagnostic[],
  deps: CodeActionDeps,
): CodeAction[] {
  const target = deps.configFor(documentUri);
  if (!target) return [];
  const actions: CodeAction[] = [];
  const seen = new Set<string>();
  for (const d of diagnostics) {
    if (!isOurs(d) || seen.has(d.code)) continue;
    seen.add(d.code);
    const edit = ruleOffEdit(d.code, target, deps.canCreateFiles);
    if (!edit) continue;
    actions.push({
      title: `Turn off rule "${d.code}" in ${CONFIG_FILE_NAME}`,
      kind: CodeActionKind.QuickFix,
      diagnostics: diagnostics.filter((x) => isOurs(x) && x.code === d.code),
      edit,
    });
  }
  return actions;
}

export function codeActions(
  uri: string,
  doc: PositionSource & { version: number },
  diagnostics: readonly Diagnostic[],
  deps: CodeActionDeps,
): CodeAction[] {
  return [...fixActions(uri, doc, diagnostics), ...ruleOffActions(uri, diagnostics, deps)];
}
