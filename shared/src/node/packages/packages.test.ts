// Package cache, .tgz, workspace loading and registry install against a registry stand-in on
// 127.0.0.1 serving tarballs built here from ../shared data.
import { createServer, type Server } from 'node:http';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { createTar } from 'nanotar';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { StructureDefinition } from '../../profiles/types.js';
import { loadCoreDefinitions } from './core-definitions.js';
import { installPackage, RegistryError } from './registry.js';
import { loadConformance } from './loader.js';

const repo = resolve(import.meta.dirname, '../../../..');
const shared = join(repo, '../shared/fhir');
const ukCoreDir = join(shared, 'packages/UK.Core.r4#1.2.0/package');
const present = existsSync(ukCoreDir);
if (!present) console.log(`skipping package tests: ${ukCoreDir} is absent (shared FHIR data beside the repo)`);

function tgz(files: Record<string, string>): Buffer {
  return gzipSync(createTar(Object.entries(files).map(([name, data]) => ({ name, data }))));
}

/** A tarball of UK.Core.r4 renamed `id#version` with the given dependencies. */
function ukCoreTarball(id: string, version: string, dependencies: Record<string, string>): Buffer {
  const files: Record<string, string> = {
    'package/package.json': JSON.stringify({ name: id, version, fhirVersions: ['4.0.1'], dependencies: { 'hl7.fhir.r4.core': '4.0.1', ...dependencies } }),
  };
  for (const name of readdirSync(ukCoreDir).filter((n) => n.startsWith('UKCore-Patient') || n.startsWith('Extension-UKCore-NHSNumber') || n.startsWith('ValueSet-UKCore-NHSNumber'))) {
    files[`package/${name}`] = readFileSync(join(ukCoreDir, name), 'utf8');
  }
  return tgz(files);
}

describe.skipIf(!present)('FHIR packages', () => {
  let server: Server;
  let registry = '';
  let work = '';
  const requests: string[] = [];
  let core: StructureDefinition[] = [];
  const tarballs = new Map<string, Buffer>();

  beforeAll(async () => {
    core = loadCoreDefinitions({ cacheDir: join(repo, 'node_modules/.cache/wheelhouse') });
    work = mkdtempSync(join(tmpdir(), 'wh-packages-'));
    tarballs.set('test.ukcore#1.2.0', ukCoreTarball('test.ukcore', '1.2.0', { 'test.dependency': '0.1.x' }));
    tarballs.set('test.ukcore#1.3.0-ballot', ukCoreTarball('test.ukcore', '1.3.0-ballot', {}));
    tarballs.set('test.dependency#0.1.2', tgz({ 'package/package.json': JSON.stringify({ name: 'test.dependency', version: '0.1.2' }) }));
    server = createServer((req, res) => {
      requests.push(req.url ?? '');
      const [, id, file] = (req.url ?? '').split('/');
      const versions = [...tarballs.keys()].filter((k) => k.startsWith(`${id}#`)).map((k) => k.slice(k.indexOf('#') + 1));
      if (id && !file && versions.length > 0) {
        res.setHeader('content-type', 'application/json');
        res.end(JSON.stringify({
          name: id,
          'dist-tags': { latest: versions.filter((v) => !v.includes('-')).at(-1) },
          versions: Object.fromEntries(versions.map((v) => [v, { name: id, version: v, dist: { tarball: `${registry}/${id}/-/${v}.tgz` } }])),
        }));
        return;
      }
      const body = file === '-' ? tarballs.get(`${id}#${(req.url ?? '').split('/').at(-1)?.replace(/\.tgz$/, '')}`) : undefined;
      if (body) res.end(body);
      else res.writeHead(404).end('not found');
    });
    await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
    const address = server.address();
    registry = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  });
  afterAll(async () => {
    await new Promise((ok) => server.close(ok));
    rmSync(work, { recursive: true, force: true });
  });

  test('a missing dependency gives one message naming it and the install command', () => {
    const cacheDir = join(work, 'empty-cache');
    const file = join(work, 'a.tgz');
    writeFileSync(file, ukCoreTarball('test.ukcore', '1.2.0', { 'test.dependency': '0.1.x', 'other.missing': '2.0.0' }));
    const loaded = loadConformance({ packages: [file, file], fhirCache: cacheDir, core });
    expect(loaded.issues.map((i) => i.subject)).toEqual(['test.dependency#0.1.x', 'other.missing#2.0.0']);
    expect(loaded.issues[0]?.message).toContain('wheelhouse packages install test.dependency#0.1.x');
    expect(loaded.store.structureDefinition('https://fhir.nhs.uk/R4/StructureDefinition/UKCore-Patient')?.snapshot?.element.length).toBeGreaterThan(50);
  });

  test('install resolves latest release, dependencies and wildcards; loading then finds them', async () => {
    const cacheDir = join(work, 'cache');
    const installed = await installPackage('test.ukcore', { registry, fhirCache: cacheDir });
    expect(installed.map((p) => `${p.id}#${p.version}`)).toEqual(['test.ukcore#1.2.0', 'test.dependency#0.1.2']);
    expect(existsSync(join(cacheDir, 'test.ukcore#1.2.0', 'package', 'UKCore-Patient.json'))).toBe(true);
    const again = await installPackage('test.ukcore#1.2.0', { registry, fhirCache: cacheDir });
    expect(again[0]?.alreadyInstalled).toBe(true);
    const loaded = loadConformance({ packages: ['test.ukcore#1.2.0'], fhirCache: cacheDir, core });
    expect(loaded.issues).toEqual([]);
    expect(loaded.packages.map((p) => `${p.id}#${p.version}`)).toEqual(['test.ukcore#1.2.0', 'test.dependency#0.1.2']);
    expect(loaded.store.resource('https://fhir.nhs.uk/R4/StructureDefinition/UKCore-Patient')).toBeDefined();
  });

  test('an unknown package or version is a RegistryError, not a crash', async () => {
    await expect(installPackage('no.such.package', { registry, fhirCache: join(work, 'c2') })).rejects.toBeInstanceOf(RegistryError);
    await expect(installPackage('test.ukcore#9.9.9', { registry, fhirCache: join(work, 'c2') })).rejects.toThrow(/no version matching 9.9.9/);
  });

  test('HL7 test packages (.tgz) and workspace folders load', () => {
    const verA = join(shared, 'test-cases/files/packages/hl7.fhir.test.verA#2.0.0.tgz');
    const loaded = loadConformance({ packages: [verA], fhirCache: join(work, 'none'), core });
    expect(loaded.packages[0]).toMatchObject({ id: 'hl7.fhir.test.verA', version: '2.0.0' });
    expect(loaded.packages[0]?.resources).toBeGreaterThan(0);

    const ws = loadConformance({ workspaces: [join(shared, 'sources/uk-core/2.0.2/json')], fhirCache: join(work, 'none'), core });
    expect(ws.issues).toEqual([]);
    expect(ws.packages[0]?.resources).toBe(78 + 70 + 49 + 1);
  });
});
