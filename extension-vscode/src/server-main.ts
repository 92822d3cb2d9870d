/**
 * The server bundle (dist/server-main.js, loaded by dist/server.js): the language server with its data beside
 * it, copied or bundled by esbuild.mjs (dist/definitions/, dist/r4-hover.json, dist/validation-worker.js),
 * since a bundle cannot find the packages' dist folders at run time.
 */
import { join } from 'node:path';
import { startServer } from '@wheelhouse/language-server/server';

startServer({
  definitionsFile: join(__dirname, 'definitions', 'r4-core.json'),
  terminologyFile: join(__dirname, 'definitions', 'r4-terminology.json'),
  hoverDataFile: join(__dirname, 'r4-hover.json'),
  workerFile: join(__dirname, 'validation-worker.js'),
});
