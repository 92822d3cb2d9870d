/**
 * The server's engine matches the CLI's (issue 7): big open documents validate in the worker while hover
 * answers; wheelhouse.config.json engine settings (pdsCompatibility, ...) reach the engine; workspace profiles
 * (an IG source folder's own StructureDefinitions) apply to meta.profile, in-process and in the worker.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, describe, expect, test } from 'vitest';
import type { Diagnostic } from 'vscode-languageserver';
import { WORKER_THRESHOLD_CHARS } from '../src/features/diagnostics.js';
import { ensureHoverData, FULL_CAPABILITIES, positionOf, startSession, type Session } from './lsp-client.js';

const PATIENT = '{ "resourceType": "Patient", "birthdate": "1970-01-01", "gender": "femail" }';
const NHS = 'https://fhir.nhs.uk/Id/nhs-number';
const STATUS = 'https://fhir.hl7.org.uk/StructureDefinition/Extension-UKCore-NHSNumberVerificationStatus';
const RETIRED_SYSTEM = 'https://fhir.hl7.org.uk/CodeSystem/UKCore-NHSNumberVerificationStatus';
const PROFILE = 'https://example.org/fhir/StructureDefinition/TestPatient';

function bigBundle(entries: number): string {
  const entry = Array.from({ length: entries }, (_, i) => ({
    fullUrl: `urn:uuid:00000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
    resource: {
      resourceType: 'Observation',
      id: `o${i}`,
      status: 'final',
      code: { coding: [{ system: 'http://loinc.org', code: '8867-4' }] },
      valueQuantity: { value: i, unit: 'beats/min', system: 'http://unitsofmeasure.org', code: '/min' },
    },
  }));
  return JSON.stringify({ resourceType: 'Bundle', type: 'collection', entry });
}

/** A Patient that claims TestPatient (which requires birthDate) and has none; padded to `size` characters. */
function claimingPatient(size = 0): string {
  const text = JSON.stringify({ resourceType: 'Patient', meta: { profile: [PROFILE] }, gender: 'female' });
  return size > text.length ? text.slice(0, -1) + ' '.repeat(size - text.length) + '}' : text;
}

const dirs: string[] = [];
const sessions: Session[] = [];
afterEach(() => {
  for (const s of sessions.splice(0)) s.dispose();
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

function workspace(files: Record<string, unknown>): string {
  const dir = mkdtempSync(join(tmpdir(), 'wheelhouse-engine-'));
  dirs.push(dir);
  for (const [name, content] of Object.entries(files)) {
    mkdirSync(join(dir, name, '..'), { recursive: true });
    writeFileSync(join(dir, name), typeof content === 'string' ? content : JSON.stringify(content));
  }
  return dir;
}

async function session(
  dir: string | undefined,
  server: { workerFile?: undefined | false } = {},
): Promise<Session> {
  const s = await startSession(FULL_CAPABILITIES, {
    ...(dir ? { folders: [{ uri: pathToFileURL(dir).href, name: 'ws' }] } : {}),
    server,
  });
  sessions.push(s);
  return s;
}

async function pull(s: Session, uri: string): Promise<Diagnostic[]> {
  const report = await s.client.sendRequest<{ items: Diagnostic[] }>('textDocument/diagnostic', {
    textDocument: { uri },
  });
  return report.items;
}

describe('big open documents', () => {
  test('hover answers while a big open Bundle is validated (in the worker)', async () => {
    ensureHoverData();
    const big = bigBundle(5000);
    expect(big.length).toBeGreaterThan(WORKER_THRESHOLD_CHARS);
    const s = await session(undefined, { workerFile: undefined });
    await s.open('file:///elsewhere/p.json', PATIENT);
    await s.open('file:///elsewhere/bundle.json', big);
    // Warm up the engine on the main thread and in the worker, so the race below is about validation only.
    await pull(s, 'file:///elsewhere/p.json');
    const order: string[] = [];
    const diagnostics = pull(s, 'file:///elsewhere/bundle.json').then((items) => {
      order.push('diagnostics');
      return items;
    });
    await new Promise((r) => setTimeout(r, 200));
    const hover = s.client
      .sendRequest('textDocument/hover', {
        textDocument: { uri: 'file:///elsewhere/p.json' },
        position: { line: 0, character: 60 },
      })
      .then((h) => {
        order.push('hover');
        return h;
      });
    const [items, answer] = await Promise.all([diagnostics, hover]);
    expect(answer).not.toBeNull();
    expect(order).toEqual(['hover', 'diagnostics']);
    // The worker's diagnostics are those of the document (UCUM '/min' is fine: nothing per entry).
    expect(items.filter((d) => d.severity === 1)).toEqual([]);
  }, 120_000);
});

describe('wheelhouse.config.json engine settings', () => {
  const patient = JSON.stringify({
    resourceType: 'Patient',
    identifier: [
      {
        system: NHS,
        value: '9434765919',
        extension: [
          { url: STATUS, valueCodeableConcept: { coding: [{ system: RETIRED_SYSTEM, code: '01' }] } },
        ],
      },
    ],
  });
  const severityOf = (items: Diagnostic[]): number | undefined =>
    items.find((d) => d.code === 'nhs-number-verification-status-code')?.severity;

  test('pdsCompatibility lowers a retired verification-status system to a warning; a config change re-validates', async () => {
    const dir = workspace({ 'wheelhouse.config.json': { pdsCompatibility: true } });
    const uri = pathToFileURL(join(dir, 'patient.json')).href;
    const s = await session(dir);
    await s.open(uri, patient);
    expect(severityOf(await pull(s, uri))).toBe(2);
    writeFileSync(join(dir, 'wheelhouse.config.json'), JSON.stringify({ pdsCompatibility: false }));
    await s.client.sendNotification('workspace/didChangeWatchedFiles', {
      changes: [{ uri: pathToFileURL(join(dir, 'wheelhouse.config.json')).href, type: 2 }],
    });
    expect(severityOf(await pull(s, uri))).toBe(1);
  }, 60_000);

  test('without a config file the retired system is an error', async () => {
    const dir = workspace({});
    const uri = pathToFileURL(join(dir, 'patient.json')).href;
    const s = await session(dir);
    await s.open(uri, patient);
    expect(severityOf(await pull(s, uri))).toBe(1);
  }, 60_000);
});

/** A workspace profile that makes Patient.birthDate required (profile-cardinality when it is missing). */
const TEST_PATIENT_PROFILE = {
  resourceType: 'StructureDefinition',
  id: 'test-patient',
  url: PROFILE,
  name: 'TestPatient',
  status: 'active',
  fhirVersion: '4.0.1',
  kind: 'resource',
  abstract: false,
  type: 'Patient',
  baseDefinition: 'http://hl7.org/fhir/StructureDefinition/Patient',
  derivation: 'constraint',
  differential: { element: [{ id: 'Patient.birthDate', path: 'Patient.birthDate', min: 1 }] },
};

describe('workspace profiles', () => {
  const profile = TEST_PATIENT_PROFILE;
  const cardinality = (items: Diagnostic[]): Diagnostic[] =>
    items.filter((d) => d.code === 'profile-cardinality');

  test('meta.profile claims a StructureDefinition of the workspace folder (in-process and in the worker)', async () => {
    const dir = workspace({ 'input/profiles/test-patient.json': profile });
    const s = await session(dir, { workerFile: undefined });
    const small = pathToFileURL(join(dir, 'small.json')).href;
    const big = pathToFileURL(join(dir, 'big.json')).href;
    await s.open(small, claimingPatient());
    await s.open(big, claimingPatient(WORKER_THRESHOLD_CHARS + 10));
    expect(cardinality(await pull(s, small))).toHaveLength(1);
    expect(cardinality(await pull(s, big))).toHaveLength(1);
  }, 120_000);

  test('with the worker the folder profiles load there only: the main thread never stops for them', async () => {
    const dir = workspace({ 'input/profiles/test-patient.json': profile });
    const s = await session(dir, { workerFile: undefined });
    const logged: string[] = [];
    s.client.onNotification('window/logMessage', (p: { message: string }) => {
      logged.push(p.message);
    });
    const uri = pathToFileURL(join(dir, 'small.json')).href;
    await s.open(uri, claimingPatient());
    expect(cardinality(await pull(s, uri))).toHaveLength(1);
    // Hover and completion still work from the core loaded on the main thread.
    const hover = await s.client.sendRequest<{ contents: { value: string } } | null>('textDocument/hover', {
      textDocument: { uri },
      position: positionOf(claimingPatient(), '"gender"', 2),
    });
    expect(hover?.contents.value).toMatch(/gender/i);
    expect(logged.filter((m) => m.startsWith('conformance for'))).toEqual([]);
  }, 120_000);

  test('outside the folder the profile is unknown: no cardinality issue', async () => {
    const dir = workspace({ 'input/profiles/test-patient.json': profile });
    const s = await session(dir);
    await s.open('file:///elsewhere/p.json', claimingPatient());
    expect(cardinality(await pull(s, 'file:///elsewhere/p.json'))).toEqual([]);
  }, 60_000);

  // How the editor learns that the profile changed: saved in the editor, or changed on disk outside it (watched files).
  const announce = {
    'a saved change to the profile': async (s: Session, profileUri: string, text: string) => {
      await s.open(profileUri, text);
      await s.client.sendNotification('textDocument/didSave', { textDocument: { uri: profileUri } });
    },
    'a profile changed on disk outside the editor (watched files)': async (
      s: Session,
      profileUri: string,
    ) => {
      await s.client.sendNotification('workspace/didChangeWatchedFiles', {
        changes: [{ uri: profileUri, type: 2 }],
      });
    },
  };
  test.each(
    Object.keys(announce).flatMap((how) =>
      (['in-process', 'in the worker'] as const).map(
        (where) => [how as keyof typeof announce, where] as const,
      ),
    ),
  )(
    '%s rebuilds the folder profiles (%s)',
    async (how, where) => {
      const dir = workspace({ 'input/profiles/test-patient.json': profile });
      const s = await session(dir, { workerFile: where === 'in-process' ? false : undefined });
      const uri = pathToFileURL(join(dir, 'p.json')).href;
      await s.open(uri, claimingPatient());
      expect(cardinality(await pull(s, uri))).toHaveLength(1);
      const relaxed = JSON.stringify({
        ...profile,
        differential: { element: [{ id: 'Patient.gender', path: 'Patient.gender', min: 1 }] },
      });
      writeFileSync(join(dir, 'input/profiles/test-patient.json'), relaxed);
      await announce[how](s, pathToFileURL(join(dir, 'input/profiles/test-patient.json')).href, relaxed);
      expect(cardinality(await pull(s, uri))).toEqual([]);
    },
    60_000,
  );

  test('workspace diagnostics of files never opened use the folder profiles too', async () => {
    const dir = workspace({ 'input/profiles/test-patient.json': profile, 'closed.json': claimingPatient() });
    const s = await session(dir, { workerFile: false });
    const report = await s.client.sendRequest<{
      items: { uri: string; kind: string; items?: Diagnostic[] }[];
    }>('workspace/diagnostic', { previousResultIds: [] });
    const closed = report.items.find((i) => i.uri === pathToFileURL(join(dir, 'closed.json')).href);
    expect(closed?.kind).toBe('full');
    expect(cardinality(closed?.items ?? [])).toHaveLength(1);
  }, 120_000);

  test.each([
    ['in-process', false],
    ['in the worker', undefined],
  ] as const)(
    'a missing package dependency is told once, not per document (%s)',
    async (_, workerFile) => {
      const dir = workspace({
        'wheelhouse.config.json': { packages: { 'example.missing.package': '9.9.9' } },
        'input/profiles/test-patient.json': profile,
      });
      const s = await session(dir, { workerFile });
      const told: string[] = [];
      s.client.onNotification('window/showMessage', (p: { message: string }) => {
        told.push(p.message);
      });
      s.client.onRequest('window/showMessageRequest', (p: { message: string }) => {
        told.push(p.message);
        return null;
      });
      for (const name of ['a.json', 'b.json', 'c.json']) {
        const uri = pathToFileURL(join(dir, name)).href;
        await s.open(uri, claimingPatient());
        await pull(s, uri);
      }
      // The profile still applies: the missing package costs nothing else.
      expect(cardinality(await pull(s, pathToFileURL(join(dir, 'a.json')).href))).toHaveLength(1);
      expect(told.filter((m) => m.includes('example.missing.package'))).toHaveLength(1);
    },
    60_000,
  );
});

describe('wheelhouse.fhirCache', () => {
  const profile = TEST_PATIENT_PROFILE;

  test.each([
    ['a small document, in-process', { workerFile: false }, 0],
    ['a big document, in the worker', { workerFile: undefined }, WORKER_THRESHOLD_CHARS + 10],
  ] as const)(
    'packages of the config file are read from the folder the setting names (%s)',
    async (_mode, server, size) => {
      // A package cache of its own (not ~/.fhir/packages) holding the config file's package.
      const cache = workspace({
        'example.test.profiles#1.0.0/package/package.json': {
          name: 'example.test.profiles',
          version: '1.0.0',
          fhirVersions: ['4.0.1'],
        },
        'example.test.profiles#1.0.0/package/StructureDefinition-TestPatient.json': profile,
      });
      const dir = workspace({ 'wheelhouse.config.json': { packages: { 'example.test.profiles': '1.0.0' } } });
      const uri = pathToFileURL(join(dir, 'p.json')).href;
      const s = await startSession(FULL_CAPABILITIES, {
        folders: [{ uri: pathToFileURL(dir).href, name: 'ws' }],
        configuration: { fhirCache: cache },
        server,
      });
      sessions.push(s);
      await s.open(uri, claimingPatient(size));
      expect((await pull(s, uri)).filter((d) => d.code === 'profile-cardinality')).toHaveLength(1);
    },
    60_000,
  );
});

describe('push diagnostics of big documents', () => {
  test('the latest version of a big document is validated in the worker and published last, once', async () => {
    const s = await startSession(
      { workspace: { configuration: true } },
      { server: { workerFile: undefined } },
    );
    sessions.push(s);
    const published: { version: number | undefined; errors: number }[] = [];
    let resolveLast: () => void = () => undefined;
    const last = new Promise<void>((resolve) => (resolveLast = resolve));
    s.client.onNotification(
      'textDocument/publishDiagnostics',
      (p: { version?: number; diagnostics: Diagnostic[] }) => {
        published.push({ version: p.version, errors: p.diagnostics.filter((d) => d.severity === 1).length });
        if (p.version === 3) resolveLast();
      },
    );
    const big = bigBundle(5000);
    const uri = 'file:///elsewhere/bundle.json';
    await s.open(uri, big);
    await s.change(uri, 2, big.replace('"status":"final"', '"status":"finale"'));
    await s.change(uri, 3, big.replace('"status":"final"', '"status":"bogus"'));
    await last;
    // Version 3 has one bad status code; older versions (cancelled when still running) never publish after it.
    expect(published.at(-1)).toEqual({ version: 3, errors: 1 });
    expect(published.filter((p) => p.version === 3)).toHaveLength(1);
  }, 120_000);
});
