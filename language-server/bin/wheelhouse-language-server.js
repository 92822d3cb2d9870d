#!/usr/bin/env node
// The Wheelhouse language server for any LSP client: `wheelhouse-language-server --stdio`.
import { startServer } from '../dist/server.js';

const args = process.argv.slice(2);
const transport = args.some((a) => a === '--stdio' || a === '--node-ipc' || a.startsWith('--socket=') || a.startsWith('--pipe='));
if (args.includes('--help') || args.includes('-h') || !transport) {
  const out = transport ? process.stdout : process.stderr;
  out.write(
    'Usage: wheelhouse-language-server --stdio | --node-ipc | --socket=<port> | --pipe=<name>\n\n' +
      'The Wheelhouse language server (LSP): validates open FHIR R4 JSON documents and publishes diagnostics\n' +
      '(source "wheelhouse", code = rule id). Settings are read from the client\'s "wheelhouse" section.\n',
  );
  process.exit(args.includes('--help') || args.includes('-h') ? 0 : 2);
}
startServer();
