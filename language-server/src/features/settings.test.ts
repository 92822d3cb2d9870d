import { describe, expect, test } from 'vitest';
import { createSettingsStore, DEFAULT_SETTINGS, parseSettings } from './settings.js';

describe('parseSettings', () => {
  test('reads every field', () => {
    const warnings: string[] = [];
    const s = parseSettings({ validate: { enable: false }, rules: { 'nhs-number-checksum': 'warning', 'json-null': 'off' }, profiles: ['https://fhir.hl7.org.uk/StructureDefinition/UKCore-Patient'], fhirCache: '/opt/fhir/packages' }, (m) => warnings.push(m));
    expect(s).toEqual({ validateEnable: false, rules: { 'nhs-number-checksum': 'warning', 'json-null': 'off' }, profiles: ['https://fhir.hl7.org.uk/StructureDefinition/UKCore-Patient'], fhirCache: '/opt/fhir/packages' });
    expect(warnings).toEqual([]);
  });

  test('bad values fall back field by field and say which setting was wrong', () => {
    const warnings: string[] = [];
    const s = parseSettings({ validate: { enable: 'yes' }, rules: { a: 'fatal', b: 'error' }, profiles: 'x', fhirCache: 'relative/packages' }, (m) => warnings.push(m));
    expect(s).toEqual({ validateEnable: true, rules: { b: 'error' }, profiles: [] });
    expect(warnings).toHaveLength(4);
    expect(warnings.join('\n')).toMatch(/wheelhouse\.validate\.enable[\s\S]*wheelhouse\.rules\["a"\][\s\S]*wheelhouse\.profiles[\s\S]*wheelhouse\.fhirCache/);
  });

  test('missing or non-object sections give the defaults', () => {
    expect(parseSettings(undefined, () => undefined)).toEqual(DEFAULT_SETTINGS);
    const warnings: string[] = [];
    expect(parseSettings(42, (m) => warnings.push(m))).toEqual(DEFAULT_SETTINGS);
    expect(warnings).toHaveLength(1);
  });
});

describe('createSettingsStore', () => {
  test('asks once per URI until cleared, and survives a failing client', async () => {
    const asked: string[] = [];
    let fail = false;
    const store = createSettingsStore((uri) => {
      asked.push(uri);
      return fail ? Promise.reject(new Error('no configuration')) : Promise.resolve({ validate: { enable: false } });
    }, () => undefined);
    expect((await store.get('file:///a.json')).validateEnable).toBe(false);
    await store.get('file:///a.json');
    expect(asked).toEqual(['file:///a.json']);
    store.clear();
    fail = true;
    expect(await store.get('file:///a.json')).toEqual(DEFAULT_SETTINGS);
    expect(asked).toHaveLength(2);
  });
});
