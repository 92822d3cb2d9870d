/**
 * Wheelhouse for VS Code: starts the language client, registers the commands and the status item.
 * A failed start shows one actionable error (STYLE.md 8); the status item then stays red.
 */
import { commands, window, type ExtensionContext } from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { createClient } from './client';
import { bundledCatalogue, findComponents, suggestComponents } from './commands/find-components';
import { openRuleDocs } from './commands/open-rule-docs';
import { publishComponent } from './commands/publish-component';
import { restartServer } from './commands/restart-server';
import { showOutput } from './commands/show-output';
import { validateWorkspace } from './commands/validate-workspace';
import { createStatusItem } from './status';

let client: LanguageClient | undefined;

export async function activate(context: ExtensionContext): Promise<void> {
  const started = createClient(context);
  const catalogue = bundledCatalogue(context.asAbsolutePath('dist/catalogue.json'));
  client = started;
  context.subscriptions.push(
    createStatusItem(started),
    commands.registerCommand('wheelhouse.validateWorkspace', () => validateWorkspace(started)),
    commands.registerCommand('wheelhouse.restartServer', () => restartServer(started)),
    commands.registerCommand('wheelhouse.showOutput', () => showOutput(started)),
    commands.registerCommand('wheelhouse.openRuleDocs', (ruleId?: unknown) => openRuleDocs(ruleId)),
    commands.registerCommand('wheelhouse.findComponents', () => findComponents(catalogue)),
    // Not in the palette: the ranked ids and reasons for a text, for tests and other extensions.
    commands.registerCommand('wheelhouse.suggestComponents', async (text: unknown) =>
      typeof text === 'string' ? suggestComponents(await catalogue(), text) : [],
    ),
    commands.registerCommand('wheelhouse.publishComponent', () => publishComponent(started.outputChannel)),
  );
  try {
    await started.start();
  } catch (error) {
    started.error('The Wheelhouse language server did not start', error, false);
    const choice = await window.showErrorMessage(
      'Wheelhouse: the language server did not start, so files are not validated.',
      'Show Output',
    );
    if (choice === 'Show Output') showOutput(started);
  }
}

export async function deactivate(): Promise<void> {
  await client?.stop();
  client = undefined;
}
