import { defineConfig } from 'vitest/config';
import { fileURLToPath } from 'node:url';

const sharedSrc = fileURLToPath(new URL('./shared/src/', import.meta.url));

// Unit and integration projects. Real-client suites (code-server, Chromium, Firefox) run from
// `pnpm test:e2e`, not here.
export default defineConfig({
  resolve: {
    alias: [
      { find: /^@wheelhouse\/shared\/node$/, replacement: `${sharedSrc}node/index.ts` },
      // Subpaths, nested ones too (@wheelhouse/shared/node/engine), map to their src/<path>/index.ts.
      { find: /^@wheelhouse\/shared\/([a-z-]+(?:\/[a-z-]+)*)$/, replacement: `${sharedSrc}$1/index.ts` },
      { find: /^@wheelhouse\/shared$/, replacement: `${sharedSrc}index.ts` },
    ],
  },
  test: {
    projects: [
      {
        extends: true,
        test: { name: 'shared', include: ['shared/**/*.test.ts'], exclude: ['**/node_modules/**', '**/dist/**'] },
      },
      {
        extends: true,
        test: {
          name: 'language-server',
          include: ['language-server/**/*.test.ts'],
          exclude: ['**/node_modules/**', '**/dist/**'],
        },
      },
      'extension-browser/vitest.config.ts',
    ],
  },
});
