/**
 * Node adapter: loads the core terminology file written at build time by
 * shared/scripts/build-terminology.ts (dist/definitions/r4-terminology.json).
 */
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { createTerminology, type Terminology, type TerminologyFile } from '../validation/terminology/index.js';

/** Thrown when the terminology file is missing or unreadable; the message says how to rebuild it. */
export class TerminologyLoadError extends Error {
  override readonly name = 'TerminologyLoadError';
  readonly file: string;
  constructor(file: string, reason: string) {
    super(`cannot load FHIR terminology from ${file}: ${reason}. Run \`pnpm exec node shared/scripts/build-terminology.ts\` to generate it.`);
    this.file = file;
  }
}

/** Default location: <shared>/dist/definitions/r4-terminology.json (also found from src/node under vitest). */
export function defaultTerminologyFile(): string {
  const built = fileURLToPath(new URL('../definitions/r4-terminology.json', import.meta.url));
  if (existsSync(built)) return built;
  return fileURLToPath(new URL('../../dist/definitions/r4-terminology.json', import.meta.url));
}

export function loadR4Terminology(file: string = defaultTerminologyFile()): Terminology {
  let data: TerminologyFile;
  try {
    data = JSON.parse(readFileSync(file, 'utf8')) as TerminologyFile;
  } catch (error) {
    throw new TerminologyLoadError(file, error instanceof Error ? error.message : String(error));
  }
  if (!data || typeof data !== 'object' || !data.valueSets || !data.codeSystems) throw new TerminologyLoadError(file, 'not a terminology file');
  return createTerminology(data);
}
