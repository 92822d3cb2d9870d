/**
 * The in-host test entry, in @vscode/test-electron's contract: VS Code (desktop under test-electron, or
 * code-server under test/src/code-server.ts) loads this file in the extension host and awaits `run()`.
 * Prints mocha's report and a plain "N passed, N failed" line; rejects when a test failed or none ran.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import Mocha from 'mocha';

export function run(): Promise<void> {
  const mocha = new Mocha({ ui: 'bdd', timeout: 60_000, color: false });
  const specs = readdirSync(__dirname).filter((f) => f.endsWith('.test.js'));
  for (const spec of specs) mocha.addFile(join(__dirname, spec));
  return new Promise((resolve, reject) => {
    if (specs.length === 0) {
      reject(new Error(`no *.test.js files in ${__dirname}: was the suite built (node esbuild.mjs)?`));
      return;
    }
    const runner = mocha.run((failures) => {
      const passes = runner.stats?.passes ?? 0;
      console.log(`${passes} passed, ${failures} failed`);
      if (failures > 0) reject(new Error(`${failures} test(s) failed`));
      else if (passes === 0) reject(new Error('no test ran'));
      else resolve();
    });
  });
}
