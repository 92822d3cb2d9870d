/**
 * The extension in a real VS Code: the language server starts, validates the fixture workspace's invalid
 * Patient and the diagnostic reaches the editor through the VS Code API, with our code, source and docs link.
 * Runs in the extension host (see index.ts); the workspace is test/fixtures/workspaces/invalid-patient.
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';

const POLL_MS = 100;
const WAIT_MS = 30_000;

/** Polls `probe` until it returns a value (no fixed sleeps: conditions only). */
async function waitFor<T>(what: string, probe: () => T | undefined): Promise<T> {
  const deadline = Date.now() + WAIT_MS;
  for (;;) {
    const value = probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out after ${WAIT_MS} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
  }
}

function codeOf(d: vscode.Diagnostic): string | undefined {
  if (typeof d.code === 'object') return String(d.code.value);
  return d.code === undefined ? undefined : String(d.code);
}

function ours(uri: vscode.Uri, ruleId: string): vscode.Diagnostic | undefined {
  return vscode.languages.getDiagnostics(uri).find((d) => d.source === 'wheelhouse' && codeOf(d) === ruleId);
}

function patientUri(): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'the fixture workspace is open');
  return vscode.Uri.joinPath(folder.uri, 'patient.json');
}

describe('Wheelhouse diagnostics in VS Code', () => {
  afterEach(async () => {
    await vscode.workspace
      .getConfiguration('wheelhouse')
      .update('rules', undefined, vscode.ConfigurationTarget.Global);
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });

  it('reports the misspelt birthDate as unknown-property, with the docs link and the key range', async () => {
    const uri = patientUri();
    // Opened the way a person does (editor and document together): the client pulls diagnostics for visible documents.
    const doc = (await vscode.window.showTextDocument(uri)).document;
    const d = await waitFor('an unknown-property diagnostic from wheelhouse', () =>
      ours(uri, 'unknown-property'),
    );
    assert.equal(d.severity, vscode.DiagnosticSeverity.Error);
    assert.match(d.message, /birthdate/);
    assert.match(d.message, /birthDate/);
    assert.equal(
      d.range.start.line,
      doc
        .getText()
        .split('\n')
        .findIndex((l) => l.includes('"birthdate"')),
    );
    assert.match(doc.getText(d.range), /birthdate/);
    assert.ok(
      typeof d.code === 'object' && d.code.target.toString().endsWith('/docs/rules/unknown-property.md'),
      `docs link: ${JSON.stringify(d.code)}`,
    );
  });

  it('follows edits: the diagnostic moves with inserted lines and goes when the property is fixed', async () => {
    const uri = patientUri();
    const editor = await vscode.window.showTextDocument(uri);
    const doc = editor.document;
    const before = await waitFor('the first diagnostic', () => ours(uri, 'unknown-property'));
    await editor.edit((b) => b.insert(new vscode.Position(1, 0), '\n\n'));
    await waitFor('the diagnostic two lines lower', () => {
      const d = ours(uri, 'unknown-property');
      return d && d.range.start.line === before.range.start.line + 2 ? d : undefined;
    });
    const at = doc.getText().indexOf('"birthdate"');
    await editor.edit((b) =>
      b.replace(
        new vscode.Range(doc.positionAt(at), doc.positionAt(at + '"birthdate"'.length)),
        '"birthDate"',
      ),
    );
    await waitFor('no unknown-property diagnostic', () => (ours(uri, 'unknown-property') ? undefined : true));
  });

  it('applies wheelhouse.rules from the settings: unknown-property downgraded to a warning', async () => {
    const uri = patientUri();
    await vscode.window.showTextDocument(uri);
    await waitFor('the diagnostic as an error', () => ours(uri, 'unknown-property'));
    await vscode.workspace
      .getConfiguration('wheelhouse')
      .update('rules', { 'unknown-property': 'warning' }, vscode.ConfigurationTarget.Global);
    await waitFor('the diagnostic as a warning', () =>
      ours(uri, 'unknown-property')?.severity === vscode.DiagnosticSeverity.Warning ? true : undefined,
    );
  });

  it('registers its commands', async () => {
    const all = await vscode.commands.getCommands(true);
    for (const id of ['wheelhouse.validateWorkspace', 'wheelhouse.restartServer', 'wheelhouse.showOutput'])
      assert.ok(all.includes(id), `${id} is registered`);
  });
});
