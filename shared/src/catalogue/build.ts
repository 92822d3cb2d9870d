/**
 * `wheelhouse catalogue build`, as pure logic: checked components in, the files GitHub Pages serves out.
 * Same manifests, same bytes: components are sorted by id, every object is written in schema order, and
 * nothing time-dependent goes in, so the content hash only changes when the catalogue does.
 */
import { z } from 'zod';
import { ComponentSchema, type Component } from './schema.js';
import { sha256Hex } from './sha256.js';

export const CATALOGUE_FORMAT = 'wheelhouse-catalogue/1';

/** The built catalogue.json, as the browser extension and `wheelhouse match` read it. */
export const CatalogueSchema = z.strictObject({
  format: z.literal(CATALOGUE_FORMAT),
  /** `sha256-<hex>` of the JSON text of `components`. */
  contentHash: z.string().regex(/^sha256-[0-9a-f]{64}$/),
  count: z.int().min(0),
  components: z.array(ComponentSchema),
});
export type Catalogue = z.infer<typeof CatalogueSchema>;

/** version.json: small, so clients can poll it and fetch the big files only when the hash changes. */
export const CatalogueVersionSchema = z.strictObject({
  format: z.literal(CATALOGUE_FORMAT),
  contentHash: z.string().regex(/^sha256-[0-9a-f]{64}$/),
  count: z.int().min(0),
  files: z.record(z.string(), z.strictObject({ sha256: z.string().regex(/^[0-9a-f]{64}$/), bytes: z.int().min(0) })),
});
export type CatalogueVersion = z.infer<typeof CatalogueVersionSchema>;

/** Builds the compact search index shipped to the browser (the matcher's `buildIndex`), injected to keep this module independent of it. */
export type SearchIndexBuilder = (components: readonly Component[]) => unknown;

export interface BuildOptions {
  readonly searchIndex?: SearchIndexBuilder;
}

export interface BuiltFile {
  readonly name: string;
  readonly text: string;
  readonly sha256: string;
}

export interface BuildResult {
  readonly catalogue: Catalogue;
  /** catalogue.json, search-index.json (when a builder is given), version.json; in that order. */
  readonly files: readonly BuiltFile[];
}

function file(name: string, text: string): BuiltFile {
  return { name, text, sha256: sha256Hex(text) };
}

/** The content hash of a set of components (order-independent: sorted by id first). */
export function catalogueContentHash(components: readonly Component[]): string {
  return `sha256-${sha256Hex(JSON.stringify(sortById(components)))}`;
}

function sortById(components: readonly Component[]): Component[] {
  // Re-parse so key order is the schema's, whatever order the YAML had.
  return components.map((c) => ComponentSchema.parse(c)).sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/** Builds catalogue.json (+ search-index.json) and version.json. Throws on duplicate ids: run check first. */
export function buildCatalogue(input: readonly Component[], options: BuildOptions = {}): BuildResult {
  const components = sortById(input);
  for (let i = 1; i < components.length; i++) {
    if (components[i]?.id === components[i - 1]?.id) throw new Error(`duplicate component id "${components[i]?.id}": run \`wheelhouse catalogue check\``);
  }
  const catalogue: Catalogue = {
    format: CATALOGUE_FORMAT,
    contentHash: `sha256-${sha256Hex(JSON.stringify(components))}`,
    count: components.length,
    components,
  };
  const files = [file('catalogue.json', `${JSON.stringify(catalogue)}\n`)];
  if (options.searchIndex) files.push(file('search-index.json', `${JSON.stringify(options.searchIndex(components))}\n`));
  const version: CatalogueVersion = {
    format: CATALOGUE_FORMAT,
    contentHash: catalogue.contentHash,
    count: catalogue.count,
    files: Object.fromEntries(files.map((f) => [f.name, { sha256: f.sha256, bytes: utf8Length(f.text) }])),
  };
  files.push(file('version.json', `${JSON.stringify(version, null, 2)}\n`));
  return { catalogue, files };
}

function utf8Length(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
      n += 4;
      i++;
    } else n += 3;
  }
  return n;
}
