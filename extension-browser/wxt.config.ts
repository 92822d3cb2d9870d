import { defineConfig } from 'wxt';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

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

function readCatalogueSource(): string {
  if (existsSync(CATALOGUE_DIST)) return readFileSync(CATALOGUE_DIST, 'utf8');
  const files = existsSync(CATALOGUE_COMPONENTS)
    ? readdirSync(CATALOGUE_COMPONENTS).filter((f) => f.endsWith('.yaml')).sort()
    : [];
  if (files.length === 0) {
    throw new Error(`[wheelhouse] no catalogue: neither ${CATALOGUE_DIST} nor ${CATALOGUE_COMPONENTS}*.yaml exists`);
  }
  // `yaml` is the shared package's dependency; resolve it from there.
  const yaml = createRequire(fileURLToPath(new URL('../shared/package.json', import.meta.url)))('yaml') as {
    parse: (text: string) => unknown;
  };
  const components = files.map((f) => yaml.parse(readFileSync(`${CATALOGUE_COMPONENTS}${f}`, 'utf8')));
  return JSON.stringify({ version: `manifests-${files.length}`, components });
}

function bundledCatalogue() {
  return {
    name: 'wheelhouse-bundled-catalogue',
    resolveId: (id: string) => (id === BUNDLED_ID ? `\0${BUNDLED_ID}` : undefined),
    load(id: string) {
      if (id !== `\0${BUNDLED_ID}`) return undefined;
      return `export default ${readCatalogueSource()};`;
    },
  };
}

export const LOOPBACK_MATCHES = ['http://127.0.0.1/*', 'http://localhost/*'];

export default defineConfig({
  srcDir: 'src',
  imports: false,
  outDirTemplate: `${testBuild ? 'test-' : ''}{{browser}}-mv{{manifestVersion}}{{modeSuffix}}`,
  // The engine is consumed from source (one copy of the code, tree-shaken into the bundles).
  alias: {
    '@wheelhouse/shared/catalogue': `${sharedSrc}catalogue/index.ts`,
    '@wheelhouse/shared/matching': `${sharedSrc}matching/index.ts`,
  },
  vite: () => ({ plugins: [bundledCatalogue()] }),
  manifest: ({ browser }) => ({
    name: testBuild ? 'Wheelhouse (test build)' : 'Wheelhouse',
    description:
      'Shows open-source NHS components that already do the job, on tenders and project pages. Matching runs in your browser.',
    permissions: ['storage', 'activeTab', 'scripting', 'alarms'],
    // The toolbar button checks other pages on demand through activeTab; no broad host permission.
    ...(browser === 'firefox' ? { optional_permissions: LOOPBACK_MATCHES } : { optional_host_permissions: LOOPBACK_MATCHES }),
    action: { default_title: 'Wheelhouse: check this page' },
    ...(browser === 'firefox'
      ? { browser_specific_settings: { gecko: {
              id: 'wheelhouse@nhs-wheelhouse.example',
              strict_min_version: '128.0',
              // Firefox's built-in data consent: the extension collects nothing.
              data_collection_permissions: { required: ['none'] },
            }, } }
      : {}),
  }),
  hooks: {
    'build:manifestGenerated': (_wxt, manifest) => {
      if (!testBuild) return;
      for (const script of manifest.content_scripts ?? []) {
        script.matches = [...new Set([...(script.matches ?? []), ...LOOPBACK_MATCHES])];
      }
    },
  },
});
