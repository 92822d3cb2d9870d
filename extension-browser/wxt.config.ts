import { defineConfig } from 'wxt';
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { SITE_ADAPTERS } from './src/adapters';

/**
 * The TEST build (`pnpm build:test`, env WHEELHOUSE_TEST_BUILD=1) also runs the content script on
 * http://127.0.0.1/* and http://localhost/* so the e2e suites can use local fixture pages. It writes to
 * `.output/test-<browser>-mv<N>/`; the real build never matches loopback pages.
 */
const testBuild = process.env.WHEELHOUSE_TEST_BUILD === '1';
const sharedSrc = fileURLToPath(new URL('../shared/src/', import.meta.url));

/**
 * The bundled catalogue: `catalogue/dist/catalogue.json` from `wheelhouse catalogue build` when present, else
 * the manifests in `catalogue/components/*.yaml` read directly. The background validates it with the shared
 * zod schema at startup, exactly like a remote copy.
 */
const CATALOGUE_DIST = fileURLToPath(new URL('../catalogue/dist/catalogue.json', import.meta.url));
const CATALOGUE_COMPONENTS = fileURLToPath(new URL('../catalogue/components/', import.meta.url));
const BUNDLED_ID = 'virtual:wheelhouse-bundled-catalogue';

/**
 * Reads (dist) or builds (manifests) catalogue.json, validates it with the shared schema (a bad catalogue fails
 * the build), and builds the match index here so the extension's background only loads it at startup.
 */
async function bundledSource(): Promise<string> {
  const catalogue = await import('../shared/src/catalogue/index.ts');
  const matching = await import('../shared/src/matching/index.ts');
  let text: string;
  if (existsSync(CATALOGUE_DIST)) {
    text = readFileSync(CATALOGUE_DIST, 'utf8');
  } else {
    // No dist yet: build catalogue.json in memory from the manifests with the same shared code the CLI uses.
    const fs = await import('../shared/src/node/catalogue-fs.ts');
    const parsed = fs.readManifestDir(CATALOGUE_COMPONENTS).map((source) => catalogue.parseManifest(source));
    const components = parsed.flatMap((p) => {
      const result = catalogue.ComponentSchema.safeParse(p.value);
      return result.success ? [result.data] : [];
    });
    if (components.length === 0) throw new Error(`[wheelhouse] no catalogue: ${CATALOGUE_DIST} is missing and ${CATALOGUE_COMPONENTS} has no valid manifests`);
    if (components.length < parsed.length) {
      console.warn(`[wheelhouse] bundling ${components.length} of ${parsed.length} manifests; run \`wheelhouse catalogue check\``);
    }
    text = catalogue.buildCatalogue(components).files[0]!.text;
  }
  const parsed = catalogue.CatalogueSchema.parse(JSON.parse(text));
  const index = matching.buildIndex(parsed.components);
  return JSON.stringify({ version: parsed.contentHash, components: parsed.components, index });
}

function bundledCatalogue() {
  return {
    name: 'wheelhouse-bundled-catalogue',
    resolveId: (id: string) => (id === BUNDLED_ID ? `\0${BUNDLED_ID}` : undefined),
    async load(id: string) {
      if (id !== `\0${BUNDLED_ID}`) return undefined;
      return `export default ${await bundledSource()};`;
    },
  };
}

/**
 * Chrome's explicit compile hint (V8, Chrome 136+; a plain comment elsewhere) at the top of each site content
 * script: compile every function with the script instead of pre-parsing them and compiling each again on first
 * call. On a page its adapter reads nearly all of the script runs, so the second parse was pure cost: issue 9's
 * bench measured 0.7-3 ms less main-thread work per adapter page, and +0.2 ms on a page no adapter reads.
 * Added to the final code (the minifier drops comments).
 */
function siteScriptCompileHint() {
  return {
    name: 'wheelhouse-site-script-compile-hint',
    // After WXT's own output rewrites (its anonymous-IIFE step expects the code to start with the IIFE).
    enforce: 'post' as const,
    generateBundle(_options: unknown, bundle: Record<string, { type: string; fileName: string; code?: string }>) {
      for (const chunk of Object.values(bundle)) {
        if (chunk.type === 'chunk' && /^site(-[a-z-]+)?\.js$/.test(chunk.fileName)) chunk.code = `//# allFunctionsCalledOnLoad\n${chunk.code}`;
      }
    },
  };
}

export const LOOPBACK_MATCHES = ['http://127.0.0.1/*', 'http://localhost/*'];

/**
 * The background reads a page's own linked data (Find a Tender's OCDS release package, features/linked-data.ts),
 * so it may fetch from the sites whose adapter reads one: hosts the content scripts already run on, nothing more.
 */
const LINKED_DATA_HOSTS = SITE_ADAPTERS.filter((a) => a.linkedData).flatMap((a) => a.hosts.map((h) => `https://${h}/*`));

/**
 * The site content scripts: one per adapter (entrypoints/site-<id>.ts, unlisted scripts listed here), so a page
 * compiles only its own adapter, and none of WXT's content-script wrapper (its ContentScriptContext cost each
 * page ~1 ms of main-thread time and touched chrome.runtime at once). In the TEST build each also runs on the
 * loopback paths standing for its hosts (`http://127.0.0.1/<host>/*`, utils/site-url.ts), and site.js (all
 * adapters + generic) on every other loopback path.
 */
function siteScripts() {
  const loopbackPaths = (hosts: readonly string[]) =>
    testBuild ? hosts.flatMap((h) => LOOPBACK_MATCHES.map((m) => m.replace('/*', `/${h}/*`))) : [];
  const scripts = SITE_ADAPTERS.map((a) => {
    const file = `src/entrypoints/site-${a.id}.ts`;
    if (!existsSync(fileURLToPath(new URL(file, import.meta.url)))) throw new Error(`[wheelhouse] adapter "${a.id}" has no ${file}`);
    return {
      matches: [...a.hosts.map((h) => `https://${h}/*`), ...loopbackPaths(a.hosts)],
      js: [`site-${a.id}.js`],
      run_at: 'document_idle' as const,
    };
  });
  if (!testBuild) return scripts;
  const adapterPaths = loopbackPaths(SITE_ADAPTERS.flatMap((a) => a.hosts));
  return [...scripts, { matches: LOOPBACK_MATCHES, exclude_matches: adapterPaths, js: ['site.js'], run_at: 'document_idle' as const }];
}

export default defineConfig({
  srcDir: 'src',
  imports: false,
  outDirTemplate: `${testBuild ? 'test-' : ''}{{browser}}-mv{{manifestVersion}}{{modeSuffix}}`,
  // The engine is consumed from source (one copy of the code, tree-shaken into the bundles).
  alias: {
    '@wheelhouse/shared/catalogue': `${sharedSrc}catalogue/index.ts`,
    '@wheelhouse/shared/matching': `${sharedSrc}matching/index.ts`,
    '@wheelhouse/shared/config': `${sharedSrc}config/index.ts`,
  },
  vite: () => ({ plugins: [bundledCatalogue(), siteScriptCompileHint()] }),
  manifest: ({ browser }) => ({
    name: testBuild ? 'Wheelhouse (test build)' : 'Wheelhouse',
    description:
      'Shows open-source NHS components that already do the job, on tenders and project pages. Matching runs in your browser.',
    permissions: ['storage', 'activeTab', 'scripting', 'alarms', ...(browser === 'firefox' ? LINKED_DATA_HOSTS : [])],
    ...(browser === 'firefox' ? {} : { host_permissions: LINKED_DATA_HOSTS }),
    // The toolbar button checks other pages on demand through activeTab; no broad host permission.
    ...(browser === 'firefox' ? { optional_permissions: LOOPBACK_MATCHES } : { optional_host_permissions: LOOPBACK_MATCHES }),
    action: { default_title: 'Wheelhouse: check this page' },
    ...(browser === 'firefox'
      ? { browser_specific_settings: { gecko: {
              id: 'wheelhouse@nhs-wheelhouse.example',
              strict_min_version: '140.0',
              // Firefox's built-in data consent: the extension collects nothing.
              data_collection_permissions: { required: ['none'] },
            }, } }
      : {}),
  }),
  hooks: {
    'build:manifestGenerated': (_wxt, manifest) => {
      manifest.content_scripts = [...(manifest.content_scripts ?? []), ...siteScripts()];
      if (!testBuild) return;
      // Lets the e2e suites inject the toolbar's on-demand check into loopback pages, which a real toolbar click
      // would allow through activeTab (headless browsers have no toolbar to click).
      if (manifest.manifest_version === 3) manifest.host_permissions = [...(manifest.host_permissions ?? []), ...LOOPBACK_MATCHES];
      else manifest.permissions = [...(manifest.permissions ?? []), ...LOOPBACK_MATCHES];
    },
  },
});
