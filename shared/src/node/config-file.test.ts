// loadEngineOptionsOnDemand (issue 3): the same answers as loadEngineOptions, with the zod schema loaded only
// when a wheelhouse.config.json applies.
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { ConfigFileError, findConfigFile, loadEngineOptionsOnDemand } from './config-file.js';
import { loadEngineOptions } from './config.js';
import { conformanceRequested, loadValidationConformanceOnDemand } from './engine/index.js';
import { loadR4Definitions } from './definitions.js';

function folder(): string {
  const root = mkdtempSync(join(tmpdir(), 'wh-config-lazy-'));
  mkdirSync(join(root, 'sub'));
  return root;
}

describe('loadEngineOptionsOnDemand', () => {
  test('without a config file: the defaults loadEngineOptions gives', async () => {
    const root = folder();
    // A config may exist above the temp dir on some machines; the comparison holds either way.
    expect(await loadEngineOptionsOnDemand(join(root, 'sub'))).toEqual(loadEngineOptions(join(root, 'sub')));
    if (findConfigFile(root) === undefined) {
      const none = await loadEngineOptionsOnDemand(root);
      expect(none.file).toBeUndefined();
      expect(none.options).toEqual({
        profiles: [],
        rules: {},
        settings: { pdsCompatibility: false, allowUnresolvedExtensionDomains: [], fhirVersion: '4.0.1' },
      });
    }
  });

  test('with a config file: validated and applied as loadEngineOptions does', async () => {
    const root = folder();
    writeFileSync(
      join(root, 'wheelhouse.config.json'),
      '{ "pdsCompatibility": true, "rules": { "nhs-number-checksum": "warning" }, "profiles": ["https://example.org/StructureDefinition/p"] }',
    );
    const lazy = await loadEngineOptionsOnDemand(join(root, 'sub'));
    expect(lazy).toEqual(loadEngineOptions(join(root, 'sub')));
    expect(lazy.file).toBe(join(root, 'wheelhouse.config.json'));
    expect(lazy.options.settings.pdsCompatibility).toBe(true);
    expect(lazy.options.rules).toEqual({ 'nhs-number-checksum': 'warning' });
  });

  test('a bad config file still fails with located problems', async () => {
    const root = folder();
    writeFileSync(join(root, 'wheelhouse.config.json'), '{ "pdsCompatibilty": true, "fhirVersion": "R4" }');
    const error = await loadEngineOptionsOnDemand(root).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(ConfigFileError);
    expect((error as ConfigFileError).message).toMatch(/did you mean "pdsCompatibility"/);
    expect((error as ConfigFileError).message).toMatch(/fhirVersion: must be a FHIR version/);
  });
});

describe('loadValidationConformanceOnDemand', () => {
  test('loads nothing when nothing beyond the core is asked for', async () => {
    expect(conformanceRequested({})).toBe(false);
    expect(conformanceRequested({ packages: [], workspaces: [], profiles: [] })).toBe(false);
    expect(conformanceRequested({ profiles: ['https://example.org/p'] })).toBe(true);
    expect(conformanceRequested({ fhirCache: '/tmp/none' })).toBe(true);
    expect(
      await loadValidationConformanceOnDemand({
        definitions: loadR4Definitions(),
        packages: [],
        workspaces: [],
      }),
    ).toBeUndefined();
  });

  test('loads a workspace when one is given', async () => {
    const root = folder();
    const profile = {
      resourceType: 'StructureDefinition',
      url: 'https://example.org/StructureDefinition/lazy-patient',
      name: 'LazyPatient',
      status: 'draft',
      kind: 'resource',
      abstract: false,
      type: 'Patient',
      baseDefinition: 'http://hl7.org/fhir/StructureDefinition/Patient',
      derivation: 'constraint',
      differential: { element: [{ id: 'Patient.birthDate', path: 'Patient.birthDate', min: 1 }] },
    };
    writeFileSync(join(root, 'profile.json'), JSON.stringify(profile));
    const loaded = await loadValidationConformanceOnDemand({
      definitions: loadR4Definitions(),
      workspaces: [root],
      cacheDir: join(root, '.cache'),
    });
    expect(loaded?.store.resolve(profile.url)).toBeDefined();
  });
});
