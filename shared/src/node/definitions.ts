/**
 * Node adapter: loads the compact R4 core definitions index written at build time by
 * shared/scripts/build-definitions.ts (dist/definitions/r4-core.json). The engine gets the result
 * passed in (STYLE.md 7); browser code never imports this.
 */
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { createDefinitions, type Definitions, type DefinitionsIndexFile } from '../validation/definitions/index.js';

/** Thrown when the index file is missing or not ours; the message says how to rebuild it. */
export class DefinitionsLoadError extends Error {
  override readonly name = 'DefinitionsLoadError';
  constructor(
    readonly file: string,
    reason: string,
  ) {
    super(`cannot load FHIR definitions from ${file}: ${reason}. Run \`pnpm --filter @wheelhouse/shared build\` to generate it.`);
  }
}

/**
 * Default location: <shared>/dist/definitions/r4-core.json. This file compiles to dist/node/; under
 * vitest it runs from src/node/, so the dist copy is looked for beside src too.
 */
export function defaultDefinitionsFile(): string {
  const built = fileURLToPath(new URL('../definitions/r4-core.json', import.meta.url));
  if (existsSync(built)) return built;
  return fileURLToPath(new URL('../../dist/definitions/r4-core.json', import.meta.url));
}

/** Reads and indexes the R4 core definitions. */
export function loadR4Definitions(file: string = defaultDefinitionsFile()): Definitions {
  let data: DefinitionsIndexFile;
  try {
    data = JSON.parse(readFileSync(file, 'utf8')) as DefinitionsIndexFile;
  } catch (error) {
    throw new DefinitionsLoadError(file, error instanceof Error ? error.message : String(error));
  }
  if (data.format !== 'wheelhouse-definitions/2') throw new DefinitionsLoadError(file, `unknown format ${String(data.format)}`);
  return createDefinitions(data);
}
