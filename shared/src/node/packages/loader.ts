/**
 * Node adapter: builds the ConformanceStore for a validation run from core definitions, FHIR
 * packages (cache or .tgz), and workspace folders, following package.json dependencies. Problems
 * are returned as PackageIssues (one per missing package), never thrown.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { missingDependency, type PackageIssue } from '../../packages/issues.js';
import { CORE_PACKAGES, formatPackageSpec, parsePackageSpec, PackageSpecError, type PackageManifest, type PackageSpec } from '../../packages/spec.js';
import { ConformanceStore } from '../../packages/store.js';
import { conformanceResourcesIn, parseJsonResource } from '../../packages/resources.js';
import type { StructureDefinition } from '../../profiles/types.js';
import { SnapshotDiskCache, snapshotCacheKey } from '../snapshot-cache.js';
import { FhirPackageCache } from './cache.js';
import { loadCoreDefinitionEntries } from './core-definitions.js';
import { readPackageFolder, readTgz, readWorkspace, type XmlToJson } from './files.js';

export interface LoadConformanceOptions {
  /** `id[#version]` from the cache, or a path to a .tgz file or a package folder. */
  packages?: readonly string[];
  /** FHIR package cache folder (default ~/.fhir/packages or $FHIR_PACKAGE_CACHE). */
  fhirCache?: string;
  /** IG source folders: conformance resources anywhere inside, dependencies from their package.json. */
  workspaces?: readonly string[];
  /** Wheelhouse's own cache (trimmed core definitions, generated snapshots). */
  cacheDir?: string;
  /** Core StructureDefinitions already loaded (tests share one copy). */
  core?: readonly StructureDefinition[];
  /** FHIR XML -> JSON, for XML files in workspaces. */
  xmlToJson?: XmlToJson;
}

export interface LoadedPackageInfo {
  id: string;
  version: string;
  source: string;
  resources: number;
}

export interface LoadedConformance {
  store: ConformanceStore;
  issues: PackageIssue[];
  packages: LoadedPackageInfo[];
  /** Snapshot cache key of the loaded definitions, and how many snapshots came from the cache. */
  snapshotCache?: { key: string; loaded: number; cache: SnapshotDiskCache };
}

export function loadConformance(options: LoadConformanceOptions = {}): LoadedConformance {
  const store = new ConformanceStore();
  const issues: PackageIssue[] = [];
  const packages: LoadedPackageInfo[] = [];
  const cache = new FhirPackageCache(options.fhirCache);
  if (options.core) for (const sd of options.core) store.add(sd, { source: 'core' });
  else for (const e of loadCoreDefinitionEntries(options.cacheDir ? { cacheDir: options.cacheDir } : {})) store.addLazy(e.url, 'StructureDefinition', e.version || undefined, { source: 'core' }, e.load);

  const loaded = new Set<string>();
  const reported = new Set<string>();
  const queue: { spec: PackageSpec; neededBy: string }[] = [];

  const addManifestDependencies = (manifest: PackageManifest | undefined, neededBy: string): void => {
    for (const [id, version] of Object.entries(manifest?.dependencies ?? {})) {
      if (!CORE_PACKAGES.has(id)) queue.push({ spec: { id, version }, neededBy });
    }
  };

  const addResources = (found: { resource: Parameters<ConformanceStore['add']>[0]; file?: string }[], source: string): number => {
    for (const f of found) store.add(f.resource, f.file ? { source, file: f.file } : { source });
    return found.length;
  };

  for (const entry of options.packages ?? []) {
    const asPath = resolve(entry);
    if (entry.endsWith('.tgz') || entry.endsWith('.tar.gz')) {
      if (!existsSync(asPath)) {
        issues.push({ code: 'unreadable-file', severity: 'error', subject: entry, message: `Package file ${entry} does not exist` });
        continue;
      }
      try {
        const contents = readTgz(asPath);
        const id = contents.manifest?.name ?? basename(entry);
        const version = contents.manifest?.version ?? '';
        loaded.add(`${id}#${version}`);
        const resources = contents.files.flatMap((f) => conformanceResourcesIn(parseJsonResource(f.text)).map((resource) => ({ resource, file: f.name })));
        packages.push({ id, version, source: entry, resources: addResources(resources, `${id}#${version}`) });
        addManifestDependencies(contents.manifest, `${id}#${version}`);
      } catch (error) {
        issues.push({ code: 'invalid-package', severity: 'error', subject: entry, message: `Cannot read package file ${entry}: ${error instanceof Error ? error.message : String(error)}` });
      }
      continue;
    }
    if (existsSync(asPath) && statSync(asPath).isDirectory()) {
      const dir = existsSync(join(asPath, 'package', 'package.json')) ? join(asPath, 'package') : asPath;
      const manifest = readManifest(join(dir, 'package.json'));
      const id = manifest?.name ?? basename(asPath);
      const version = manifest?.version ?? '';
      loaded.add(`${id}#${version}`);
      packages.push({ id, version, source: entry, resources: addResources(readPackageFolder(dir), `${id}#${version}`) });
      addManifestDependencies(manifest, `${id}#${version}`);
      continue;
    }
    try {
      queue.push({ spec: parsePackageSpec(entry), neededBy: 'the command line' });
    } catch (error) {
      if (!(error instanceof PackageSpecError)) throw error;
      issues.push({ code: 'invalid-package', severity: 'error', subject: entry, message: error.message });
    }
  }

  for (const folder of options.workspaces ?? []) {
    const root = resolve(folder);
    const { resources, unreadable } = readWorkspace(root, options.xmlToJson);
    const manifest = readManifest(join(root, 'package.json'));
    const source = `workspace:${folder}`;
    addResources(resources, source);
    packages.push({ id: manifest?.name ?? basename(root), version: manifest?.version ?? '', source, resources: resources.length });
    addManifestDependencies(manifest, manifest?.name ? `${manifest.name} (${folder}/package.json)` : `${folder}/package.json`);
    for (const file of unreadable) issues.push({ code: 'unreadable-file', severity: 'warning', subject: file, message: `Cannot read ${file}` });
  }

  while (queue.length > 0) {
    const { spec, neededBy } = queue.shift()!;
    if (CORE_PACKAGES.has(spec.id)) continue;
    const found = cache.find(spec.id, spec.version);
    if (!found) {
      const name = formatPackageSpec(spec);
      if (!reported.has(name)) {
        reported.add(name);
        issues.push(missingDependency(name, neededBy, cache.dir));
      }
      continue;
    }
    const key = `${found.id}#${found.version}`;
    if (loaded.has(key)) continue;
    loaded.add(key);
    packages.push({ id: found.id, version: found.version, source: cache.folderFor(found.id, found.version), resources: addResources(readPackageFolder(found.dir), key) });
    addManifestDependencies(found.manifest, key);
  }

  const result: LoadedConformance = { store, issues, packages };
  if (options.cacheDir) {
    const snapshotCache = new SnapshotDiskCache(join(options.cacheDir, 'snapshots'));
    const key = snapshotCacheKey(store);
    result.snapshotCache = { key, loaded: snapshotCache.load(store, key), cache: snapshotCache };
  }
  return result;
}

function readManifest(file: string): PackageManifest | undefined {
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as PackageManifest;
  } catch {
    return undefined;
  }
}
