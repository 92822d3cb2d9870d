/**
 * `wheelhouse catalogue check`, as pure logic: manifests in, located findings out. Runs in CI on every
 * pull request to the catalogue, so the messages are written for a contributor who has never seen the code.
 */
import type { z } from 'zod';
import { parseManifest, MAX_MANIFEST_BYTES, type ManifestSource, type ParsedManifest, type Position } from './parse.js';
import { canonicalGitHubSlug, canonicalRepoUrl, repoUrlShapeProblem } from './repo-url.js';
import { ComponentSchema, type Component } from './schema.js';
import { checkLicence } from './spdx.js';
import { KNOWN_NHS_SERVICES, KNOWN_NHS_STANDARDS } from './vocabulary.js';

export const CHECK_RULES = {
  'yaml-syntax': 'The file is not valid YAML.',
  'manifest-too-large': `A manifest is larger than ${MAX_MANIFEST_BYTES / 1024} KB.`,
  schema: 'A field is missing, unknown, or has a value the manifest schema does not allow.',
  'id-file-name': 'The id differs from the file name.',
  'id-unique': 'Two manifests share an id.',
  'licence-spdx': 'legal.license is not a valid SPDX licence expression.',
  'licence-unclear': 'legal.license is NOASSERTION: buyers see "licence unclear".',
  'licence-deprecated': 'legal.license uses a deprecated SPDX id.',
  'licence-mismatch': 'The licence GitHub detects differs from legal.license.',
  'url-shape': 'The repository URL is not the plain root URL of a repository.',
  'duplicate-repo': 'Two manifests describe the same repository (case, .git, www, renames and mirrors ignored).',
  'fork-of-listed': 'The repository is a fork of one already listed.',
  vocabulary: 'A service or standard looks like a misspelling of a known one.',
  'archived-not-obsolete': 'GitHub says the repository is archived but developmentStatus is not obsolete.',
} as const;

export type CheckRuleId = keyof typeof CHECK_RULES;
export type CheckSeverity = 'error' | 'warning';

export interface CheckIssue extends Position {
  readonly ruleId: CheckRuleId;
  readonly severity: CheckSeverity;
  /** ManifestSource.path of the manifest. */
  readonly file: string;
  readonly message: string;
}

export interface CheckResult {
  readonly issues: readonly CheckIssue[];
  /** Manifests that passed the schema (even if other checks failed), sorted by id. */
  readonly components: readonly Component[];
  readonly errorCount: number;
  readonly warningCount: number;
}

/** File name without directories or the .yaml/.yml extension. */
export function manifestBaseName(path: string): string {
  const name = path.split(/[\\/]/).pop() ?? path;
  return name.replace(/\.ya?ml$/i, '');
}

function zodMessage(issue: z.core.$ZodIssue): string {
  if (issue.code === 'invalid_union') {
    // Open vocabularies are enum | plain text: the plain-text branch says what is wrong.
    const branches = issue.errors;
    const last = branches[branches.length - 1];
    const first = last?.[0];
    if (first) return zodMessage(first);
  }
  return issue.message;
}

function pathText(path: readonly PropertyKey[]): string {
  return path.map((p, i) => (typeof p === 'number' ? `[${p}]` : `${i === 0 ? '' : '.'}${String(p)}`)).join('');
}

const KNOWN_VOCABULARY: readonly string[] = [...KNOWN_NHS_SERVICES, ...KNOWN_NHS_STANDARDS];

function editDistance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let previous = row[0] ?? 0;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const saved = row[j] ?? 0;
      row[j] = Math.min(saved + 1, (row[j - 1] ?? 0) + 1, previous + (a[i - 1] === b[j - 1] ? 0 : 1));
      previous = saved;
    }
  }
  return row[b.length] ?? 0;
}

/** The known spelling `value` probably meant, when it is not already known. */
export function nearVocabulary(value: string): string | undefined {
  if (KNOWN_VOCABULARY.includes(value)) return undefined;
  const squash = (s: string) => s.toLowerCase().replace(/[\s._-]/g, '');
  const v = squash(value);
  for (const known of KNOWN_VOCABULARY) {
    const k = squash(known);
    if (v === k || (k.length >= 4 && editDistance(v, k) <= 1)) return known;
  }
  return undefined;
}

interface Seen {
  readonly file: string;
  readonly position: Position;
}

/** Checks a set of manifests together (ids and repositories must be unique across the set). Never throws on bad input. */
export function checkCatalogue(sources: readonly ManifestSource[]): CheckResult {
  const issues: CheckIssue[] = [];
  const components: Component[] = [];
  const report = (file: string, at: Position, ruleId: CheckRuleId, severity: CheckSeverity, message: string) =>
    issues.push({ file, line: at.line, column: at.column, ruleId, severity, message });

  const parsed: { manifest: ParsedManifest; component: Component }[] = [];
  for (const source of [...sources].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0))) {
    if (source.text.length > MAX_MANIFEST_BYTES) {
      report(source.path, { line: 1, column: 1 }, 'manifest-too-large', 'error', `manifest is ${source.text.length} bytes; the limit is ${MAX_MANIFEST_BYTES}`);
      continue;
    }
    const manifest = parseManifest(source);
    for (const e of manifest.syntaxErrors) report(source.path, e, 'yaml-syntax', 'error', e.message);
    if (manifest.syntaxErrors.length > 0) continue;
    const result = ComponentSchema.safeParse(manifest.value);
    if (!result.success) {
      const reportedPaths = new Set<string>();
      for (const issue of result.error.issues) {
        // One finding per value: a bad URL fails several checks that say the same thing.
        const key = JSON.stringify(issue.path.map(String));
        if (issue.code !== 'unrecognized_keys') {
          if (reportedPaths.has(key)) continue;
          reportedPaths.add(key);
        }
        if (issue.code === 'unrecognized_keys') {
          for (const key of issue.keys) {
            const where = pathText([...issue.path, key]);
            report(source.path, manifest.locate(issue.path, key), 'schema', 'error', `${where}: unknown field (not in the manifest schema)`);
          }
          continue;
        }
        const where = issue.path.length > 0 ? pathText(issue.path) : '(manifest)';
        report(source.path, manifest.locate(issue.path), 'schema', 'error', `${where}: ${zodMessage(issue)}`);
      }
      continue;
    }
    parsed.push({ manifest, component: result.data });
  }

  const ids = new Map<string, Seen>();
  const repos = new Map<string, Seen & { id: string }>();
  for (const { manifest, component } of parsed) {
    const file = manifest.source.path;
    const idAt = manifest.locate(['id']);
    const expected = manifestBaseName(file);
    if (component.id !== expected) {
      report(file, idAt, 'id-file-name', 'error', `id "${component.id}" must equal the file name "${expected}" (rename the file or the id)`);
    }
    const sameId = ids.get(component.id);
    if (sameId) {
      report(file, idAt, 'id-unique', 'error', `id "${component.id}" is already used by ${sameId.file}:${sameId.position.line}`);
    } else {
      ids.set(component.id, { file, position: idAt });
    }

    const licenceAt = manifest.locate(['legal', 'license']);
    const verdict = checkLicence(component.legal.license);
    if (verdict.kind === 'invalid') report(file, licenceAt, 'licence-spdx', 'error', `legal.license: ${verdict.message}; see https://spdx.org/licenses/`);
    if (verdict.kind === 'unclear') {
      report(file, licenceAt, 'licence-unclear', 'warning', 'legal.license is NOASSERTION: buyers are shown "licence unclear"; ask the maintainers to add a LICENSE file');
    }
    if (verdict.kind === 'deprecated') {
      report(file, licenceAt, 'licence-deprecated', 'warning', `legal.license uses deprecated SPDX id(s) ${verdict.deprecated.join(', ')} (e.g. GPL-3.0 is now GPL-3.0-only or GPL-3.0-or-later)`);
    }

    const urlAt = manifest.locate(['url']);
    const shape = repoUrlShapeProblem(component.url);
    if (shape) report(file, urlAt, 'url-shape', shape.severity, `url: ${shape.message}`);

    // The same repository under another spelling, a rename (crawl.repository) or a mirror is a duplicate.
    const identities = new Set<string>();
    const canonical = canonicalRepoUrl(component.url);
    if (canonical) identities.add(canonical);
    if (component.crawl) identities.add(canonicalGitHubSlug(component.crawl.repository));
    if (component.crawl?.mirrorUrl) {
      const mirrorOf = canonicalRepoUrl(component.crawl.mirrorUrl);
      if (mirrorOf) identities.add(mirrorOf);
    }
    let duplicateReported = false;
    for (const identity of identities) {
      const first = repos.get(identity);
      if (first && first.id !== component.id) {
        if (!duplicateReported) {
          report(file, urlAt, 'duplicate-repo', 'error', `same repository as "${first.id}" (${first.file}:${first.position.line}); keep one manifest`);
          duplicateReported = true;
        }
      } else if (!first) {
        repos.set(identity, { file, position: urlAt, id: component.id });
      }
    }

    component.nhs.services.forEach((s, i) => {
      const near = nearVocabulary(s);
      if (near) report(file, manifest.locate(['nhs', 'services', i]), 'vocabulary', 'warning', `nhs.services: "${s}" looks like "${near}"; use the known spelling so matching finds it`);
    });
    component.nhs.standards.forEach((s, i) => {
      const near = nearVocabulary(s);
      if (near) report(file, manifest.locate(['nhs', 'standards', i]), 'vocabulary', 'warning', `nhs.standards: "${s}" looks like "${near}"; use the known spelling so matching finds it`);
    });

    if (component.crawl) {
      const detected = component.crawl.licence;
      if (detected !== null && detected !== component.legal.license && component.legal.license !== 'NOASSERTION' && detected !== 'NOASSERTION') {
        report(file, licenceAt, 'licence-mismatch', 'warning', `GitHub detects ${detected} but legal.license says ${component.legal.license}; check the LICENSE file`);
      }
      if (component.crawl.archived && component.developmentStatus !== 'obsolete') {
        report(file, manifest.locate(['developmentStatus']), 'archived-not-obsolete', 'warning', `the repository is archived on GitHub; set developmentStatus: obsolete`);
      }
    }
    components.push(component);
  }

  // Forks: a listed repository whose upstream is also listed (after all identities are known).
  for (const { manifest, component } of parsed) {
    const parent = component.crawl?.parent;
    if (!parent) continue;
    const upstream = repos.get(canonicalGitHubSlug(parent));
    if (upstream && upstream.id !== component.id) {
      report(manifest.source.path, manifest.locate(['url']), 'fork-of-listed', 'warning', `this repository is a fork of ${parent}, listed as "${upstream.id}" (${upstream.file}:${upstream.position.line}); list the fork only if it is maintained separately`);
    }
  }

  issues.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : a.line - b.line || a.column - b.column));
  components.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const errorCount = issues.filter((i) => i.severity === 'error').length;
  return { issues, components, errorCount, warningCount: issues.length - errorCount };
}

/** `file:line:col: severity rule-id: message`, one per line, as compilers print them. */
export function formatCheckIssue(issue: CheckIssue): string {
  return `${issue.file}:${issue.line}:${issue.column}: ${issue.severity} ${issue.ruleId}: ${issue.message}`;
}
