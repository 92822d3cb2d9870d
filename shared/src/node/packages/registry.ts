/**
 * Node adapter: installs FHIR packages from an NPM-style FHIR package registry (packages.fhir.org
 * and packages2.fhir.org speak it: GET <registry>/<id> lists versions with `dist.tarball` URLs) into
 * a package cache laid out like ~/.fhir/packages. Dependencies are installed too.
 */
import { existsSync, mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, normalize } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { parseTar } from 'nanotar';
import { bestVersion, CORE_PACKAGES, parsePackageSpec, type PackageManifest } from '../../packages/spec.js';
import { FhirPackageCache } from './cache.js';

export const DEFAULT_REGISTRY = 'https://packages.fhir.org';

export interface InstallOptions {
  registry?: string;
  fhirCache?: string;
  /** Also install package.json dependencies (default true; the core package is never installed). */
  dependencies?: boolean;
  fetch?: typeof fetch;
  /** Progress lines ("installed x#y"). */
  log?: (line: string) => void;
}

export interface InstalledPackage {
  id: string;
  version: string;
  dir: string;
  alreadyInstalled: boolean;
}

export class RegistryError extends Error {
  override readonly name = 'RegistryError';
  readonly url: string;
  readonly status: number | undefined;
  constructor(message: string, url: string, status?: number) {
    super(message);
    this.url = url;
    this.status = status;
  }
}

interface RegistryListing {
  name?: string;
  'dist-tags'?: Record<string, string>;
  versions?: Record<string, { version?: string; dist?: { tarball?: string } }>;
}

async function fetchOk(fetcher: typeof fetch, url: string, what: string): Promise<Response> {
  let response: Response;
  try {
    response = await fetcher(url, { headers: { accept: 'application/json, application/gzip, */*' } });
  } catch (error) {
    throw new RegistryError(`Cannot reach the FHIR package registry for ${what} (${url}): ${error instanceof Error ? error.message : String(error)}. Check the network or set --registry.`, url);
  }
  if (!response.ok) {
    const hint = response.status === 404 ? ' (no such package or version on this registry)' : '';
    throw new RegistryError(`The FHIR package registry answered ${response.status} for ${what} (${url})${hint}`, url, response.status);
  }
  return response;
}

/** Unpacks a package tarball into `<cache>/<id>#<version>/` atomically (temp folder, then rename). */
function unpack(tgz: Uint8Array, target: string): void {
  const tar = new Uint8Array(gunzipSync(tgz));
  const entries = parseTar(tar.slice());
  const tmp = `${target}.tmp-${process.pid}-${Date.now()}`;
  mkdirSync(tmp, { recursive: true });
  try {
    for (const entry of entries) {
      if (entry.type !== 'file' && entry.type !== undefined) continue;
      const rel = normalize(entry.name.replace(/^\.?\/+/, ''));
      // Refuse entries that would escape the package folder.
      if (rel.startsWith('..') || rel.startsWith('/') || rel.includes('\0')) continue;
      const file = join(tmp, rel);
      mkdirSync(dirname(file), { recursive: true });
      writeFileSync(file, entry.data ?? new Uint8Array());
    }
    if (!existsSync(join(tmp, 'package', 'package.json'))) {
      throw new RegistryError(`The downloaded tarball has no package/package.json: it is not a FHIR package`, target);
    }
    rmSync(target, { recursive: true, force: true });
    renameSync(tmp, target);
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}

/** Installs `id[#version]` (and its dependencies) into the cache; skips what is already there. */
export async function installPackage(specText: string, options: InstallOptions = {}): Promise<InstalledPackage[]> {
  const registry = (options.registry ?? DEFAULT_REGISTRY).replace(/\/+$/, '');
  const fetcher = options.fetch ?? fetch;
  const cache = new FhirPackageCache(options.fhirCache);
  const installed: InstalledPackage[] = [];
  const queue = [parsePackageSpec(specText)];
  const done = new Set<string>();
  while (queue.length > 0) {
    const spec = queue.shift()!;
    if (done.has(`${spec.id}#${spec.version ?? ''}`)) continue;
    done.add(`${spec.id}#${spec.version ?? ''}`);
    const present = spec.version && !spec.version.includes('x') && spec.version !== 'latest' ? cache.find(spec.id, spec.version) : undefined;
    let id = spec.id;
    let version: string;
    let manifest: PackageManifest | undefined;
    if (present) {
      version = present.version;
      manifest = present.manifest;
      installed.push({ id, version, dir: cache.folderFor(id, version), alreadyInstalled: true });
    } else {
      const listingUrl = `${registry}/${encodeURIComponent(spec.id)}`;
      const listing = (await (await fetchOk(fetcher, listingUrl, spec.id)).json()) as RegistryListing;
      const versions = Object.keys(listing.versions ?? {});
      const wanted = !spec.version || spec.version === 'latest' ? (listing['dist-tags']?.['latest'] ?? spec.version) : spec.version;
      const chosen = bestVersion(wanted, versions);
      if (!chosen) {
        throw new RegistryError(`${spec.id} has no version matching ${spec.version ?? 'latest'} on ${registry} (available: ${versions.join(', ') || 'none'})`, listingUrl);
      }
      version = chosen;
      id = listing.name ?? spec.id;
      const target = cache.folderFor(id, version);
      if (existsSync(join(target, 'package', 'package.json'))) {
        installed.push({ id, version, dir: target, alreadyInstalled: true });
      } else {
        const tarballUrl = listing.versions?.[version]?.dist?.tarball ?? `${registry}/${encodeURIComponent(id)}/${encodeURIComponent(version)}`;
        const bytes = new Uint8Array(await (await fetchOk(fetcher, tarballUrl, `${id}#${version}`)).arrayBuffer());
        mkdirSync(cache.dir, { recursive: true });
        unpack(bytes, target);
        installed.push({ id, version, dir: target, alreadyInstalled: false });
        options.log?.(`installed ${id}#${version} into ${target}`);
      }
      manifest = cache.find(id, version)?.manifest;
    }
    if (options.dependencies !== false) {
      for (const [depId, depVersion] of Object.entries(manifest?.dependencies ?? {})) {
        if (!CORE_PACKAGES.has(depId)) queue.push({ id: depId, version: depVersion });
      }
    }
  }
  return installed;
}
