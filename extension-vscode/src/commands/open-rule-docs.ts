/**
 * `wheelhouse.openRuleDocs`: opens a rule's documentation, found through the diagnostics' `codeDescription`
 * (STYLE.md 4: by code, never by message). With a rule id argument that rule; else the rules at the cursor,
 * else those in the active file, picked from a list when there are several.
 */
import { env, languages, window, type Diagnostic, type Uri } from 'vscode';

function ruleDocs(diagnostics: readonly Diagnostic[]): Map<string, Uri> {
  const docs = new Map<string, Uri>();
  for (const d of diagnostics) {
    if (d.source === 'wheelhouse' && typeof d.code === 'object')
      docs.set(String(d.code.value), d.code.target);
  }
  return docs;
}

export async function openRuleDocs(ruleId?: unknown): Promise<void> {
  if (typeof ruleId === 'string') {
    const target = ruleDocs(languages.getDiagnostics().flatMap(([, ds]) => ds)).get(ruleId);
    if (target) await env.openExternal(target);
    else
      void window.showInformationMessage(
        `Wheelhouse: no open problem has the rule "${ruleId}"; its page is docs/rules/${ruleId}.md in the repository.`,
      );
    return;
  }
  const editor = window.activeTextEditor;
  if (!editor) {
    void window.showInformationMessage(
      'Wheelhouse: open a file with a Wheelhouse problem to see its rule’s documentation.',
    );
    return;
  }
  const all = languages.getDiagnostics(editor.document.uri);
  const atCursor = ruleDocs(all.filter((d) => d.range.contains(editor.selection.active)));
  const docs = atCursor.size > 0 ? atCursor : ruleDocs(all);
  if (docs.size === 0) {
    void window.showInformationMessage('Wheelhouse: this file has no Wheelhouse problems.');
    return;
  }
  const id =
    docs.size === 1
      ? [...docs.keys()][0]
      : await window.showQuickPick([...docs.keys()].sort(), {
          placeHolder: 'Open the documentation of rule…',
        });
  const target = id === undefined ? undefined : docs.get(id);
  if (target) await env.openExternal(target);
}
