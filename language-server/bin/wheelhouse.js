#!/usr/bin/env node
import module from 'node:module';
import { pickEntry } from './entry.js';

// Node's on-disk compile cache (Node >= 22.1; a no-op where absent, off with NODE_DISABLE_COMPILE_CACHE=1):
// later runs reuse the V8 code of the CLI's modules instead of compiling them again (issue 3).
module.enableCompileCache?.();
// The esbuild bundle when it is up to date with tsc's output, else dist/cli.js (bin/entry.js says why).
const { main } = await import(pickEntry('cli').url.href);

process.exitCode = await main(process.argv.slice(2));
