/** One entry point for `wheelhouse identifier <kind> <value>`: checks a value in the context it appears in. */
import { checkCanonicalUrl } from './canonical.js';
import { checkLongPrescriptionId, checkShortPrescriptionId } from './eps.js';
import { verdictOf, type Finding, type Verdict } from './finding.js';
import { checkNhsNumber } from './nhs-number.js';
import { checkOdsCode } from './ods.js';
import { checkSctid, checkSnomedVersion, SCT_DESCRIPTION_ID_EXTENSION } from './snomed.js';
import { checkCodingSystem, checkIdentifierSystem } from './systems.js';
import { checkUbrn } from './ubrn.js';
import type { UkCoreFacts } from './ukcore-facts.js';
import { checkVerificationStatus } from './verification-status.js';

export const IDENTIFIER_KINDS = [
  'nhs-number',
  'ods-code',
  'sctid',
  'dmd-id',
  'prescription-id-short',
  'prescription-id-long',
  'ubrn',
  'system-uri',
  'canonical-url',
  'nhs-number-verification-status',
  'snomed-version',
] as const;
export type IdentifierKind = (typeof IDENTIFIER_KINDS)[number];

export function isIdentifierKind(kind: string): kind is IdentifierKind {
  return (IDENTIFIER_KINDS as readonly string[]).includes(kind);
}

/** Where the value appears, as test-vectors.json `context` gives it. */
export interface IdentifierContext {
  /** Identifier.system or Coding.system the value sits under. */
  system?: string;
  /** FHIR element path, e.g. `Identifier.system`, `Coding.system`, `meta.profile`, `Coding.extension(<url>).valueId`. */
  element?: string;
  /** Payload FHIR version; default 4.0.1. */
  fhirVersion?: string;
  pdsCompatibility?: boolean;
  ukCore?: UkCoreFacts;
}

export interface IdentifierResult {
  kind: IdentifierKind;
  value: string;
  verdict: Verdict;
  findings: Finding[];
}

function checkSystemUri(value: string, element: string | undefined): Finding[] {
  const el = element?.toLowerCase() ?? '';
  if (el.startsWith('identifier.')) return checkIdentifierSystem(value);
  if (el.startsWith('coding.')) return checkCodingSystem(value);
  // No element given: a value can be judged both ways; keep whichever finds something.
  const asIdentifier = checkIdentifierSystem(value);
  return asIdentifier.length > 0 ? asIdentifier : checkCodingSystem(value);
}

/** Runs every NHS rule that applies to a value of `kind` in `context`. */
export function checkIdentifier(
  kind: IdentifierKind,
  value: string,
  context: IdentifierContext = {},
): IdentifierResult {
  const fhirVersion = context.fhirVersion ?? '4.0.1';
  let findings: Finding[];
  switch (kind) {
    case 'nhs-number':
      findings = checkNhsNumber(value);
      break;
    case 'ods-code':
      findings = checkOdsCode(value);
      break;
    case 'sctid': {
      const description = context.element?.includes(SCT_DESCRIPTION_ID_EXTENSION) ?? false;
      findings = checkSctid(value, { expect: description ? 'description' : 'concept' });
      break;
    }
    case 'dmd-id':
      findings = checkSctid(value, { label: 'dm+d code' });
      break;
    case 'prescription-id-short':
      findings = checkShortPrescriptionId(value);
      break;
    case 'prescription-id-long':
      findings = checkLongPrescriptionId(value);
      break;
    case 'ubrn':
      findings = checkUbrn(value);
      break;
    case 'system-uri':
      findings = checkSystemUri(value, context.element);
      break;
    case 'canonical-url':
      findings = checkCanonicalUrl(value, {
        fhirVersion,
        ...(context.ukCore ? { ukCore: context.ukCore } : {}),
      });
      break;
    case 'nhs-number-verification-status': {
      const bar = value.lastIndexOf('|');
      const system = bar >= 0 ? value.slice(0, bar) : (context.system ?? '');
      const code = bar >= 0 ? value.slice(bar + 1) : value;
      findings = checkVerificationStatus(system, code, {
        fhirVersion,
        pdsCompatibility: context.pdsCompatibility ?? false,
      });
      break;
    }
    case 'snomed-version':
      findings = checkSnomedVersion(value);
      break;
  }
  return { kind, value, verdict: verdictOf(findings), findings };
}
