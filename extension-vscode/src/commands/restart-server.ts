import { window } from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';

/** `wheelhouse.restartServer`: stops and starts the language server (after changing packages or settings files). */
export async function restartServer(client: LanguageClient): Promise<void> {
  try {
    await client.restart();
  } catch (error) {
    client.error('Restarting the language server failed', error, false);
    void window.showErrorMessage(
      'Wheelhouse: the language server did not restart. See "Wheelhouse: Show Output".',
    );
  }
}
