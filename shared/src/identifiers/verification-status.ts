/**
 * NHS number verification status (UK Core Extension-UKCore-NHSNumberVerificationStatus, required binding to
 * https://fhir.hl7.org.uk/ValueSet/UKCore-NHSNumberVerificationStatus).
 */
import { checkCareConnectUrl } from './canonical.js';
import type { Finding } from './finding.js';

export const VERIFICATION_STATUS_EXTENSION =
  'https://fhir.hl7.org.uk/StructureDefinition/Extension-UKCore-NHSNumberVerificationStatus';
export const VERIFICATION_STATUS_ENGLAND =
  'https://fhir.hl7.org.uk/CodeSystem/UKCore-NHSNumberVerificationStatusEngland';
export const VERIFICATION_STATUS_WALES =
  'https://fhir.hl7.org.uk/CodeSystem/UKCore-NHSNumberVerificationStatusWales';
export const NULL_FLAVOR = 'http://terminology.hl7.org/CodeSystem/v3-NullFlavor';
export const VERIFICATION_STATUS_RETIRED =
  'https://fhir.hl7.org.uk/CodeSystem/UKCore-NHSNumberVerificationStatus';
export const VERIFICATION_STATUS_CARECONNECT =
  'https://fhir.hl7.org.uk/STU3/CodeSystem/CareConnect-NHSNumberVerificationStatus-1';

const ENGLAND_CODES = ['01', '02', '03', '04', '05', '06', '07', '08'];
/** The value set's contents: system -> allowed codes. */
export const VERIFICATION_STATUS_VALUE_SET: Readonly<Record<string, readonly string[]>> = {
  [VERIFICATION_STATUS_ENGLAND]: ENGLAND_CODES,
  [VERIFICATION_STATUS_WALES]: ['nn', ...ENGLAND_CODES],
  [NULL_FLAVOR]: ['NI'],
};

export interface VerificationStatusContext {
  /** Lower the retired PDS systems to a warning (PDS responses still use them). */
  pdsCompatibility?: boolean;
  fhirVersion?: string;
}

// The retired UK Core code system used kebab-case codes; the same concepts (same displays) are now England 01–08
// and, for the Welsh one, Wales nn.
const RETIRED_CODES: Readonly<Record<string, readonly [string, string]>> = {
  'number-present-and-verified': [VERIFICATION_STATUS_ENGLAND, '01'],
  'number-present-but-not-traced': [VERIFICATION_STATUS_ENGLAND, '02'],
  'trace-required': [VERIFICATION_STATUS_ENGLAND, '03'],
  'trace-attempted': [VERIFICATION_STATUS_ENGLAND, '04'],
  'trace-needs-to-be-resolved': [VERIFICATION_STATUS_ENGLAND, '05'],
  'trace-in-progress': [VERIFICATION_STATUS_ENGLAND, '06'],
  'number-not-present-and-trace-not-required': [VERIFICATION_STATUS_ENGLAND, '07'],
  'trace-postponed': [VERIFICATION_STATUS_ENGLAND, '08'],
  'number-present-and-traced-using-welsh-nhs-ar': [VERIFICATION_STATUS_WALES, 'nn'],
};

function pad(code: string): string {
  return /^[1-8]$/.test(code) ? `0${code}` : code;
}

/** nhs-number-verification-status-code on a Coding (system, code); also flags CareConnect systems in R4. */
export function checkVerificationStatus(
  system: string | undefined,
  code: string | undefined,
  context: VerificationStatusContext = {},
): Finding[] {
  const findings: Finding[] = [];
  const sys = system ?? '';
  const c = code ?? '';
  const allowed = VERIFICATION_STATUS_VALUE_SET[sys];
  const show = `${sys || '(no system)'}|${c || '(no code)'}`;
  const replace = (toSystem: string, toCode: string): Finding['fix'] => ({
    title: `Use ${toSystem}|${toCode}`,
    replacement: `${toSystem}|${toCode}`,
  });
  if (allowed !== undefined) {
    if (!allowed.includes(c)) {
      const finding: Finding = {
        ruleId: 'nhs-number-verification-status-code',
        severity: 'error',
        message: `NHS number verification status ${show} is not in the required value set UKCore-NHSNumberVerificationStatus (England 01–08, Wales nn and 01–08, NullFlavor NI).`,
      };
      if (allowed.includes(pad(c))) finding.fix = replace(sys, pad(c));
      else if (sys === VERIFICATION_STATUS_ENGLAND && c === 'nn')
        finding.fix = replace(VERIFICATION_STATUS_WALES, c);
      findings.push(finding);
    }
  } else {
    const retired = sys === VERIFICATION_STATUS_RETIRED || sys === VERIFICATION_STATUS_CARECONNECT;
    const target: readonly [string, string] | undefined = ENGLAND_CODES.includes(pad(c))
      ? [VERIFICATION_STATUS_ENGLAND, pad(c)]
      : sys === VERIFICATION_STATUS_RETIRED
        ? RETIRED_CODES[c]
        : undefined;
    const lowered = retired && target !== undefined && context.pdsCompatibility === true;
    const finding: Finding = {
      ruleId: 'nhs-number-verification-status-code',
      severity: lowered ? 'warning' : 'error',
      message: retired
        ? `NHS number verification status system ${sys} is retired and outside the required UK Core value set; use ${target ? `${target[0]}|${target[1]}` : VERIFICATION_STATUS_ENGLAND}.${lowered ? ' (Warning only: PDS compatibility is on.)' : ''}`
        : `NHS number verification status ${show} is not from a system in the required value set UKCore-NHSNumberVerificationStatus.`,
    };
    if (target) finding.fix = replace(target[0], target[1]);
    findings.push(finding);
  }
  findings.push(...checkCareConnectUrl(sys, { fhirVersion: context.fhirVersion ?? '4.0.1' }));
  return findings;
}
