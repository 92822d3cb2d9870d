/**
 * The validation worker (issue 7): same issues as in-process, cancellation of queued and running jobs, and
 * the main loop stays free while a big Bundle is validated.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, describe, expect, test } from 'vitest';
import { CancellationTokenSource } from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { createValidator, ValidationCancelledError } from '@wheelhouse/shared/validation';
import { loadR4Definitions, loadR4Terminology, nodeFhirPathProvider } from '@wheelhouse/shared/node';
import { positionsFrom, toRange } from '../src/convert.js';
import { WORKER_THRESHOLD_CHARS } from '../src/features/diagnostics.js';
import {
  createValidationPool,
  WorkerFileReadError,
  WorkerUnavailableError,
  type ValidationPool,
} from '../src/worker/pool.js';
import { ensureHoverData, FULL_CAPABILITIES, startSession } from './lsp-client.js';

const PATIENT = '{ "resourceType": "Patient", "birthdate": "1970-01-01", "gender": "femail" }';

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

let pool: ValidationPool | undefined;
afterEach(async () => {
  await pool?.dispose();
  pool = undefined;
});

describe('validation worker', () => {
  test('gives the same issues as validating in-process', async () => {
    pool = createValidationPool();
    const inProcess = createValidator({
      definitions: loadR4Definitions(),
      terminology: loadR4Terminology(),
      fhirpath: nodeFhirPathProvider,
    }).validate(PATIENT, { fileName: 'p.json' });
    const viaWorker = await pool.validate(PATIENT, { fileName: 'p.json' });
    expect(viaWorker.issues.map((i) => [i.ruleId, i.offset])).toEqual(
      inProcess.issues.map((i) => [i.ruleId, i.offset]),
    );
    expect(viaWorker.issues.map((i) => i.ruleId)).toEqual(
      expect.arrayContaining(['unknown-property', 'binding-required']),
    );
  }, 60_000);

  test('reads a file itself and sends the positions of its issues, as the document gives them', async () => {
    pool = createValidationPool();
    const dir = mkdtempSync(join(tmpdir(), 'wheelhouse-worker-'));
    try {
      // Lines of every ending LSP knows (\n, \r\n, \r) and a character outside the BMP before an issue.
      const text =
        '{\r\n  "resourceType": "Patient",\r  "id": "\u{1F600}x",\n  "birthdate": "1970-01-01",\n  "gender": "femail"\n}\n';
      const path = join(dir, 'p.json');
      writeFileSync(path, text);
      const result = await pool.validate({ path }, { fileName: 'p.json' });
      expect(result.issues.length).toBeGreaterThanOrEqual(2);
      const doc = TextDocument.create('file:///p.json', 'json', 0, text);
      const positions = positionsFrom(result.issues, result.positions);
      for (const issue of result.issues)
        expect(toRange(positions, issue.offset, issue.length)).toEqual(
          toRange(doc, issue.offset, issue.length),
        );
      await expect(pool.validate({ path: join(dir, 'gone.json') }, {})).rejects.toBeInstanceOf(
        WorkerFileReadError,
      );
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);

  test('cancelling: a queued job never runs, a running one stops', async () => {
    pool = createValidationPool();
    await pool.validate(PATIENT, {}); // worker up and warm
    const big = bigBundle(5000);
    const running = new CancellationTokenSource();
    const queued = new CancellationTokenSource();
    const first = pool.validate(big, {}, running.token);
    const second = pool.validate(big, {}, queued.token);
    queued.cancel();
    await expect(second).rejects.toBeInstanceOf(ValidationCancelledError);
    setTimeout(() => running.cancel(), 20);
    await expect(first).rejects.toBeInstanceOf(ValidationCancelledError);
    expect(pool.pending).toBe(0);
    // The worker is still usable after a cancellation.
    expect((await pool.validate(PATIENT, {})).issues.length).toBeGreaterThan(0);
  }, 60_000);

  test('the main loop keeps answering while a big Bundle is validated', async () => {
    pool = createValidationPool();
    await pool.validate(PATIENT, {});
    const job = pool.validate(bigBundle(5000), {});
    let ticks = 0;
    const timer = setInterval(() => ticks++, 5);
    const result = await job;
    clearInterval(timer);
    expect(result.isFhir).toBe(true);
    expect(ticks).toBeGreaterThan(2);
  }, 60_000);

  test('warm: the worker starts and loads without a job, once; jobs queued meanwhile are answered', async () => {
    pool = createValidationPool();
    pool.warm();
    pool.warm();
    expect(pool.pending).toBe(1);
    const result = await pool.validate(PATIENT, { fileName: 'p.json' });
    expect(result.issues.map((i) => i.ruleId)).toEqual(
      expect.arrayContaining(['unknown-property', 'binding-required']),
    );
    pool.warm(); // already up: nothing queued
    expect(pool.pending).toBe(0);
  }, 60_000);

  test('a document job goes before a running background job, which is then run again in full', async () => {
    pool = createValidationPool();
    await pool.validate(PATIENT, {});
    const big = bigBundle(5000);
    const alone = await pool.background.validate(big, {});
    const order: string[] = [];
    const background = pool.background.validate(big, {}).then((r) => (order.push('background'), r));
    const document = pool.validate(PATIENT, {}).then((r) => (order.push('document'), r));
    const [b, d] = await Promise.all([background, document]);
    expect(order).toEqual(['document', 'background']);
    expect(b.issues).toEqual(alone.issues);
    expect(d.issues.length).toBeGreaterThan(0);
    expect(pool.pending).toBe(0);
  }, 60_000);

  test('cancelling a background job that a document job set aside rejects it', async () => {
    pool = createValidationPool();
    await pool.validate(PATIENT, {});
    const source = new CancellationTokenSource();
    const background = pool.background.validate(bigBundle(5000), {}, source.token);
    const document = pool.validate(PATIENT, {});
    source.cancel();
    await expect(background).rejects.toBeInstanceOf(ValidationCancelledError);
    expect((await document).issues.length).toBeGreaterThan(0);
    expect(pool.pending).toBe(0);
  }, 60_000);

  test('a worker script that cannot start fails the job with WorkerUnavailableError', async () => {
    pool = createValidationPool({ workerFile: new URL('./no-such-worker.js', import.meta.url) });
    await expect(pool.validate(PATIENT, {})).rejects.toBeInstanceOf(WorkerUnavailableError);
  });
});

describe('server with the worker', () => {
  test('a big open document: hover answers before its diagnostics, which are those of in-process validation', async () => {
    ensureHoverData();
    // Every 10th entry's status is not a code of its required value set: 900 issues, converted in several slices.
    let n = 0;
    const big = bigBundle(9000).replaceAll('"status":"final"', (m) => (n++ % 10 === 0 ? '"status":"finale"' : m));
    expect(big.length).toBeGreaterThan(WORKER_THRESHOLD_CHARS);
    const session = await startSession(FULL_CAPABILITIES, { server: { workerFile: undefined } });
    try {
      await session.open('file:///elsewhere/p.json', PATIENT);
      await session.open('file:///elsewhere/big.json', big);
      const order: string[] = [];
      const diagnostics = session.client
        .sendRequest('textDocument/diagnostic', { textDocument: { uri: 'file:///elsewhere/big.json' } })
        .then((r) => (order.push('diagnostics'), r as { items: { code: string; range: unknown }[] }));
      const hover = session.client
        .sendRequest('textDocument/hover', {
          textDocument: { uri: 'file:///elsewhere/p.json' },
          position: { line: 0, character: 60 },
        })
        .then(() => order.push('hover'));
      const [report] = await Promise.all([diagnostics, hover]);
      expect(order).toEqual(['hover', 'diagnostics']);
      const doc = TextDocument.create('file:///elsewhere/big.json', 'json', 1, big);
      const inProcess = createValidator({
        definitions: loadR4Definitions(),
        terminology: loadR4Terminology(),
        fhirpath: nodeFhirPathProvider,
      }).validate(big, { fileName: 'file:///elsewhere/big.json' });
      expect(report.items.length).toBeGreaterThanOrEqual(900);
      expect(report.items.map((d) => [d.code, d.range])).toEqual(
        inProcess.issues.map((i) => [i.ruleId, toRange(doc, i.offset, i.length)]),
      );
    } finally {
      session.dispose();
    }
  }, 60_000);

  test('hover answers while workspace validation of a big Bundle is running', async () => {
    ensureHoverData();
    const dir = mkdtempSync(join(tmpdir(), 'wheelhouse-worker-'));
    writeFileSync(join(dir, 'bundle.json'), bigBundle(5000));
    // The default worker script (src/worker/validation-worker.ts under the tests).
    const session = await startSession(FULL_CAPABILITIES, {
      folders: [{ uri: pathToFileURL(dir).href, name: 'ws' }],
      server: { workerFile: undefined },
    });
    try {
      await session.open('file:///elsewhere/p.json', PATIENT);
      const order: string[] = [];
      const workspace = session.client
        .sendRequest('workspace/diagnostic', { previousResultIds: [] })
        .then(() => order.push('workspace'));
      // Give the server time to hand the Bundle to the worker, then hover.
      await new Promise((r) => setTimeout(r, 200));
      const hover = session.client
        .sendRequest('textDocument/hover', {
          textDocument: { uri: 'file:///elsewhere/p.json' },
          position: { line: 0, character: 60 },
        })
        .then(() => order.push('hover'));
      await Promise.all([workspace, hover]);
      expect(order).toEqual(['hover', 'workspace']);
    } finally {
      session.dispose();
      rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);
});
