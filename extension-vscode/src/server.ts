/**
 * Entry of the server process (dist/server.js, what the client starts): turns on Node's on-disk compile cache
 * (os.tmpdir()/node-compile-cache, per Node version; Node 22.1+, a no-op before), then loads the server bundle
 * (dist/server-main.js), whose ~2 MB of code is then compiled once, not on every start. The bundle is a separate
 * file because the cache only covers modules loaded after it is on.
 */
import module from 'node:module';

module.enableCompileCache?.();
// eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded after the cache is on, not bundled here
require('./server-main.js');
