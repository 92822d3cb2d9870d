/**
 * The bins (issues 3, 7): which build they load (bin/entry.js), and that what users run, the esbuild bundle
 * (dist/bundle/, see esbuild.mjs), finds every asset and gives the same answers as tsc's dist/.
 */
import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterAll, describe, expect, test } from 'vitest';
import {
  createProtocolConnection,
  HoverRequest,
  InitializeRequest,
  PublishDiagnosticsNotification,
  StreamMessageReader,
  StreamMessageWriter,
  type Diagnostic,
  type Hover,
  type LogMessageParams,
  type MarkupContent,
  type PublishDiagnosticsParams,
} from 'vscode-languageserver/node';
import { pickEntry } from '../bin/entry.js';
import { VALIDATE_WORKSPACE, type ValidateWorkspaceResult } from '../src/protocol.js';

const repo = fileURLToPath(new URL('../../', import.meta.url));
const cliBin = join(repo, 'language-server', 'bin', 'wheelhouse.js');
const serverBin = join(repo, 'language-server', 'bin', 'wheelhouse-language-server.js');
const tmp = mkdtempSync(join(tmpdir(), 'wh-bins-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('pickEntry', () => {
  // A language-server folder with its tsc output, a bundle and shared's build info beside it.
  const root = join(tmp, 'layout', 'language-server');
  const files = {
    dist: join(root, 'dist', 'cli.js'),
    bundle: join(root, 'dist', 'bundle', 'cli.js'),
    info: join(root, 'tsconfig.tsbuildinfo'),
    core: join(root, '..', 'shared', 'dist', '.tsbuildinfo-core'),
    node: join(root, '..', 'shared', 'dist', '.tsbuildinfo-node'),
  };
  const rootUrl = pathToFileURL(`${root}/`);
  const at = (file: string, seconds: number): void => utimesSync(file, seconds, seconds);
  const pick = (env: Record<string, string> = {}): string => {
    const e = pickEntry('cli', rootUrl, env);
    expect(fileURLToPath(e.url)).toBe(e.bundle ? files.bundle : files.dist);
    return e.bundle ? 'bundle' : 'dist';
  };
  const layout = (withBundle: boolean): void => {
    rmSync(join(tmp, 'layout'), { recursive: true, force: true });
    for (const [key, file] of Object.entries(files)) {
      if (key === 'bundle' && !withBundle) continue;
      mkdirSync(join(file, '..'), { recursive: true });
      writeFileSync(file, '');
      at(file, 1_000);
    }
  };

  test('no bundle: dist', () => {
    layout(false);
    expect(pick()).toBe('dist');
  });

  test('a bundle as new as every tsc project: the bundle; WHEELHOUSE_BUNDLE=0: dist', () => {
    layout(true);
    expect(pick()).toBe('bundle');
    at(files.bundle, 2_000);
    expect(pick()).toBe('bundle');
    expect(pick({ WHEELHOUSE_BUNDLE: '0' })).toBe('dist');
  });

  test('a tsc build info missing: dist', () => {
    layout(true);
    rmSync(files.core);
    expect(pick()).toBe('dist');
  });

  test.each(['info', 'core', 'node'] as const)(
    'tsc -b after the bundle (%s build info newer): dist',
    (key) => {
      layout(true);
      at(files[key], 1_001);
      expect(pick()).toBe('dist');
    },
  );
});

// The rest spawns the bins as users run them; it needs `pnpm build` (tsc, then the bundle).
const bundled = pickEntry('cli').bundle && pickEntry('server').bundle;
if (!bundled)
  process.stderr.write(
    'Skipping the bundle spawns: language-server/dist/bundle is missing or older than tsc output (run `pnpm build`).\n',
  );

describe.skipIf(!bundled)('the bundled bins', () => {
  test('the CLI: same output from the bundle as from dist/ (definitions, terminology, fhirpath.js, shipped catalogue)', () => {
    // A FHIRPath expression in a ValueSet filter: only fhirpath.js (required on demand) can compile it.
    const valueSet = join(tmp, 'valueset.json');
    writeFileSync(
      valueSet,
      JSON.stringify({
        resourceType: 'ValueSet',
        status: 'draft',
        compose: {
          include: [
            {
              system: 'http://snomed.info/sct',
              filter: [
                {
                  property: 'concept',
                  op: 'is-a',
                  _value: {
                    extension: [
                      {
                        url: 'http://hl7.org/fhir/StructureDefinition/cqf-expression',
                        valueExpression: { language: 'text/fhirpath', expression: "'1234' + " },
                      },
                    ],
                  },
                },
              ],
            },
          ],
        },
      }),
    );
    const runs = [
      // Outside the repository: no wheelhouse.config.json, and `match` falls back to the shipped catalogue.
      { args: ['validate', join(repo, 'examples'), valueSet, '--format', 'json'], cwd: tmp },
      { args: ['match', '--text', 'electronic prescription service', '--format', 'json'], cwd: tmp },
      { args: ['identifier', 'ods-code', 'B82005', '--format', 'json'], cwd: repo },
    ];
    for (const { args, cwd } of runs) {
      const run = (env: Record<string, string>) =>
        spawnSync(process.execPath, [cliBin, ...args], {
          cwd,
          env: { ...process.env, ...env },
          encoding: 'utf8',
          timeout: 60_000,
        });
      const fromBundle = run({});
      const fromDist = run({ WHEELHOUSE_BUNDLE: '0' });
      expect(fromBundle.stderr).toBe(fromDist.stderr);
      expect(fromBundle.stdout).toBe(fromDist.stdout);
      expect(fromBundle.status).toBe(fromDist.status);
      if (args[0] === 'validate') {
        expect(fromBundle.stdout).toContain('valueset-parameter-expression');
        expect(fromBundle.stdout).toContain('is not a valid FHIRPath');
        expect(fromBundle.stdout).not.toContain('internal-rule-error');
      }
      if (args[0] === 'match')
        expect(
          (JSON.parse(fromBundle.stdout) as { suggestions: unknown[] }).suggestions.length,
        ).toBeGreaterThan(0);
    }
  }, 120_000);

  test('the stdio server: diagnostics, hover texts and a workspace pass in its worker, with no warning logged', async () => {
    const folder = join(tmp, 'ws');
    mkdirSync(folder, { recursive: true });
    const patient = '{ "resourceType": "Patient", "gender": "mail", "colour": 1 }';
    writeFileSync(join(folder, 'patient.json'), patient);
    const proc = spawn(process.execPath, [serverBin, '--stdio'], {
      cwd: folder,
      stdio: ['pipe', 'pipe', 'inherit'],
    });
    const client = createProtocolConnection(
      new StreamMessageReader(proc.stdout),
      new StreamMessageWriter(proc.stdin),
    );
    const problems: string[] = [];
    client.onNotification('window/logMessage', (p: LogMessageParams) => {
      if (p.type <= 2) problems.push(p.message);
    });
    client.onNotification('window/showMessage', (p: LogMessageParams) => {
      problems.push(p.message);
    });
    const published = new Map<string, Diagnostic[]>();
    let onPublish = (): void => {};
    client.onNotification(PublishDiagnosticsNotification.method, (p: PublishDiagnosticsParams) => {
      published.set(p.uri, p.diagnostics);
      onPublish();
    });
    client.listen();
    // A server that dies (an asset or module it cannot load) fails the test at once instead of timing out.
    const exited = new Promise<never>((_, reject) =>
      proc.on('exit', (code) => reject(new Error(`the server exited with code ${String(code)}`))),
    );
    const live = <T>(answer: Promise<T>): Promise<T> => Promise.race([answer, exited]);
    try {
      const folderUri = pathToFileURL(folder).href;
      // No pull-diagnostics capability: the server pushes.
      await live(
        client.sendRequest(InitializeRequest.type, {
          processId: process.pid,
          rootUri: folderUri,
          capabilities: {
            textDocument: { hover: { contentFormat: ['markdown'] } },
            workspace: { workspaceFolders: true },
          },
          workspaceFolders: [{ uri: folderUri, name: 'ws' }],
        }),
      );
      await client.sendNotification('initialized', {});
      const uri = `${folderUri}/open.json`;
      const open = new Promise<void>((resolve) => {
        onPublish = () => {
          if (published.get(uri)?.length) resolve();
        };
      });
      await client.sendNotification('textDocument/didOpen', {
        textDocument: { uri, languageId: 'json', version: 1, text: patient },
      });
      await live(open);
      const codes = published.get(uri)!.map((d) => d.code);
      expect(codes).toContain('unknown-property');
      // "mail" is not in the core AdministrativeGender value set (the terminology file).
      expect(published.get(uri)!.some((d) => d.code === 'binding-required')).toBe(true);

      const hover: Hover | null = await live(
        client.sendRequest(HoverRequest.type, {
          textDocument: { uri },
          position: { line: 0, character: patient.indexOf('"gender"') + 1 },
        }),
      );
      expect((hover?.contents as MarkupContent).value).toContain('**Patient.gender**');

      const result = await live(client.sendRequest<ValidateWorkspaceResult>(VALIDATE_WORKSPACE));
      expect(result).toMatchObject({ files: 1, skipped: 0 });
      expect(result.errors).toBeGreaterThan(0);
      expect(problems).toEqual([]);
      await live(client.sendRequest('shutdown'));
      await client.sendNotification('exit');
    } finally {
      client.dispose();
      proc.kill();
    }
  }, 120_000);
});
