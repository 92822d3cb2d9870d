/**
 * Wheelhouse for VS Code: starts the language client, registers the commands and the status item.
 * A failed start shows one actionable error (STYLE.md 8); the status item then stays red.
 */
import { commands, window, type ExtensionContext } from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { createClient } from './client';
import { restartServer } from './commands/restart-server';
import { showOutput } from './commands/show-output';
import { validateWorkspace } from './commands/validate-workspace';
import { createStatusItem } from './status';

let client: LanguageClient | undefined;

export async function activate(context: ExtensionContext): Promise<void> {
  const started = createClient(context);
  client = started;
  context.subscriptions.push(
    createStatusItem(started),
    commands.registerCommand('wheelhouse.validateWorkspace', () => validateWorkspace(started)),
    commands.registerCommand('wheelhouse.restartServer', () => restartServer(started)),
    commands.registerCommand('wheelhouse.showOutput', () => showOutput(started)),
  );
  try {
    await started.start();
  } catch (error) {
    started.error('The Wheelhouse language server did not start', error, false);
    const choice = await window.showErrorMessage('Wheelhouse: the language server did not start, so files are not validated.', 'Show Output');
    if (choice === 'Show Output') showOutput(started);
  }
}

export async function deactivate(): Promise<void> {
  await client?.stop();
  client = undefined;
}
