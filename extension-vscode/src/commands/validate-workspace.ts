/**
 * `wheelhouse.validateWorkspace`: opens (without showing) every JSON and XML file in the workspace so the
 * language server validates each one, then shows the Problems panel. node_modules and .git are skipped.
 */
import { commands, ProgressLocation, window, workspace } from 'vscode';

/** More than this many files is cut, with a message saying so, to keep the editor responsive. */
export const MAX_FILES = 2000;

export async function validateWorkspace(): Promise<void> {
  if (!workspace.workspaceFolders?.length) {
    void window.showInformationMessage('Wheelhouse: open a folder to validate its files.');
    return;
  }
  const files = await workspace.findFiles('**/*.{json,xml}', '{**/node_modules/**,**/.git/**}', MAX_FILES + 1);
  const selected = files.slice(0, MAX_FILES);
  await window.withProgress({ location: ProgressLocation.Notification, title: 'Wheelhouse: validating', cancellable: true }, async (progress, token) => {
    for (const [i, uri] of selected.entries()) {
      if (token.isCancellationRequested) return;
      progress.report({ message: `${i + 1} of ${selected.length}`, increment: 100 / selected.length });
      try {
        await workspace.openTextDocument(uri);
      } catch {
        // A file that cannot be opened (binary, too large, deleted meanwhile) is skipped.
      }
    }
  });
  if (files.length > MAX_FILES) {
    void window.showWarningMessage(`Wheelhouse: validated the first ${MAX_FILES} JSON/XML files only; open others to validate them.`);
  }
  await commands.executeCommand('workbench.actions.view.problems');
}
