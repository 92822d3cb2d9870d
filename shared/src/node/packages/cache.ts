/**
 * Node adapter: a FHIR package cache laid out like `~/.fhir/packages` (`<id>#<version>/package/...`),
 * as the HL7 tools, SUSHI and Firely Terminal share it.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { bestVersion, type PackageManifest } from '../../packages/spec.js';

export function defaultFhirCacheDir(): string {
  return process.env['FHIR_PACKAGE_CACHE'] ?? join(homedir(), '.fhir', 'packages');
}

export interface CachedPackage {
  id: string;
  version: string;
  /** The `package/` folder. */
  dir: string;
  manifest: PackageManifest;
}

export class FhirPackageCache {
  readonly dir: string;
  constructor(dir: string = defaultFhirCacheDir()) {
    this.dir = dir;
  }

  /** Installed versions of a package id. */
  versions(id: string): string[] {
    if (!existsSync(this.dir)) return [];
    const prefix = `${id}#`;
    return readdirSync(this.dir)
      .filter((name) => name.startsWith(prefix) && existsSync(join(this.dir, name, 'package', 'package.json')))
      .map((name) => name.slice(prefix.length));
  }

  /** The installed package best matching `version` (exact, wildcard or latest). */
  find(id: string, version?: string): CachedPackage | undefined {
    const chosen = bestVersion(version, this.versions(id));
    if (!chosen) return undefined;
    const dir = join(this.dir, `${id}#${chosen}`, 'package');
    let manifest: PackageManifest;
    try {
      manifest = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as PackageManifest;
    } catch {
      return undefined;
    }
    return { id, version: chosen, dir, manifest };
  }

  /** Folder a package version is installed into. */
  folderFor(id: string, version: string): string {
    return join(this.dir, `${id}#${version}`);
  }
}
