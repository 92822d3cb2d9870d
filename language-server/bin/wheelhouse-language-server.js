#!/usr/bin/env node
// The Wheelhouse language server for any LSP client: `wheelhouse-language-server --stdio`.
import module from 'node:module';
import { fileURLToPath } from 'node:url';
import { pickEntry } from './entry.js';

const args = process.argv.slice(2);
const transport = args.some(
  (a) => a === '--stdio' || a === '--node-ipc' || a.startsWith('--socket=') || a.startsWith('--pipe='),
);
if (args.includes('--help') || args.includes('-h') || !transport) {
  const out = transport ? process.stdout : process.stderr;
  out.write(
    'Usage: wheelhouse-language-server --stdio | --node-ipc | --socket=<port> | --pipe=<name>\n\n' +
      'The Wheelhouse language server (LSP): validates open FHIR R4 JSON documents and publishes diagnostics\n' +
      '(source "wheelhouse", code = rule id). Settings are read from the client\'s "wheelhouse" section.\n',
  );
  process.exit(args.includes('--help') || args.includes('-h') ? 0 : 2);
}
// V8's compiled code for the server is kept on disk (os.tmpdir()/node-compile-cache, per Node version), so
// later starts skip most of the compiling; the server is imported after it is on.
module.enableCompileCache?.();
// The esbuild bundle when it is up to date with tsc's output, else dist/server.js (bin/entry.js says why). The
// bundle's worker is bundled too; dist/ finds its own (dist/worker/validation-worker.js) by default.
const entry = pickEntry('server');
const { startServer } = await import(entry.url.href);
startServer(entry.bundle ? { workerFile: fileURLToPath(new URL('validation-worker.js', entry.url)) } : {});
