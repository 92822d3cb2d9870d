#!/usr/bin/env node
import module from 'node:module';

// Node's on-disk compile cache (Node >= 22.1; a no-op where absent, off with NODE_DISABLE_COMPILE_CACHE=1):
// later runs reuse the V8 code of the CLI's modules instead of compiling them again (issue 3).
module.enableCompileCache?.();
const { main } = await import('../dist/cli.js');

process.exitCode = await main(process.argv.slice(2));
