import { describe, expect, test } from 'vitest';
import {
  buildCatalogue,
  catalogueContentHash,
  CatalogueSchema,
  CatalogueVersionSchema,
  ComponentSchema,
  setCrawlFacts,
  sha256Hex,
  type Component,
  type ComponentInput,
} from './index.js';

const input = (id: string, extra: Partial<ComponentInput> = {}): ComponentInput => ({
  publiccodeYmlVersion: '0.7',
  id,
  name: `Component ${id}`,
  url: `https://github.com/example/${id}`,
  softwareType: 'library',
  developmentStatus: 'stable',
  categories: ['testing'],
  description: { en: { shortDescription: `Does ${id} things — café.` } },
  legal: { license: 'MIT' },
  maintenance: { type: 'community' },
  nhs: { services: ['PDS'] },
  ...extra,
});
const component = (id: string, extra?: Partial<ComponentInput>): Component => ComponentSchema.parse(input(id, extra));

describe('buildCatalogue', () => {
  test('same components in any order and any key order give byte-identical files', () => {
    const a = buildCatalogue([component('b'), component('a'), component('c')]);
    const reordered = Object.fromEntries(Object.entries(input('a')).reverse()) as ComponentInput;
    const b = buildCatalogue([component('c'), ComponentSchema.parse(reordered), component('b')]);
    expect(b.files.map((f) => f.text)).toEqual(a.files.map((f) => f.text));
    expect(a.catalogue.components.map((c) => c.id)).toEqual(['a', 'b', 'c']);
  });

  test('the content hash is the SHA-256 of the components JSON and changes when a component does', () => {
    const built = buildCatalogue([component('a'), component('b')]);
    expect(built.catalogue.contentHash).toBe(`sha256-${sha256Hex(JSON.stringify(built.catalogue.components))}`);
    expect(catalogueContentHash([component('b'), component('a')])).toBe(built.catalogue.contentHash);
    const changed = buildCatalogue([component('a'), component('b', { name: 'Renamed' })]);
    expect(changed.catalogue.contentHash).not.toBe(built.catalogue.contentHash);
  });

  test('catalogue.json and version.json read back through their schemas', () => {
    const built = buildCatalogue([component('a')], { searchIndex: (cs) => ({ ids: cs.map((c) => c.id) }) });
    expect(built.files.map((f) => f.name)).toEqual(['catalogue.json', 'search-index.json', 'version.json']);
    const [catalogueFile, indexFile, versionFile] = built.files;
    const catalogue = CatalogueSchema.parse(JSON.parse(catalogueFile?.text ?? ''));
    expect(catalogue.count).toBe(1);
    expect(JSON.parse(indexFile?.text ?? '')).toEqual({ ids: ['a'] });
    const version = CatalogueVersionSchema.parse(JSON.parse(versionFile?.text ?? ''));
    expect(version.contentHash).toBe(catalogue.contentHash);
    expect(version.files['catalogue.json']).toEqual({ sha256: catalogueFile?.sha256, bytes: Buffer.byteLength(catalogueFile?.text ?? '') });
  });

  test('duplicate ids are refused', () => {
    expect(() => buildCatalogue([component('a'), component('a')])).toThrow(/duplicate component id "a"/);
  });
});

describe('setCrawlFacts', () => {
  const facts = {
    checkedAt: '2026-01-02T03:04:05Z',
    repository: 'example/a',
    licence: 'MIT',
    lastActivity: '2025-12-01T00:00:00Z',
    archived: false,
    fork: false,
    parent: null,
    mirrorUrl: null,
    stars: 3,
    topics: ['nhs'],
    publiccodeYml: false,
  };

  test('adds or replaces the crawl block and keeps comments and the modeline', () => {
    const text = '# yaml-language-server: $schema=x.json\nid: a # the id\nname: A\n';
    const once = setCrawlFacts(text, facts);
    expect(once.startsWith('# yaml-language-server: $schema=x.json\nid: a # the id\nname: A\ncrawl:\n  checkedAt:')).toBe(true);
    const twice = setCrawlFacts(once, { ...facts, stars: 4 });
    expect(twice).toBe(once.replace('stars: 3', 'stars: 4'));
  });
});
