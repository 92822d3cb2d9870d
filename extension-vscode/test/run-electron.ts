/**
 * The same in-host suite under @vscode/test-electron, for machines that can download VS Code
 * (build first: `pnpm --filter wheelhouse-vscode bundle`, then `node out/test/run-electron.js` in extension-vscode/).
 * On machines without that download, test/src/code-server.ts runs the suite in code-server instead.
 */
import { resolve } from 'node:path';
import { runTests } from '@vscode/test-electron';

async function main(): Promise<void> {
  const extensionDevelopmentPath = resolve(__dirname, '..', '..');
  try {
    await runTests({
      extensionDevelopmentPath,
      extensionTestsPath: resolve(__dirname, 'suite', 'index.js'),
      launchArgs: [
        resolve(extensionDevelopmentPath, 'test', 'fixtures', 'workspaces', 'invalid-patient'),
        '--disable-extensions',
      ],
    });
  } catch (error) {
    console.error('The VS Code tests failed:', error);
    process.exit(1);
  }
}

void main();
