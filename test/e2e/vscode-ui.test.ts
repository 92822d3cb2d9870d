/**
 * What a person sees: the packaged .vsix installed into code-server, the invalid Patient opened with
 * Quick Open, and our diagnostic read from the Problems panel row and the editor's squiggle.
 * The selectors are VS Code's internal DOM: pinned to code-server 4.139.1 (re-check them when bumping it).
 */
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { test } from 'node:test';
import { launchChromium, type ChromiumSession } from '../src/chromium.ts';
import { startCodeServer, type CodeServer } from '../src/code-server.ts';
import { startNetworkGuard } from '../src/network-guard.ts';
import { EXTENSION_VSCODE, requirePath, VSIX } from '../src/paths.ts';

const WAIT = { timeout: 60_000 };

void test('code-server with the installed .vsix shows the unknown-property problem in the Problems panel', async () => {
  const vsix = requirePath(VSIX, 'pnpm --filter wheelhouse-vscode build');
  const workspace = join(EXTENSION_VSCODE, 'test', 'fixtures', 'workspaces', 'invalid-patient');
  const guard = await startNetworkGuard();
  let server: CodeServer | undefined;
  let browser: ChromiumSession | undefined;
  try {
    server = await startCodeServer({ guard, vsix });
    browser = await launchChromium({ guard });
    const page = await browser.context.newPage();
    await page.goto(`${server.origin}/?folder=${encodeURIComponent(await server.workspaceCopy(workspace))}`);
    await page.locator('.monaco-workbench').waitFor(WAIT);

    await page.keyboard.press('Control+P');
    await page.locator('.quick-input-widget input').waitFor(WAIT);
    await page.keyboard.type('patient.json');
    await page.locator('.quick-input-list .monaco-list-row', { hasText: 'patient.json' }).first().waitFor(WAIT);
    await page.keyboard.press('Enter');
    await page.locator('.monaco-editor .view-lines', { hasText: 'resourceType' }).waitFor(WAIT);

    await page.keyboard.press('Control+Shift+M');
    const row = page.locator('.markers-panel .monaco-list-row', { hasText: 'birthdate' }).first();
    await row.waitFor(WAIT);
    const text = await row.innerText();
    console.log(`  Problems row: ${JSON.stringify(text)}`);
    assert.match(text, /Unknown property "birthdate" in Patient/);
    assert.match(text, /wheelhouse/);
    assert.match(text, /unknown-property/);
    assert.match(text, /\[Ln 10, Col 3\]/);
    // Decorations render a moment after the Problems row: wait for the squiggle, don't count it.
    await page.locator('.monaco-editor .squiggly-error').first().waitFor(WAIT);
    guard.assertNoLeaks();
  } finally {
    await browser?.close();
    await server?.stop();
    await guard.close();
  }
});
