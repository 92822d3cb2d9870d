/**
 * Real VS Code (code-server): the extension's in-host mocha suite (extension-vscode/test/suite, the
 * @vscode/test-electron `run()` contract) sees the diagnostics our language server publishes.
 */
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { test } from 'node:test';
import { runInHostSuite } from '../src/code-server.ts';
import { startNetworkGuard } from '../src/network-guard.ts';
import { EXTENSION_VSCODE, requirePath } from '../src/paths.ts';

void test('code-server runs the in-host suite: diagnostics from the wheelhouse language server', async () => {
  const build = 'pnpm --filter wheelhouse-vscode bundle';
  requirePath(join(EXTENSION_VSCODE, 'dist', 'extension.js'), build);
  requirePath(join(EXTENSION_VSCODE, 'dist', 'server.js'), build);
  const suite = requirePath(join(EXTENSION_VSCODE, 'out', 'test', 'suite', 'index.js'), build);
  const guard = await startNetworkGuard();
  try {
    const code = await runInHostSuite({
      guard,
      extensionDevelopmentPath: EXTENSION_VSCODE,
      extensionTestsPath: suite,
      workspace: join(EXTENSION_VSCODE, 'test', 'fixtures', 'workspaces', 'invalid-patient'),
      log: (line) => console.log(`  [extension host] ${line}`),
    });
    assert.equal(code, 0, 'the in-host suite failed: its report is printed above');
    guard.assertNoLeaks();
  } finally {
    await guard.close();
  }
});
