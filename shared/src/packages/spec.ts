/**
 * FHIR NPM package names, versions and manifests.
 * Spec: https://confluence.hl7.org/display/FHIR/NPM+Package+Specification
 */

/** `id#version` (or `id@version`); version may be absent, `latest`, or a wildcard such as `1.2.x`. */
export interface PackageSpec {
  id: string;
  version?: string;
}

export interface PackageManifest {
  name: string;
  version?: string;
  fhirVersions?: string[];
  dependencies?: Record<string, string>;
  [key: string]: unknown;
}

/** Packages the core definitions stand in for: no need to load them from a cache. */
export const CORE_PACKAGES: ReadonlySet<string> = new Set(['hl7.fhir.r4.core']);

const ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;

export class PackageSpecError extends Error {
  override readonly name = 'PackageSpecError';
  readonly spec: string;
  constructor(spec: string, reason: string) {
    super(`Invalid package "${spec}": ${reason}. Expected <id>[#<version>], e.g. hl7.fhir.uv.ips#1.1.0`);
    this.spec = spec;
  }
}

export function parsePackageSpec(text: string): PackageSpec {
  const trimmed = text.trim();
  const sep = trimmed.search(/[#@]/);
  const id = sep < 0 ? trimmed : trimmed.slice(0, sep);
  const version = sep < 0 ? undefined : trimmed.slice(sep + 1);
  if (!ID_PATTERN.test(id)) throw new PackageSpecError(text, 'the package id may hold only letters, digits, ".", "-" and "_"');
  if (version !== undefined && !/^[A-Za-z0-9.+_-]+$/.test(version)) throw new PackageSpecError(text, 'the version is empty or holds characters a version cannot');
  return version ? { id, version } : { id };
}

export function formatPackageSpec(spec: PackageSpec): string {
  return spec.version ? `${spec.id}#${spec.version}` : spec.id;
}

function parts(v: string): { nums: number[]; pre: string } {
  const dash = v.indexOf('-');
  const main = dash < 0 ? v : v.slice(0, dash);
  return { nums: main.split('.').map((n) => (/^\d+$/.test(n) ? Number(n) : -1)), pre: dash < 0 ? '' : v.slice(dash + 1) };
}

/** Semver-like order; a pre-release sorts before its release. */
export function compareVersions(a: string, b: string): number {
  const pa = parts(a);
  const pb = parts(b);
  for (let i = 0; i < Math.max(pa.nums.length, pb.nums.length); i++) {
    const d = (pa.nums[i] ?? 0) - (pb.nums[i] ?? 0);
    if (d !== 0) return d;
  }
  if (pa.pre === pb.pre) return 0;
  if (!pa.pre) return 1;
  if (!pb.pre) return -1;
  return pa.pre < pb.pre ? -1 : 1;
}

/** Whether `version` satisfies `wanted` (exact, `latest`/absent = anything, `1.2.x` / `1.x` wildcards). */
export function versionMatches(wanted: string | undefined, version: string): boolean {
  if (!wanted || wanted === 'latest' || wanted === 'current' || wanted === 'dev') return true;
  if (!wanted.includes('x') && !wanted.includes('*')) return wanted === version;
  const w = wanted.split('.');
  const v = version.split('-')[0]?.split('.') ?? [];
  return w.every((part, i) => part === 'x' || part === '*' || part === v[i]);
}

/** The best (highest) of `versions` matching `wanted`. */
export function bestVersion(wanted: string | undefined, versions: readonly string[]): string | undefined {
  if (wanted && versions.includes(wanted)) return wanted;
  const candidates = versions.filter((v) => versionMatches(wanted, v));
  // `latest` prefers releases over pre-releases.
  const releases = candidates.filter((v) => !v.includes('-'));
  const pool = releases.length > 0 ? releases : candidates;
  return pool.sort(compareVersions).at(-1);
}
