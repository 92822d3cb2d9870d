/**
 * Entry of the server bundle (dist/server.js): the language server with the definitions copied beside it
 * by esbuild.mjs (dist/definitions/), since a bundle cannot find @wheelhouse/shared's dist at run time.
 */
import { join } from 'node:path';
import { startServer } from '@wheelhouse/language-server/server';

startServer({
  definitionsFile: join(__dirname, 'definitions', 'r4-core.json'),
  terminologyFile: join(__dirname, 'definitions', 'r4-terminology.json'),
});
