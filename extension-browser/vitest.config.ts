import { defineProject } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('.', import.meta.url));

// Unit tests beside the code: WXT's plugin (fake browser, #imports, aliases from wxt.config.ts) + jsdom.
// The e2e suites (test/e2e) drive real browsers and run from `pnpm --filter @wheelhouse/extension-browser test:e2e`.
export default defineProject({
  root,
  plugins: [WxtVitest({ root })],
  test: {
    name: 'extension-browser',
    environment: 'jsdom',
    include: ['src/**/*.test.ts'],
    env: { WHEELHOUSE_EXTENSION_ROOT: root },
  },
});
