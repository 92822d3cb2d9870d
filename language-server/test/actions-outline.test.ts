/**
 * Code actions, outline, go to definition, workspace diagnostics and wheelhouse.config.json over real
 * JSON-RPC (issue 7). Files live in a temporary workspace folder.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import {
  CodeActionRequest,
  CompletionRequest,
  DefinitionRequest,
  DocumentDiagnosticRequest,
  DocumentSymbolRequest,
  PublishDiagnosticsNotification,
  WorkspaceDiagnosticRequest,
  type CodeAction,
  type CompletionItem,
  type Diagnostic,
  type DocumentSymbol,
  type FullDocumentDiagnosticReport,
  type PublishDiagnosticsParams,
  type Location,
  type TextDocumentEdit,
  type TextEdit,
  type WorkspaceDiagnosticReport,
  type WorkspaceFullDocumentDiagnosticReport,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { VALIDATE_WORKSPACE, WORKSPACE_VALIDATED, type WorkspaceValidatedParams } from '../src/protocol.js';
import { ensureHoverData, FULL_CAPABILITIES, positionOf, startSession, type Session } from './lsp-client.js';

let session: Session | undefined;
let dir: string;
beforeAll(() => ensureHoverData());
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'wheelhouse-lsp-'));
});
afterEach(() => {
  session?.dispose();
  session = undefined;
  rmSync(dir, { recursive: true, force: true });
});

const PATIENT =
  '{\n  "resourceType": "Patient",\n  "identifier": [{ "system": "https://fhir.nhs.uk/Id/nhs-number", "value": "943 476 5919" }],\n  "birthdate": "1970-01-01"\n}\n';

async function pullDiagnostics(s: Session, uri: string): Promise<Diagnostic[]> {
  const report = (await s.client.sendRequest(DocumentDiagnosticRequest.type, {
    textDocument: { uri },
  })) as FullDocumentDiagnosticReport;
  return report.items;
}

async function actions(s: Session, uri: string, diagnostics: Diagnostic[]): Promise<CodeAction[]> {
  const range = diagnostics[0]!.range;
  return (await s.client.sendRequest(CodeActionRequest.type, {
    textDocument: { uri },
    range,
    context: { diagnostics },
  })) as CodeAction[];
}

function folder(): { uri: string; name: string }[] {
  return [{ uri: pathToFileURL(dir).href, name: 'ws' }];
}

describe('code actions', () => {
  test("the engine's fix, applied verbatim, at the document's version only", async () => {
    session = await startSession(FULL_CAPABILITIES, { folders: folder() });
    const uri = pathToFileURL(join(dir, 'patient.json')).href;
    await session.open(uri, PATIENT);
    const diagnostics = (await pullDiagnostics(session, uri)).filter((d) => d.code === 'nhs-number-format');
    expect(diagnostics).toHaveLength(1);
    const fix = (await actions(session, uri, diagnostics)).find((a) => a.isPreferred)!;
    expect(fix.title).toContain('9434765919');
    const edits = fix.edit!.changes![uri]!;
    const fixed = TextDocument.applyEdits(TextDocument.create(uri, 'json', 1, PATIENT), edits);
    expect(fixed).toContain('"value": "9434765919"');
    // After an edit the old offsets are stale: no fix is offered until the diagnostics are pulled again.
    await session.change(uri, 2, `${PATIENT} `);
    expect((await actions(session, uri, diagnostics)).filter((a) => a.isPreferred)).toEqual([]);
  });

  test('turn a rule off: creates wheelhouse.config.json in the workspace folder, then the rule is silent', async () => {
    session = await startSession(FULL_CAPABILITIES, { folders: folder() });
    const uri = pathToFileURL(join(dir, 'patient.json')).href;
    await session.open(uri, PATIENT);
    const diagnostics = (await pullDiagnostics(session, uri)).filter((d) => d.code === 'unknown-property');
    const off = (await actions(session, uri, diagnostics)).find(
      (a) => a.title === 'Turn off rule "unknown-property" in wheelhouse.config.json',
    )!;
    const configUri = pathToFileURL(join(dir, 'wheelhouse.config.json')).href;
    const [create, edit] = off.edit!.documentChanges! as [{ kind: string; uri: string }, TextDocumentEdit];
    expect(create).toMatchObject({ kind: 'create', uri: configUri });
    const content = (edit.edits[0] as TextEdit).newText;
    expect(JSON.parse(content)).toEqual({ rules: { 'unknown-property': 'off' } });
    // The client applies it; the watched-file notification makes the server re-read the config.
    writeFileSync(join(dir, 'wheelhouse.config.json'), content);
    await session.client.sendNotification('workspace/didChangeWatchedFiles', {
      changes: [{ uri: configUri, type: 1 }],
    });
    expect((await pullDiagnostics(session, uri)).map((d) => d.code)).not.toContain('unknown-property');
  });

  test('turn a rule off: an existing config file keeps its content and gains the rule', async () => {
    const existing =
      '{\n  // our settings\n  "pdsCompatibility": true,\n  "rules": { "nhs-number-test-range": "off" }\n}\n';
    writeFileSync(join(dir, 'wheelhouse.config.json'), existing);
    session = await startSession(FULL_CAPABILITIES, { folders: folder() });
    const uri = pathToFileURL(join(dir, 'patient.json')).href;
    await session.open(uri, PATIENT);
    const diagnostics = (await pullDiagnostics(session, uri)).filter((d) => d.code === 'nhs-number-format');
    const off = (await actions(session, uri, diagnostics)).find((a) =>
      a.title.startsWith('Turn off rule "nhs-number-format"'),
    )!;
    const configUri = pathToFileURL(join(dir, 'wheelhouse.config.json')).href;
    const updated = TextDocument.applyEdits(
      TextDocument.create(configUri, 'jsonc', 1, existing),
      off.edit!.changes![configUri]!,
    );
    expect(updated).toContain('// our settings');
    expect(updated).toMatch(/"nhs-number-test-range": "off",\s*"nhs-number-format": "off"/);
  });
});

describe('outline and go to definition', () => {
  const BUNDLE = JSON.stringify(
    {
      resourceType: 'Bundle',
      type: 'collection',
      entry: [
        {
          fullUrl: 'urn:uuid:6f1d2b3c-0000-4000-8000-000000000001',
          resource: { resourceType: 'Patient', id: 'p1' },
        },
        { fullUrl: 'https://example.org/fhir/Patient/p2', resource: { resourceType: 'Patient', id: 'p2' } },
        {
          resource: {
            resourceType: 'Observation',
            id: 'o1',
            contained: [{ resourceType: 'Device', id: 'd1' }],
            subject: { reference: 'urn:uuid:6f1d2b3c-0000-4000-8000-000000000001' },
            performer: [{ reference: 'Patient/p2' }],
            device: { reference: '#d1' },
          },
        },
      ],
    },
    null,
    2,
  );

  test('Bundle entries by type/id, contained resources nested', async () => {
    session = await startSession();
    await session.open('file:///ws/bundle.json', BUNDLE);
    const symbols = (await session.client.sendRequest(DocumentSymbolRequest.type, {
      textDocument: { uri: 'file:///ws/bundle.json' },
    })) as DocumentSymbol[];
    expect(symbols.map((s) => s.name)).toEqual(['Bundle']);
    expect(symbols[0]!.children!.map((c) => c.name)).toEqual(['Patient/p1', 'Patient/p2', 'Observation/o1']);
    expect(symbols[0]!.children![0]!.detail).toContain('urn:uuid:6f1d2b3c');
    expect(symbols[0]!.children![2]!.children!.map((c) => c.name)).toEqual(['Device/d1']);
  });

  test('references resolve to the entry by fullUrl, by type/id, and to contained resources', async () => {
    session = await startSession();
    const uri = 'file:///ws/bundle.json';
    await session.open(uri, BUNDLE);
    const go = async (needle: string): Promise<number> => {
      const loc = (await session!.client.sendRequest(DefinitionRequest.type, {
        textDocument: { uri },
        position: positionOf(BUNDLE, needle, 2),
      })) as Location;
      return loc.range.start.line;
    };
    const lineOf = (needle: string): number => positionOf(BUNDLE, needle).line;
    expect(await go('"urn:uuid:6f1d2b3c-0000-4000-8000-000000000001"\n')).toBe(lineOf('"resource"'));
    expect(await go('"Patient/p2"')).toBe(positionOf(BUNDLE, '"resource"', 0, 1).line);
    expect(await go('"#d1"')).toBe(positionOf(BUNDLE, '"resourceType": "Device"').line - 1);
  });

  test('meta.profile completes with the workspace profiles', async () => {
    writeFileSync(
      join(dir, 'MyPatient.json'),
      '{ "resourceType": "StructureDefinition", "url": "https://example.org/fhir/StructureDefinition/MyPatient" }',
    );
    writeFileSync(
      join(dir, 'vs.json'),
      '{ "resourceType": "ValueSet", "url": "https://example.org/fhir/ValueSet/not-a-profile" }',
    );
    session = await startSession(FULL_CAPABILITIES, { folders: folder() });
    const text = '{ "resourceType": "Patient", "meta": { "profile": [""] } }';
    await session.open('file:///elsewhere/p.json', text);
    const result = (await session.client.sendRequest(CompletionRequest.type, {
      textDocument: { uri: 'file:///elsewhere/p.json' },
      position: positionOf(text, '[""]', 2),
    })) as CompletionItem[];
    expect(result.map((i) => i.label)).toEqual(['https://example.org/fhir/StructureDefinition/MyPatient']);
  });

  test('a canonical goes to the StructureDefinition in the workspace', async () => {
    const sd =
      '{\n  "resourceType": "StructureDefinition",\n  "url": "https://example.org/fhir/StructureDefinition/MyPatient",\n  "name": "MyPatient"\n}\n';
    writeFileSync(join(dir, 'MyPatient.json'), sd);
    session = await startSession(FULL_CAPABILITIES, { folders: folder() });
    const text =
      '{ "resourceType": "Patient", "meta": { "profile": ["https://example.org/fhir/StructureDefinition/MyPatient"] } }';
    await session.open('file:///elsewhere/p.json', text);
    const loc = (await session.client.sendRequest(DefinitionRequest.type, {
      textDocument: { uri: 'file:///elsewhere/p.json' },
      position: positionOf(text, 'https://example.org', 3),
    })) as Location;
    expect(loc).toEqual({
      uri: pathToFileURL(join(dir, 'MyPatient.json')).href,
      range: { start: { line: 2, character: 2 }, end: { line: 2, character: 7 } },
    });
  });
});

describe('workspace diagnostics', () => {
  test('every FHIR file not open in the editor, with progress; a repeat pull answers unchanged after a change', async () => {
    writeFileSync(join(dir, 'patient.json'), PATIENT);
    writeFileSync(join(dir, 'package.json'), '{ "name": "x" }');
    session = await startSession(FULL_CAPABILITIES, { folders: folder() });
    const progress: unknown[] = [];
    session.client.onNotification('$/progress', (p: { value: unknown }) => {
      progress.push(p.value);
    });
    const validated = new Promise<WorkspaceValidatedParams>((resolve) =>
      session!.client.onNotification(WORKSPACE_VALIDATED, resolve),
    );
    const first: WorkspaceDiagnosticReport = await session.client.sendRequest(
      WorkspaceDiagnosticRequest.type,
      { previousResultIds: [], workDoneToken: 'w1' },
    );
    const patientUri = pathToFileURL(join(dir, 'patient.json')).href;
    const byUri = new Map(first.items.map((r) => [r.uri, r as WorkspaceFullDocumentDiagnosticReport]));
    expect(byUri.get(patientUri)!.items.map((d) => d.code)).toEqual(
      expect.arrayContaining(['unknown-property', 'nhs-number-format']),
    );
    expect(byUri.get(pathToFileURL(join(dir, 'package.json')).href)!.items).toEqual([]);
    expect(progress).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ kind: 'begin' }),
        expect.objectContaining({ kind: 'end' }),
      ]),
    );
    expect(await validated).toMatchObject({ files: 2, errors: expect.any(Number) as number });

    // Nothing changed: the pull is held until a file changes, then answers with just that file.
    const previousResultIds = first.items.map((r) => ({
      uri: r.uri,
      value: (r as WorkspaceFullDocumentDiagnosticReport).resultId!,
    }));
    let answered = false;
    const second = session.client
      .sendRequest(WorkspaceDiagnosticRequest.type, { previousResultIds })
      .then((r) => ((answered = true), r));
    await new Promise((r) => setTimeout(r, 300));
    expect(answered).toBe(false);
    writeFileSync(join(dir, 'patient.json'), PATIENT.replace('"birthdate"', '"birthDate"') + '\n');
    await session.client.sendNotification('workspace/didChangeWatchedFiles', {
      changes: [{ uri: patientUri, type: 2 }],
    });
    const report = await second;
    const full = report.items.filter((r) => r.kind === 'full');
    expect(full.map((r) => r.uri)).toEqual([patientUri]);
    expect((full[0] as WorkspaceFullDocumentDiagnosticReport).items.map((d) => d.code)).not.toContain(
      'unknown-property',
    );
    expect(report.items.find((r) => r.uri.endsWith('package.json'))?.kind).toBe('unchanged');
  });

  test('a file closed in the editor is reported again by the held workspace pull', async () => {
    writeFileSync(join(dir, 'patient.json'), PATIENT);
    session = await startSession(FULL_CAPABILITIES, { folders: folder() });
    const uri = pathToFileURL(join(dir, 'patient.json')).href;
    await session.open(uri, PATIENT);
    const first: WorkspaceDiagnosticReport = await session.client.sendRequest(
      WorkspaceDiagnosticRequest.type,
      { previousResultIds: [] },
    );
    expect(first.items).toEqual([]); // open: its diagnostics come from the document pull
    const held = session.client.sendRequest(WorkspaceDiagnosticRequest.type, {
      previousResultIds: [{ uri, value: 'stale' }],
    });
    await session.client.sendNotification('textDocument/didClose', { textDocument: { uri } });
    const report = await held;
    expect(report.items.map((r) => [r.uri, r.kind])).toEqual([[uri, 'full']]);
  });

  test('push clients: the validate-workspace request publishes each file and answers with figures', async () => {
    writeFileSync(join(dir, 'patient.json'), PATIENT);
    session = await startSession({ workspace: { workspaceFolders: true } }, { folders: folder() });
    const published = new Map<string, Diagnostic[]>();
    session.client.onNotification(PublishDiagnosticsNotification.method, (p: PublishDiagnosticsParams) => {
      published.set(p.uri, p.diagnostics);
    });
    const result = await session.client.sendRequest<WorkspaceValidatedParams>(VALIDATE_WORKSPACE);
    expect(result).toMatchObject({ files: 1, skipped: 0 });
    expect(result.errors).toBeGreaterThan(0);
    await new Promise((r) => setTimeout(r, 50));
    expect(published.get(pathToFileURL(join(dir, 'patient.json')).href)?.map((d) => d.code)).toContain(
      'unknown-property',
    );
  });
});

test('the config file wins over editor settings where both speak', async () => {
  writeFileSync(join(dir, 'wheelhouse.config.json'), '{ "rules": { "unknown-property": "warning" } }');
  session = await startSession(FULL_CAPABILITIES, {
    folders: folder(),
    configuration: { rules: { 'unknown-property': 'information' } },
  });
  const uri = pathToFileURL(join(dir, 'patient.json')).href;
  await session.open(uri, PATIENT);
  expect((await pullDiagnostics(session, uri)).find((d) => d.code === 'unknown-property')?.severity).toBe(2);
  expect(readFileSync(join(dir, 'wheelhouse.config.json'), 'utf8')).toContain('warning');
});
