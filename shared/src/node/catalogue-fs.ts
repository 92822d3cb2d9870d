/** Reads catalogue manifests from disk and writes built files; the logic itself is in ../catalogue (browser-safe). */
import { mkdirSync, readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { BuiltFile, ManifestSource } from '../catalogue/index.js';

/** Thrown when the manifests folder or a manifest cannot be read. */
export class CatalogueReadError extends Error {
  override readonly name = 'CatalogueReadError';
  constructor(
    readonly path: string,
    reason: string,
  ) {
    super(`cannot read ${path}: ${reason}`);
  }
}

function reason(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/**
 * Every `*.yaml`/`*.yml` in `dir` (not recursive), sorted by name. `path` in each source is relative to
 * `displayFrom` so messages read `catalogue/components/x.yaml:3:5`.
 */
export function readManifestDir(dir: string, displayFrom: string = process.cwd()): ManifestSource[] {
  let names: string[];
  try {
    names = readdirSync(dir).filter((n) => /\.ya?ml$/i.test(n)).sort();
  } catch (error) {
    throw new CatalogueReadError(dir, reason(error));
  }
  return names.map((name) => readManifestFile(join(dir, name), displayFrom));
}

/** One manifest file. */
export function readManifestFile(file: string, displayFrom: string = process.cwd()): ManifestSource {
  try {
    return { path: relative(displayFrom, file) || file, text: readFileSync(file, 'utf8') };
  } catch (error) {
    throw new CatalogueReadError(file, reason(error));
  }
}

/** Writes built files into `outDir` atomically (write to a temporary name, then rename). */
export function writeBuiltFiles(outDir: string, files: readonly BuiltFile[]): string[] {
  mkdirSync(outDir, { recursive: true });
  return files.map((f) => {
    const target = join(outDir, f.name);
    const temporary = `${target}.tmp-${process.pid}`;
    writeFileSync(temporary, f.text);
    renameSync(temporary, target);
    return target;
  });
}

/** Replaces a file's text atomically. */
export function writeTextFile(file: string, text: string): void {
  const temporary = `${file}.tmp-${process.pid}`;
  writeFileSync(temporary, text);
  renameSync(temporary, file);
}
