/**
 * NHS identifier systems and terminology system URIs. Registered identifier systems:
 * https://simplifier.net/guide/UKNamingSystems/Home/Identifiersystems/IndexofIdentifierNamingsystems,
 * https://github.com/HL7-UK/System-Identifiers; SNOMED CT in FHIR: https://hl7.org/fhir/R4/snomedct.html
 */
import { editDistance, type Finding } from './finding.js';
import { SNOMED_SYSTEM } from './snomed.js';

const NHS_ID = 'https://fhir.nhs.uk/Id/';
const HL7UK_ID = 'https://fhir.hl7.org.uk/Id/';

/** Identifier systems registered for NHS/UK use. */
export const REGISTERED_IDENTIFIER_SYSTEMS: readonly string[] = [
  ...[
    'nhs-number',
    'ods-organization-code',
    'ods-site-code',
    'sds-user-id',
    'sds-role-profile-id',
    'spine-ASID',
    'nhsSpineASID',
    'prescription-order-number',
    'prescription-order-item-number',
    'prescription',
    'UBRN',
    'nhs-login-sub',
  ].map((name) => NHS_ID + name),
  ...['gmc-number', 'gmp-number', 'gphc-number', 'nmc-number', 'hcpc-number', 'gdc-number', 'din-number'].map(
    (name) => HL7UK_ID + name,
  ),
];

const ODS_SYSTEMS = new Set([`${NHS_ID}ods-organization-code`, `${NHS_ID}ods-site-code`]);
export const NHS_NUMBER_OID = 'urn:oid:2.16.840.1.113883.2.1.4.1';
export const SNOMED_OID = 'urn:oid:2.16.840.1.113883.6.96';
export const DMD_SYSTEM = 'https://dmd.nhs.uk';
export const READ_SYSTEMS: Readonly<Record<string, string>> = {
  'http://read.info/readv2': 'Read v2 had its last release in April 2016',
  'http://read.info/ctv3': 'CTV3 (Read v3) was retired after the April 2018 release',
};

const READ_BY_SYSTEM = new Map(Object.entries(READ_SYSTEMS));
/** What a near-miss of the SNOMED CT or dm+d system contains (case-insensitive; toLowerCase also turns the Kelvin sign into k), or the SNOMED OID. */
const MAY_BE_SNOMED_OR_DMD = /snomed|sct|dmd\.nhs\.u[k\u212A]|2\.16\.840\.1\.113883\.6\.96/i;

/** Folds the differences that make a near-miss an error: case, trailing '/', http vs https, legacy domains. */
function fold(uri: string): string {
  return uri
    .trim()
    .toLowerCase()
    .replace(/\/+$/, '')
    .replace(/^http:\/\//, 'https://')
    .replace(/^https:\/\/fhir\.nhs\.net\//, 'https://fhir.nhs.uk/');
}

const FOLDED = new Map(REGISTERED_IDENTIFIER_SYSTEMS.map((s) => [fold(s), s]));

function systemFinding(
  value: string,
  canonical: string,
  severity: 'error' | 'warning',
  reason: string,
): Finding {
  const ods = ODS_SYSTEMS.has(canonical) && severity === 'error';
  return {
    ruleId: ods ? 'ods-system-uri' : 'nhs-identifier-system',
    severity,
    message: `Identifier system "${value}" ${reason}; use ${canonical}.`,
    fix: { title: `Use ${canonical}`, replacement: canonical },
    data: { canonical },
  };
}

// checkIdentifierSystem is pure and slow for an unregistered system (folding regexes, then an edit distance
// to every registered one), and runs twice per Identifier (nhs-identifier-system, ods-system-uri) on systems
// that repeat across a document: answers are kept per value (issue 3; bounded like canonical answers).
const systemAnswers = new Map<string, readonly Finding[]>();
const SYSTEM_CACHE_LIMIT = 10_000;

/** Runs nhs-identifier-system and ods-system-uri on an Identifier.system. Unknown, far-off systems give nothing. */
export function checkIdentifierSystem(value: string): Finding[] {
  let findings = systemAnswers.get(value);
  if (!findings) {
    findings = identifierSystemFindings(value);
    if (systemAnswers.size >= SYSTEM_CACHE_LIMIT) systemAnswers.clear();
    systemAnswers.set(value, findings);
  }
  // A fresh array per call: callers own what they get (the findings themselves are not changed).
  return findings.length === 0 ? [] : [...findings];
}

function identifierSystemFindings(value: string): Finding[] {
  if (REGISTERED_IDENTIFIER_SYSTEMS.includes(value)) return [];
  if (value === NHS_NUMBER_OID) {
    return [
      systemFinding(
        value,
        `${NHS_ID}nhs-number`,
        'warning',
        'is the NHS number OID; FHIR prefers the URI form',
      ),
    ];
  }
  const professional = /^https?:\/\/fhir\.nhs\.(?:uk|net)\/Id\/(gmc-number|gmp-number)\/?$/i.exec(value);
  if (professional?.[1] !== undefined) {
    const canonical = HL7UK_ID + professional[1].toLowerCase();
    return [
      systemFinding(
        value,
        canonical,
        'error',
        'is on the wrong domain: GMC and GMP numbers live under fhir.hl7.org.uk',
      ),
    ];
  }
  const folded = fold(value);
  const exact = FOLDED.get(folded);
  if (exact !== undefined) {
    const reason = /fhir\.nhs\.net/i.test(value)
      ? 'uses the legacy DSTU2 domain fhir.nhs.net'
      : 'differs from the registered URI (URIs are case-sensitive and a trailing "/" or http/https makes a different URI)';
    return [systemFinding(value, exact, 'error', reason)];
  }
  const american = FOLDED.get(folded.replace('organisation', 'organization'));
  if (american !== undefined) {
    return [
      systemFinding(
        value,
        american,
        'error',
        'uses the British spelling "organisation"; the UK Core profile fixes "organization"',
      ),
    ];
  }
  if (/^https?:\/\/fhir\.nhs\.net\/Id\//i.test(value)) {
    return [
      {
        ruleId: 'nhs-identifier-system',
        severity: 'warning',
        message: `Identifier system "${value}" uses the legacy DSTU2 domain fhir.nhs.net and matches no registered system.`,
      },
    ];
  }
  let best: { system: string; distance: number } | undefined;
  for (const system of REGISTERED_IDENTIFIER_SYSTEMS) {
    const distance = editDistance(value, system, 3);
    if (distance <= 3 && (best === undefined || distance < best.distance)) best = { system, distance };
  }
  if (best !== undefined) {
    return [
      {
        ruleId: 'nhs-identifier-system',
        severity: 'warning',
        message: `Identifier system "${value}" is not registered; did you mean ${best.system}?`,
        fix: { title: `Use ${best.system}`, replacement: best.system },
        data: { canonical: best.system },
      },
    ];
  }
  return [];
}

/** Runs snomed-system-uri, dmd-system-uri and read-code-deprecated on a Coding.system. */
export function checkCodingSystem(value: string): Finding[] {
  if (value === SNOMED_SYSTEM || value === DMD_SYSTEM) return [];
  const read = READ_BY_SYSTEM.get(value);
  if (read !== undefined) {
    return [
      {
        ruleId: 'read-code-deprecated',
        severity: 'warning',
        message: `${value}: ${read}; code with SNOMED CT (${SNOMED_SYSTEM}) instead.`,
      },
    ];
  }
  // Every finding below needs one of these in the value (most systems, LOINC, UCUM, ..., have none).
  if (!MAY_BE_SNOMED_OR_DMD.test(value)) return [];
  const snomed = (message: string, data?: Record<string, unknown>): Finding[] => [
    {
      ruleId: 'snomed-system-uri',
      severity: 'error',
      message: `SNOMED CT system "${value}" ${message}; the only SNOMED CT system URI is ${SNOMED_SYSTEM}.`,
      fix: { title: `Use ${SNOMED_SYSTEM}`, replacement: SNOMED_SYSTEM },
      ...(data ? { data } : {}),
    },
  ];
  const trimmed = value.trim();
  const lower = trimmed.toLowerCase().replace(/\/+$/, '');
  const edition = /^https?:\/\/snomed\.info\/sct\/([0-9]+(?:\/version\/[0-9]{8})?)\/?$/i.exec(trimmed);
  if (edition?.[1] !== undefined) {
    const version = `${SNOMED_SYSTEM}/${edition[1]}`;
    return snomed(`is an edition or version URI, which belongs in Coding.version ("${version}")`, {
      version,
    });
  }
  if (lower === 'http://snomed.info/sct' || lower === 'https://snomed.info/sct') {
    return snomed('differs by case, scheme or a trailing "/"');
  }
  if (/^(snomed|snomed[ -_]?ct|sct|snomedct)$/i.test(trimmed)) return snomed('is a name, not a URI');
  if (trimmed === SNOMED_OID) return snomed('is the SNOMED CT OID');
  if (/^https?:\/\/snomed\.info\/id\/?$/i.test(trimmed))
    return snomed('is the component URI namespace, not the code system');
  const dmd = lower.replace(/^http:\/\//, 'https://');
  if (dmd === DMD_SYSTEM) {
    return [
      {
        ruleId: 'dmd-system-uri',
        severity: 'error',
        message: `dm+d system "${value}" must be exactly ${DMD_SYSTEM} (UK Core) or ${SNOMED_SYSTEM} (EPS).`,
        fix: { title: `Use ${DMD_SYSTEM}`, replacement: DMD_SYSTEM },
      },
    ];
  }
  return [];
}
