/**
 * Node adapter: what `wheelhouse validate` and the language server call to get a ConformanceSource
 * from --package / --fhir-cache / --workspace / --profile. Loads nothing (returns undefined) when none
 * is given, so plain core validation stays as fast as before.
 */
import { homedir } from 'node:os';
import { join } from 'node:path';
import type { ConformanceStore } from '../../packages/store.js';
import type { PackageIssue } from '../../packages/issues.js';
import type { StructureDefinition } from '../../profiles/types.js';
import type { Definitions } from '../../validation/definitions/index.js';
import { fhirXmlToJson } from '../../xml/parse.js';
import { loadConformance } from './loader.js';
import { conformanceRequested } from './requested.js';

export function defaultWheelhouseCacheDir(): string {
  const xdg = process.env['XDG_CACHE_HOME'];
  return join(xdg && xdg.length > 0 ? xdg : join(homedir(), '.cache'), 'wheelhouse');
}

export interface ValidationConformanceOptions {
  packages?: readonly string[] | undefined;
  fhirCache?: string | undefined;
  workspaces?: readonly string[] | undefined;
  profiles?: readonly string[] | undefined;
  /** Wheelhouse cache (trimmed core definitions, generated snapshots); default ~/.cache/wheelhouse. */
  cacheDir?: string | undefined;
  definitions: Definitions;
}

export interface ValidationConformance {
  store: ConformanceStore;
  issues: PackageIssue[];
  /**
   * Domains of canonicals the loaded profiles point at but that did not load because a dependency
   * is missing: extensions there are not reported as unknown (the missing-dependency message says
   * why), so a missing package gives one message, not one error per use. Empty when nothing is missing.
   */
  unresolvedDomains: string[];
  /** Writes snapshots generated during validation to the snapshot cache (call once at the end). */
  saveSnapshots(): void;
}

function domainOf(url: string): string | undefined {
  return /^[a-z][a-z0-9+.-]*:\/\/([^/:?#]+)/i.exec(url)?.[1]?.toLowerCase();
}

/** Domains of canonicals referenced by loaded (non-core) StructureDefinitions that do not resolve. */
function unresolvedDomains(store: ConformanceStore): string[] {
  const domains = new Set<string>();
  const check = (url: unknown): void => {
    if (typeof url !== 'string' || store.resolve(url) !== undefined || url.startsWith('http://hl7.org/fhir/StructureDefinition/')) return;
    const d = domainOf(url);
    if (d) domains.add(d);
  };
  for (const entry of store.all('StructureDefinition')) {
    if (entry.origin.source === 'core') continue;
    const sd = entry.resource as StructureDefinition;
    check(sd.baseDefinition);
    for (const e of [...(sd.differential?.element ?? []), ...(sd.snapshot?.element ?? [])]) for (const t of e.type ?? []) for (const p of t.profile ?? []) check(p);
  }
  return [...domains].sort();
}

export function loadValidationConformance(options: ValidationConformanceOptions): ValidationConformance | undefined {
  if (!conformanceRequested(options)) return undefined;
  const definitions = options.definitions;
  const loaded = loadConformance({
    packages: options.packages ?? [],
    workspaces: options.workspaces ?? [],
    cacheDir: options.cacheDir ?? defaultWheelhouseCacheDir(),
    xmlToJson: (text) => fhirXmlToJson(text, definitions),
    ...(options.fhirCache ? { fhirCache: options.fhirCache } : {}),
  });
  return {
    store: loaded.store,
    issues: loaded.issues,
    unresolvedDomains: loaded.issues.some((i) => i.code === 'missing-dependency') ? unresolvedDomains(loaded.store) : [],
    saveSnapshots() {
      const c = loaded.snapshotCache;
      if (c && loaded.store.generatedSnapshots().size > 0) c.cache.save(loaded.store, c.key, c.cache.read(c.key));
    },
  };
}
