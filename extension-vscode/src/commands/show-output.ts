import type { LanguageClient } from 'vscode-languageclient/node';

/** `wheelhouse.showOutput`: the server's log and, with `wheelhouse.trace.server`, the LSP traffic. */
export function showOutput(client: LanguageClient): void {
  client.outputChannel.show(true);
}
