// Which build a bin loads: the esbuild bundle (dist/bundle/, written by `pnpm build` after tsc; see esbuild.mjs)
// when it is at least as new as the tsc output it was made from, else tsc's dist/ (issues 3, 7).
// The bundle starts faster (a few files to read and compile instead of ~350 modules), but after `tsc -b` alone
// it holds old code: then each tsc project's .tsbuildinfo, written whenever tsc emits, is newer than the bundle,
// and the bins run dist/ instead. Four statSync calls, well under a millisecond.
// WHEELHOUSE_BUNDLE=0 always runs dist/ (to compare the two, or to debug with tsc's source maps).
import { statSync } from 'node:fs';

// The tsc projects the bundle is made from (esbuild.mjs fails the build if it bundles a file from any other).
const TSC_BUILD_INFO = [
  'tsconfig.tsbuildinfo',
  '../shared/dist/.tsbuildinfo-core',
  '../shared/dist/.tsbuildinfo-node',
];

const mtime = (url) => statSync(url, { throwIfNoEntry: false })?.mtimeMs;

/**
 * What to import for `name` ('cli' or 'server'): dist/bundle/<name>.js when fresh (bundle: true), else
 * dist/<name>.js. `root` is the language-server package folder (a parameter for the tests).
 */
export function pickEntry(name, root = new URL('../', import.meta.url), env = process.env) {
  const dist = { url: new URL(`dist/${name}.js`, root), bundle: false };
  if (env.WHEELHOUSE_BUNDLE === '0') return dist;
  const url = new URL(`dist/bundle/${name}.js`, root);
  const bundled = mtime(url);
  if (bundled === undefined) return dist;
  // A missing build info counts as newer: if a project's file moves, the bins run dist/ rather than guess.
  const fresh = TSC_BUILD_INFO.every((file) => (mtime(new URL(file, root)) ?? Infinity) <= bundled);
  return fresh ? { url, bundle: true } : dist;
}
