/**
 * The LanguageClient: starts the bundled server (dist/server.js) in its own Node process over IPC, for FHIR
 * JSON and XML files on disk and unsaved. Settings go to the server through workspace/configuration.
 */
import type { ExtensionContext } from 'vscode';
import {
  LanguageClient,
  TransportKind,
  type LanguageClientOptions,
  type ServerOptions,
} from 'vscode-languageclient/node';

export const CLIENT_ID = 'wheelhouse';
export const CLIENT_NAME = 'Wheelhouse';

export function createClient(context: ExtensionContext): LanguageClient {
  const module = context.asAbsolutePath('dist/server.js');
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.ipc },
    debug: { module, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6009'] } },
  };
  const clientOptions: LanguageClientOptions = {
    documentSelector: [
      { scheme: 'file', language: 'json' },
      { scheme: 'untitled', language: 'json' },
      { scheme: 'file', language: 'xml' },
      { scheme: 'untitled', language: 'xml' },
    ],
    // The server re-reads its settings (per file) when this section changes.
    synchronize: { configurationSection: CLIENT_ID },
    diagnosticPullOptions: { onChange: true, onSave: true },
  };
  // The trace setting is `wheelhouse.trace.server`, read by the client from its id.
  return new LanguageClient(CLIENT_ID, CLIENT_NAME, serverOptions, clientOptions);
}
