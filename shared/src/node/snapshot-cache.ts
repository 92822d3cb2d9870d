/**
 * Node adapter: generated snapshots on disk, keyed by a content hash of every StructureDefinition
 * that was loaded (so any change to a profile, its base or a type profile gives a new key) and the
 * generator version. One file per key: `<dir>/snapshots-<sha256>.json`.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ConformanceStore } from '../packages/store.js';
import type { ElementDefinition, StructureDefinition } from '../profiles/types.js';

/** Bump when generated snapshots would change for the same input. */
export const SNAPSHOT_GENERATOR_VERSION = 'wheelhouse-snapshot/2';

/** The cache key of a store's StructureDefinitions (those without a snapshot, by full content). */
export function snapshotCacheKey(store: ConformanceStore, extra = ''): string {
  const hash = createHash('sha256');
  hash.update(SNAPSHOT_GENERATOR_VERSION);
  hash.update(extra);
  const parts: string[] = [];
  for (const entry of store.all('StructureDefinition')) {
    // Core definitions are fixed per source (and not parsed here); they count through `extra`.
    if (entry.origin.source === 'core') continue;
    const sd = entry.resource as StructureDefinition;
    // Published-snapshot definitions are named, not hashed: their content is fixed per package version.
    parts.push(sd.snapshot?.element.length ? `${entry.origin.source} ${sd.url}|${sd.version ?? ''}` : JSON.stringify(sd));
  }
  parts.sort();
  for (const p of parts) hash.update(p);
  return hash.digest('hex');
}

export class SnapshotDiskCache {
  readonly dir: string;
  constructor(dir: string) {
    this.dir = dir;
  }

  #file(key: string): string {
    return join(this.dir, `snapshots-${key}.json`);
  }

  /** The snapshots cached under `key` (empty when none). */
  read(key: string): Record<string, ElementDefinition[]> {
    try {
      const data = JSON.parse(readFileSync(this.#file(key), 'utf8')) as { version?: string; snapshots?: Record<string, ElementDefinition[]> };
      return data.version === SNAPSHOT_GENERATOR_VERSION && data.snapshots ? data.snapshots : {};
    } catch {
      return {};
    }
  }

  /** Seeds the store with the snapshots cached under `key`; returns how many. */
  load(store: ConformanceStore, key: string): number {
    const snapshots = this.read(key);
    store.preloadSnapshots(snapshots);
    return Object.keys(snapshots).length;
  }

  /** Writes the snapshots the store generated (plus those it was seeded with) under `key`. */
  save(store: ConformanceStore, key: string, preloaded: Record<string, ElementDefinition[]> = {}): void {
    const snapshots: Record<string, ElementDefinition[]> = { ...preloaded };
    for (const [url, elements] of store.generatedSnapshots()) snapshots[url] = elements;
    if (Object.keys(snapshots).length === 0) return;
    try {
      mkdirSync(this.dir, { recursive: true });
      const file = this.#file(key);
      const tmp = `${file}.${process.pid}.tmp`;
      writeFileSync(tmp, JSON.stringify({ version: SNAPSHOT_GENERATOR_VERSION, snapshots }));
      renameSync(tmp, file);
    } catch {
      // A read-only cache only costs speed.
    }
  }
}
