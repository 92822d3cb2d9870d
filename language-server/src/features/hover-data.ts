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
      const data = JSON.parse(readFileSync(file, 'utf8')) as HoverDataFile;
      if (data.format !== 'wheelhouse-hover/1') throw new Error(`unexpected format ${String(data.format)}`);
      loaded = createHoverData(data);
    } catch (error) {
      warn(
        `hover texts unavailable (${file}: ${error instanceof Error ? error.message : String(error)}); run language-server/scripts/build-hover-data.ts`,
      );
      loaded = EMPTY;
    }
    return loaded;
  };
}
