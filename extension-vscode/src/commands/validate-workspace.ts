/**
 * `wheelhouse.validateWorkspace`: asks the language server to validate every FHIR file in the workspace again
 * (workspace diagnostics, LSP 3.17: the server walks the folders, open files come through document pulls) and
 * shows the Problems panel.
 */
import { commands, window, workspace } from 'vscode';
import { DocumentDiagnosticRequest, type LanguageClient } from 'vscode-languageclient/node';

export async function validateWorkspace(client: LanguageClient): Promise<void> {
  if (!workspace.workspaceFolders?.length) {
    void window.showInformationMessage('Wheelhouse: open a folder to validate its files.');
    return;
  }
  const provider = client.initializeResult?.capabilities.diagnosticProvider;
  if (!provider || typeof provider !== 'object' || !provider.workspaceDiagnostics) {
    void window.showWarningMessage(
      'Wheelhouse: the language server does not validate whole workspaces; open the files, or run `wheelhouse validate <folder>` in a terminal.',
    );
    return;
  }
  // Re-pulls the open documents and the workspace report.
  client.getFeature(DocumentDiagnosticRequest.method).refresh();
  await commands.executeCommand('workbench.actions.view.problems');
}
