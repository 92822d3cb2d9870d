/**
 * The texts hover shows beyond the engine's definitions index: element short descriptions and definitions,
 * and code displays (built by language-server/scripts/build-hover-data.ts into dist/r4-hover.json). Loaded on
 * first use; when the file is missing hover still answers with what the definitions index knows.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export interface HoverDataFile {
  format: 'wheelhouse-hover/1';
  source: string;
  /** Element path -> [short, definition (first paragraph)]. */
  elements: Record<string, [string, string]>;
  /** Code system URL -> code -> display. */
  displays: Record<string, Record<string, string>>;
  /** Core extension definitions: [url, short]. */
  extensions: [string, string][];
}

/**
 * What the build writes (scripts/build-hover-data.ts): format 1 with each type's elements and each code system's
 * displays as a JSON text, parsed on first use (reading the file is then a few ms, not 50-150 ms on the main
 * thread; issue 7).
 */
export interface HoverDataFile2 {
  format: 'wheelhouse-hover/2';
  source: string;
  /** Type name ('Patient', 'Identifier') -> the JSON text of its element path -> [short, definition]. */
  elements: Record<string, string>;
  /** Code system URL -> the JSON text of its code -> display. */
  displays: Record<string, string>;
  extensions: [string, string][];
}

export interface HoverData {
  element(path: string): { short: string; definition: string } | undefined;
  display(system: string, code: string): string | undefined;
  /** Codes of a code system with their displays (completion). */
  codes(system: string): Readonly<Record<string, string>> | undefined;
  /** Core extension URLs with their short descriptions (completion). */
  extensions(): readonly (readonly [string, string])[];
}

/** Where the build writes it: <language-server>/dist/r4-hover.json (the same from src/ and dist/). */
export function defaultHoverDataFile(): string {
  return fileURLToPath(new URL('../../dist/r4-hover.json', import.meta.url));
}

const own = (o: object, k: string): boolean => Object.prototype.hasOwnProperty.call(o, k);

export function createHoverData(data: HoverDataFile): HoverData {
  return {
    element(path) {
      if (!own(data.elements, path)) return undefined;
      const [short, definition] = data.elements[path]!;
      return { short, definition };
    },
    display(system, code) {
      const codes = own(data.displays, system) ? data.displays[system]! : undefined;
      return codes && own(codes, code) ? codes[code] : undefined;
    },
    codes(system) {
      return own(data.displays, system) ? data.displays[system] : undefined;
    },
    extensions() {
      return data.extensions;
    },
  };
}

/** Format 2: a type's elements or a code system's displays are parsed when first asked for. */
export function createHoverDataOnDemand(data: HoverDataFile2): HoverData {
  const types = new Map<string, Record<string, [string, string]>>();
  const systems = new Map<string, Record<string, string>>();
  const group = <T>(texts: Record<string, string>, cache: Map<string, T>, key: string): T | undefined => {
    if (!own(texts, key)) return undefined;
    let value = cache.get(key);
    if (value === undefined) cache.set(key, (value = JSON.parse(texts[key]!) as T));
    return value;
  };
  return {
    element(path) {
      const elements = group(data.elements, types, path.split('.')[0]!);
      if (!elements || !own(elements, path)) return undefined;
      const [short, definition] = elements[path]!;
      return { short, definition };
    },
    display(system, code) {
      const codes = group(data.displays, systems, system);
      return codes && own(codes, code) ? codes[code] : undefined;
    },
    codes(system) {
      return group(data.displays, systems, system);
    },
    extensions() {
      return data.extensions;
    },
  };
}

const EMPTY: HoverData = {
  element: () => undefined,
  display: () => undefined,
  codes: () => undefined,
  extensions: () => [],
};

/** Reads the file once; a missing or unreadable file gives empty data and one message to `warn`. */
export function lazyHoverData(
  file: string = defaultHoverDataFile(),
  warn: (message: string) => void = () => {},
): () => HoverData {
  let loaded: HoverData | undefined;
  return () => {
    if (loaded) return loaded;
    try {
      const data = JSON.parse(readFileSync(file, 'utf8')) as HoverDataFile | HoverDataFile2;
      if (data.format === 'wheelhouse-hover/2') loaded = createHoverDataOnDemand(data);
      // Format 1: a file built before format 2 (a checkout not rebuilt since).
      else if (data.format === 'wheelhouse-hover/1') loaded = createHoverData(data);
      else throw new Error(`unexpected format ${String((data as { format: unknown }).format)}`);
    } catch (error) {
      warn(
        `hover texts unavailable (${file}: ${error instanceof Error ? error.message : String(error)}); run language-server/scripts/build-hover-data.ts`,
      );
      loaded = EMPTY;
    }
    return loaded;
  };
}
