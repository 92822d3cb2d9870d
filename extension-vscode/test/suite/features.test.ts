/**
 * The language features in a real VS Code, through the same commands the editor uses: a quick fix applies,
 * hover and completion answer, workspace validation reaches a file never opened, and "Find existing
 * components" ranks the bundled catalogue. Workspace: test/fixtures/workspaces/invalid-patient.
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';

const POLL_MS = 100;
const WAIT_MS = 30_000;

/** Polls `probe` until it returns a value (no fixed sleeps: conditions only). */
async function waitFor<T>(what: string, probe: () => T | undefined | Promise<T | undefined>): Promise<T> {
  const deadline = Date.now() + WAIT_MS;
  for (;;) {
    const value = await probe();
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

function fixture(...path: string[]): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'the fixture workspace is open');
  return vscode.Uri.joinPath(folder.uri, ...path);
}

function positionOf(doc: vscode.TextDocument, needle: string, delta = 1): vscode.Position {
  const at = doc.getText().indexOf(needle);
  assert.ok(at >= 0, `${needle} is in ${doc.uri.path}`);
  return doc.positionAt(at + delta);
}

function hoverText(hovers: readonly vscode.Hover[]): string {
  return hovers
    .flatMap((h) => h.contents)
    .map((c) => (typeof c === 'string' ? c : c.value))
    .join('\n');
}

describe('Wheelhouse language features in VS Code', () => {
  afterEach(async () => {
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });

  it('a quick fix strips the spaces from an NHS number and its diagnostic goes', async () => {
    const uri = fixture('nhs-patient.json');
    const doc = (await vscode.window.showTextDocument(uri)).document;
    const d = await waitFor('an nhs-number-format diagnostic', () => ours(uri, 'nhs-number-format'));
    let seen: string[] = [];
    const actions = await waitFor('the engine quick fix for it', async () => {
      // Resolves up to 10 actions, in case the server fills edits lazily (codeAction/resolve).
      const all = await vscode.commands.executeCommand<(vscode.CodeAction | vscode.Command)[]>(
        'vscode.executeCodeActionProvider',
        uri,
        d.range,
        undefined,
        10,
      );
      seen = all.map((a) => `${a.title}${'edit' in a && a.edit ? ' (edit)' : ''}`);
      const fixes = all.filter(
        (a): a is vscode.CodeAction => 'edit' in a && a.edit !== undefined && /spaces/.test(a.title),
      );
      return fixes.length > 0 ? fixes : undefined;
    }).catch((error: unknown) => {
      throw new Error(
        `${String(error)}; actions offered: ${seen.join(' | ') || 'none'}; diagnostic data: ${JSON.stringify((d as { data?: unknown }).data)}`,
      );
    });
    const fix = actions[0];
    assert.ok(fix?.edit, 'the "remove spaces" fix carries its edit');
    assert.equal(fix.kind?.value, vscode.CodeActionKind.QuickFix.value);
    assert.ok(await vscode.workspace.applyEdit(fix.edit), 'the edit applies');
    assert.match(doc.getText(), /"value": "9434765919"/);
    await waitFor('no nhs-number-format diagnostic', () =>
      ours(uri, 'nhs-number-format') ? undefined : true,
    );
  });

  it('hover on a Patient property shows its path, type, cardinality and definition', async () => {
    const uri = fixture('nhs-patient.json');
    const doc = (await vscode.window.showTextDocument(uri)).document;
    const text = await waitFor('a hover on "birthDate"', async () => {
      const hovers = await vscode.commands.executeCommand<vscode.Hover[]>(
        'vscode.executeHoverProvider',
        uri,
        positionOf(doc, '"birthDate"'),
      );
      const md = hoverText(hovers);
      return md.includes('Patient.birthDate') ? md : undefined;
    });
    assert.match(text, /`date`/);
    assert.match(text, /`0\.\.1`/);
    assert.match(text, /date of birth/i);
  });

  it('completion inside a Patient object lists its properties, not the ones present', async () => {
    const content = '{\n  "resourceType": "Patient",\n  "gender": "female",\n  \n}\n';
    const doc = await vscode.workspace.openTextDocument({ language: 'json', content });
    await vscode.window.showTextDocument(doc);
    const labels = await waitFor('property completions', async () => {
      const list = await vscode.commands.executeCommand<vscode.CompletionList>(
        'vscode.executeCompletionItemProvider',
        doc.uri,
        new vscode.Position(3, 2),
      );
      const names = list.items.map((i) => (typeof i.label === 'string' ? i.label : i.label.label));
      return names.includes('birthDate') ? names : undefined;
    });
    for (const name of ['identifier', 'name', 'deceasedBoolean', 'address'])
      assert.ok(labels.includes(name), `${name} is offered`);
    assert.ok(!labels.includes('gender'), 'a property already present is not offered');
  });

  it('Validate Workspace fills the Problems panel for a file never opened', async () => {
    const uri = fixture('records', 'never-opened.json');
    assert.ok(
      !vscode.workspace.textDocuments.some((d) => d.uri.toString() === uri.toString()),
      'the file is not open',
    );
    await vscode.commands.executeCommand('wheelhouse.validateWorkspace');
    const d = await waitFor('a diagnostic for records/never-opened.json', () =>
      vscode.languages
        .getDiagnostics()
        .find(([u]) => u.toString() === uri.toString())?.[1]
        .find((x) => x.source === 'wheelhouse' && codeOf(x) === 'unknown-property'),
    );
    assert.match(d.message, /deceasedBoolean/);
    assert.ok(
      !vscode.workspace.textDocuments.some((doc) => doc.uri.toString() === uri.toString()),
      'still not opened',
    );
  });

  it('Find existing components ranks the bundled catalogue for a clear need, with reasons', async () => {
    type Suggestion = { id: string; name: string; score: number; reasons: string[] };
    const found = await vscode.commands.executeCommand<Suggestion[]>(
      'wheelhouse.suggestComponents',
      'We need NHS number validation for patient registration.',
    );
    const ids = found.map((s) => s.id);
    assert.ok(
      ids.some((id) => id.startsWith('nhs-number')),
      `an NHS number component among ${ids.join(', ')}`,
    );
    assert.ok(
      ids.includes('nhs-number-validator-js') || ids.includes('nhs-number-python'),
      `a known NHS number validator among ${ids.join(', ')}`,
    );
    assert.ok(
      found.every((s) => s.reasons.length > 0),
      'each suggestion says why',
    );
    const none = await vscode.commands.executeCommand<Suggestion[]>(
      'wheelhouse.suggestComponents',
      'Quarterly catering contract for office sandwiches.',
    );
    assert.deepEqual(none, [], 'an unrelated need gets no suggestion');
  });

  it('registers its commands and contributes the walkthrough', async () => {
    const all = await vscode.commands.getCommands(true);
    for (const id of ['wheelhouse.openRuleDocs', 'wheelhouse.findComponents', 'wheelhouse.publishComponent'])
      assert.ok(all.includes(id), `${id} is registered`);
    const ext = vscode.extensions.all.find(
      (e) => (e.packageJSON as { name?: string } | undefined)?.name === 'wheelhouse-vscode',
    );
    assert.ok(ext, 'the extension is loaded');
    const walkthroughs =
      (ext.packageJSON as { contributes?: { walkthroughs?: { steps: unknown[] }[] } }).contributes
        ?.walkthroughs ?? [];
    assert.equal(walkthroughs[0]?.steps.length, 3);
  });
});
