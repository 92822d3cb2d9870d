// Bundles the extension (STYLE.md 9): dist/extension.js (client, `vscode` external), dist/server.js (starts
// dist/server-main.js, the language server with the engine), dist/definitions/ (the index files the engine loads at run time), and the
// in-host test suite into out/test/ (mocha stays external: the extension host loads it from node_modules).
// Type-checking is `tsc -b` / ESLint's job; esbuild only strips types.
import * as esbuild from 'esbuild';
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  readFileSync,
  readdirSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const production = !process.argv.includes('--dev');

// The engine's Node adapters use import.meta.url; in a CommonJS bundle it is rebuilt from __filename.
const importMetaShim = {
  banner: { js: 'const __wheelhouseImportMetaUrl = require("node:url").pathToFileURL(__filename).href;' },
  define: { 'import.meta.url': '__wheelhouseImportMetaUrl' },
};

const common = {
  bundle: true,
  platform: 'node',
  format: 'cjs',
  // VS Code 1.91 (the oldest we support) runs extensions on Node 20.
  target: 'node20',
  sourcemap: production ? false : 'linked',
  minify: production,
  logLevel: 'warning',
  external: ['vscode'],
  // ESM builds first: jsonc-parser's `main` is a UMD bundle whose inner require()s esbuild cannot follow.
  mainFields: ['module', 'main'],
  ...importMetaShim,
};

// dist/ is rebuilt from scratch so a stale file never ships.
rmSync(join(here, 'dist'), { recursive: true, force: true });
rmSync(join(here, 'out'), { recursive: true, force: true });

await Promise.all([
  // zod probes `navigator` (a Cloudflare check); in VS Code's extension host that global logs a migration
  // error, so the client bundle sees none. The server runs in its own Node process and keeps the real one.
  esbuild.build({
    ...common,
    entryPoints: { extension: 'src/extension.ts' },
    outdir: 'dist',
    define: { ...common.define, navigator: 'undefined' },
  }),
  // dist/server.js turns on the compile cache, then loads dist/server-main.js (the server bundle).
  esbuild.build({
    ...common,
    entryPoints: { server: 'src/server.ts' },
    outdir: 'dist',
    external: [...common.external, './server-main.js'],
  }),
  esbuild.build({ ...common, entryPoints: { 'server-main': 'src/server-main.ts' }, outdir: 'dist' }),
  esbuild.build({
    ...common,
    minify: false,
    sourcemap: 'inline',
    entryPoints: readdirSync(join(here, 'test/suite'))
      .filter((f) => f.endsWith('.ts'))
      .map((f) => `test/suite/${f}`),
    outdir: 'out/test/suite',
    external: ['vscode', 'mocha'],
  }),
  esbuild.build({
    ...common,
    minify: false,
    entryPoints: ['test/run-electron.ts'],
    outdir: 'out/test',
    external: ['vscode', '@vscode/test-electron'],
  }),
]);

// The definitions index and terminology, from @wheelhouse/shared's build, found through the language server's
// dependency on it.
const require = createRequire(import.meta.url);
const serverEntry = require.resolve('@wheelhouse/language-server/server');
const sharedNode = createRequire(serverEntry).resolve('@wheelhouse/shared/node');
const definitionsDir = join(dirname(sharedNode), '..', 'definitions');
mkdirSync(join(here, 'dist', 'definitions'), { recursive: true });
// core-r4-sds.dat: the trimmed core StructureDefinitions that profile validation (workspace profiles, packages) builds on.
for (const file of ['r4-core.json', 'r4-terminology.json', 'core-r4-sds.dat']) {
  const from = join(definitionsDir, file);
  if (!existsSync(from)) {
    console.error(
      `esbuild.mjs: ${from} is missing. Build the engine's data first: pnpm --filter @wheelhouse/shared build`,
    );
    process.exit(1);
  }
  copyFileSync(from, join(here, 'dist', 'definitions', file));
}
// The language server's validation worker and hover data, when its build has them: the worker goes beside
// dist/server.js, where the server looks for it by default; the hover data is passed by src/server.ts.
const serverDist = dirname(serverEntry);
const worker = join(serverDist, 'worker', 'validation-worker.js');
if (existsSync(worker)) {
  await esbuild.build({ ...common, entryPoints: { 'validation-worker': worker }, outdir: 'dist' });
  console.log('extension-vscode: dist/validation-worker.js written');
}
const hover = join(serverDist, 'r4-hover.json');
if (existsSync(hover)) {
  copyFileSync(hover, join(here, 'dist', 'r4-hover.json'));
  console.log('extension-vscode: dist/r4-hover.json copied');
}

// The catalogue for "Find existing components": catalogue/dist/catalogue.json (from `wheelhouse catalogue build`)
// when it exists, else built here from the manifests with the same shared code; the match index is built here,
// as the browser extension does (extension-browser/wxt.config.ts).
const sharedRequire = createRequire(serverEntry);
const importShared = (sub) => import(pathToFileURL(sharedRequire.resolve(`@wheelhouse/shared/${sub}`)).href);
const [catalogue, matching] = await Promise.all([importShared('catalogue'), importShared('matching')]);
const catalogueDir = join(here, '..', 'catalogue');
const builtCatalogue = join(catalogueDir, 'dist', 'catalogue.json');
let catalogueText;
if (existsSync(builtCatalogue)) {
  catalogueText = readFileSync(builtCatalogue, 'utf8');
} else {
  const { readManifestDir } = await importShared('node');
  const components = readManifestDir(join(catalogueDir, 'components'))
    .map((source) => catalogue.ComponentSchema.safeParse(catalogue.parseManifest(source).value))
    .flatMap((r) => (r.success ? [r.data] : []));
  if (components.length === 0) {
    console.error(
      `esbuild.mjs: no catalogue: ${builtCatalogue} is missing and catalogue/components has no valid manifests`,
    );
    process.exit(1);
  }
  catalogueText = catalogue.buildCatalogue(components).files[0].text;
}
const parsedCatalogue = catalogue.CatalogueSchema.parse(JSON.parse(catalogueText));
writeFileSync(
  join(here, 'dist', 'catalogue.json'),
  JSON.stringify({
    version: parsedCatalogue.contentHash,
    components: parsedCatalogue.components.map((c) => ({
      id: c.id,
      name: c.name,
      url: c.url,
      summary: c.description?.en?.shortDescription ?? '',
    })),
    index: matching.buildIndex(parsedCatalogue.components),
  }),
);
console.log(
  `extension-vscode: dist/catalogue.json written (${parsedCatalogue.components.length} components)`,
);
console.log('extension-vscode: dist/extension.js, dist/server.js, dist/definitions/, out/test/ written');
