/**
 * Canonical URLs in meta.profile, extension.url, code systems and bindings: CareConnect (STU3) URLs in
 * R4 content, unknown and retired UK Core canonicals. https://digital.nhs.uk/developer/api-catalogue/care-connect-fhir-standards
 */
import { editDistance, type Finding } from './finding.js';
import type { UkCoreFacts } from './ukcore-facts.js';

export const UKCORE_SD_BASE = 'https://fhir.hl7.org.uk/StructureDefinition/';
const CARECONNECT =
  /^https:\/\/fhir\.(hl7\.org|nhs)\.uk\/(STU3\/)?(StructureDefinition|CodeSystem|ValueSet)\/(Extension-)?CareConnect-(.+)-1$/;

export interface CanonicalContext {
  /** FHIR version of the payload; CareConnect URLs are legitimate in STU3 (3.x). Default 4.0.1. */
  fhirVersion?: string;
  /** UK Core facts; without them unknown/retired checks and CareConnect fixes are skipped. */
  ukCore?: UkCoreFacts;
}

/** True for FHIR STU3 (3.0.x) payloads, where CareConnect is the right profile family. */
export function isStu3(fhirVersion: string | undefined): boolean {
  return fhirVersion !== undefined && /^3\./.test(fhirVersion);
}

/** True when `url` is a CareConnect (STU3) profile, extension, code system or value set URL. */
export function isCareConnectUrl(url: string): boolean {
  return CARECONNECT.test(url);
}

/** The UK Core replacement for a CareConnect StructureDefinition URL, when the facts know one. */
export function ukCoreReplacement(url: string, facts: UkCoreFacts): string | undefined {
  const m = CARECONNECT.exec(url);
  if (!m || m[3] !== 'StructureDefinition') return undefined;
  const name = (m[5] ?? '').replace(/^GPC-/, '');
  if (m[4] === 'Extension-') {
    const candidate = `${UKCORE_SD_BASE}Extension-UKCore-${name}`;
    return facts.canonicals.has(candidate) ? candidate : undefined;
  }
  const mapped = facts.careConnect.get(
    `https://fhir.hl7.org.uk/STU3/StructureDefinition/CareConnect-${name}-1`,
  );
  if (mapped !== undefined) return mapped;
  const candidate = `${UKCORE_SD_BASE}UKCore-${name}`;
  return facts.canonicals.has(candidate) ? candidate : undefined;
}

/** ukcore-deprecated-careconnect only (any URL kind: profile, extension, system, binding). */
export function checkCareConnectUrl(url: string, context: CanonicalContext = {}): Finding[] {
  if (isStu3(context.fhirVersion) || !isCareConnectUrl(url)) return [];
  const finding: Finding = {
    ruleId: 'ukcore-deprecated-careconnect',
    severity: 'warning',
    message: `${url} is a CareConnect (STU3) URL in R4 content; CareConnect is superseded by UK Core.`,
  };
  const replacement = context.ukCore ? ukCoreReplacement(url, context.ukCore) : undefined;
  if (replacement !== undefined) {
    finding.message += ` Use ${replacement}.`;
    finding.fix = { title: `Use ${replacement}`, replacement };
  }
  return [finding];
}

/** Runs ukcore-deprecated-careconnect, ukcore-unknown-canonical and ukcore-retired-asset on a profile/extension URL. */
export function checkCanonicalUrl(url: string, context: CanonicalContext = {}): Finding[] {
  if (isStu3(context.fhirVersion)) return [];
  const careConnect = checkCareConnectUrl(url, context);
  if (careConnect.length > 0) return careConnect;
  const facts = context.ukCore;
  if (facts === undefined) return [];
  const known = facts.canonicals.get(url);
  if (known?.status === 'retired') {
    return [
      {
        ruleId: 'ukcore-retired-asset',
        severity: 'warning',
        message: `${url} is retired in UK Core; do not use it in new content.`,
        data: { status: 'retired' },
      },
    ];
  }
  if (known?.status === 'draft') {
    return [
      {
        ruleId: 'ukcore-retired-asset',
        severity: 'information',
        message: `${url} is a draft UK Core ${known.kind}; it is not in a balloted release and may change.`,
        data: { status: 'draft' },
      },
    ];
  }
  if (known === undefined && url.startsWith(UKCORE_SD_BASE)) {
    const finding: Finding = {
      ruleId: 'ukcore-unknown-canonical',
      severity: 'warning',
      message: `${url} is not a UK Core StructureDefinition.`,
    };
    let nearest: { url: string; distance: number } | undefined;
    // Compare the names after the shared base: the same distance, far less work.
    const name = url.slice(UKCORE_SD_BASE.length);
    for (const candidate of facts.canonicals.keys()) {
      if (!candidate.startsWith(UKCORE_SD_BASE)) continue;
      const distance = editDistance(name, candidate.slice(UKCORE_SD_BASE.length), 6);
      if (distance <= 6 && (nearest === undefined || distance < nearest.distance))
        nearest = { url: candidate, distance };
    }
    if (nearest !== undefined) {
      finding.message += ` Did you mean ${nearest.url}?`;
      finding.fix = { title: `Use ${nearest.url}`, replacement: nearest.url };
    }
    return [finding];
  }
  return [];
}
