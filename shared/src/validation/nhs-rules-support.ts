/**
 * Glue between the pure NHS identifier checks (shared/src/identifiers) and the rule contract: the
 * NHS rule files in rules/ stay a few lines each. Context the NHS rules read from EngineSettings:
 * `fhirVersion` (payload version, e.g. '3.0.2'; default the definitions' version), `pdsCompatibility`,
 * and `ukCore` (UkCoreFacts, loaded by the host from the config's `ukCoreIndex`).
 */
import {
  checkCanonicalUrl,
  checkSctid,
  DMD_SYSTEM,
  SCT_DESCRIPTION_ID_EXTENSION,
  SNOMED_SYSTEM,
  UkCoreIndexError,
  type Finding,
  type UkCoreFacts,
} from '../identifiers/index.js';
import type { Path } from './issue.js';
import type { ElementContext, ResourceContext, Rule } from './rule.js';

/** The payload's FHIR version: settings.fhirVersion (config / --fhir-version) over the definitions' version. */
export function payloadFhirVersion(ctx: ResourceContext): string {
  const v = ctx.settings['fhirVersion'];
  return typeof v === 'string' && v !== '' ? v : ctx.fhirVersion;
}

/**
 * UK Core facts when the host injected them (settings.ukCore). Hosts read and validate the index file
 * (ukCoreFactsFromIndex, loadEngineOptions from @wheelhouse/shared/node) so the engine never loads its zod
 * schema (start-up, issue 3). Anything else throws UkCoreIndexError, which the engine reports as
 * internal-rule-error naming the rule: the UK Core checks are never skipped silently.
 */
export function ukCoreFacts(ctx: ResourceContext): UkCoreFacts | undefined {
  const raw = ctx.settings['ukCore'];
  if (raw === undefined || raw === null) return undefined;
  if (typeof raw === 'object' && (raw as Partial<UkCoreFacts>).canonicals instanceof Map) return raw as UkCoreFacts;
  throw new UkCoreIndexError(
    'settings.ukCore must be UK Core facts built by ukCoreFactsFromIndex (or loadEngineOptions from @wheelhouse/shared/node), not raw ukcore-index/1 JSON',
    ['settings.ukCore: not indexed UK Core facts'],
  );
}

/** Reports the findings of one rule id at `path`; a finding's fix replaces the node at `path`. */
export function reportFindings(
  ctx: ResourceContext,
  ruleId: string,
  findings: readonly Finding[],
  /** Built only when there is something to report (most elements have nothing). */
  path: () => Path,
): void {
  let at: Path | undefined;
  for (const f of findings) {
    if (f.ruleId !== ruleId) continue;
    ctx.report({
      path: (at ??= path()),
      message: f.message,
      severity: f.severity,
      ...(f.fix ? { fix: { title: f.fix.title, replacement: f.fix.replacement } } : {}),
      ...(f.data ? { data: f.data } : {}),
    });
  }
}

/** A string property of a JSON object, or undefined. */
export function str(value: unknown, key: string): string | undefined {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return undefined;
  const v = (value as Record<string, unknown>)[key];
  return typeof v === 'string' ? v : undefined;
}

/** An array property of a JSON object ([] when absent or not an array). */
export function arr(value: unknown, key: string): unknown[] {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return [];
  const v = (value as Record<string, unknown>)[key];
  return Array.isArray(v) ? v : [];
}

/** An Identifier element's system and value, when both sides are strings. */
export function identifierOf(ctx: ElementContext): { system: string | undefined; value: string | undefined } {
  return { system: str(ctx.elementValue, 'system'), value: str(ctx.elementValue, 'value') };
}

/** True when the resource claims (or was asked to conform to) a profile. */
export function hasProfile(ctx: ResourceContext, url: string): boolean {
  return ctx.profiles.some((p) => p === url || p.startsWith(`${url}|`));
}

/**
 * The NHS rules (../shared/domain/NHS-RULES.md) that run in the engine; the HL7 v2, HTTP header and MESH
 * rules are functions in identifiers/ until the server reads those formats.
 */
export const NHS_ENGINE_RULE_IDS: ReadonlySet<string> = new Set([
  'nhs-number-format',
  'nhs-number-checksum',
  'nhs-number-placeholder',
  'nhs-number-test-range',
  'nhs-number-slice',
  'nhs-number-verification-status-missing',
  'nhs-number-verification-status-code',
  'nhs-identifier-system',
  'ods-system-uri',
  'ods-code-format',
  'ods-code-shape',
  'ukcore-ods-slice',
  'snomed-system-uri',
  'sctid-format',
  'sctid-verhoeff',
  'sctid-partition',
  'snomed-version-format',
  'read-code-deprecated',
  'dmd-system-uri',
  'ukcore-deprecated-careconnect',
  'ukcore-unknown-canonical',
  'ukcore-retired-asset',
  'ukcore-required-binding',
  'ukcore-ethnic-category',
  'ukcore-constraint',
  'eps-prescription-id-format',
  'eps-prescription-id-checksum',
  'eps-prescription-id-long-format',
  'eps-bundle-consistency',
  'ers-ubrn-format',
]);

// checkCanonicalUrl answers for several rules (unknown, retired, draft) and the unknown case searches for the
// nearest name (~1 ms): one answer per UK Core facts, FHIR version and URL serves every rule and repeat.
const canonicalAnswers = new WeakMap<UkCoreFacts, Map<string, readonly Finding[]>>();
const CANONICAL_CACHE_LIMIT = 10_000;

/** The element hook of a rule on UK Core canonicals in meta.profile and extension.url. */
export function ukCoreCanonicalCheck(ruleId: string): (ctx: ElementContext) => void {
  return (ctx) => {
    if (typeof ctx.elementValue !== 'string') return;
    if (ctx.elementPath !== 'Meta.profile' && ctx.elementPath !== 'Extension.url') return;
    const facts = ukCoreFacts(ctx);
    if (!facts) return;
    const fhirVersion = payloadFhirVersion(ctx);
    let answers = canonicalAnswers.get(facts);
    if (!answers) canonicalAnswers.set(facts, (answers = new Map<string, readonly Finding[]>()));
    const key = `${fhirVersion}|${ctx.elementValue}`;
    let findings = answers.get(key);
    if (!findings) {
      findings = checkCanonicalUrl(ctx.elementValue, { fhirVersion, ukCore: facts });
      if (answers.size >= CANONICAL_CACHE_LIMIT) answers.clear();
      answers.set(key, findings);
    }
    reportFindings(ctx, ruleId, findings, () => ctx.elementPathInDoc);
  };
}

/**
 * The element hooks of a rule on SCTIDs (sctid-format, sctid-verhoeff, sctid-partition): SNOMED CT and dm+d
 * Coding.code, and the coding-sctdescid extension's description id. checkSctid answers for all three rules.
 */
export function sctidHooks(ruleId: string): NonNullable<Rule['elements']> {
  return {
    Coding(ctx) {
      const system = str(ctx.elementValue, 'system');
      const code = str(ctx.elementValue, 'code');
      if (code === undefined || (system !== SNOMED_SYSTEM && system !== DMD_SYSTEM)) return;
      const label = system === DMD_SYSTEM ? 'dm+d code' : 'SNOMED CT code';
      reportFindings(ctx, ruleId, checkSctid(code, { label }), () => [...ctx.elementPathInDoc, 'code']);
    },
    Extension(ctx) {
      if (str(ctx.elementValue, 'url') !== SCT_DESCRIPTION_ID_EXTENSION) return;
      const id = str(ctx.elementValue, 'valueId');
      if (id === undefined) return;
      const findings = checkSctid(id, { expect: 'description', label: 'SNOMED CT description id' });
      reportFindings(ctx, ruleId, findings, () => [...ctx.elementPathInDoc, 'valueId']);
    },
  };
}
