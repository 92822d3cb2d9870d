/**
 * ODS codes: opaque 3–12 character alphanumerics, no check digit (NHS Data Dictionary, GP data set
 * "Organisation"; organisation and site coding frames).
 */
import type { Finding } from './finding.js';

export const ODS_ORGANIZATION_SYSTEM = 'https://fhir.nhs.uk/Id/ods-organization-code';
export const ODS_SITE_SYSTEM = 'https://fhir.nhs.uk/Id/ods-site-code';

export type OdsShape = 'nhs-trust' | 'nhs-trust-site' | 'gp-practice' | 'pharmacy' | 'other';

/** A hint only: which common coding frame a (valid, upper-case) code looks like. */
export function odsCodeShape(code: string): OdsShape {
  if (/^R[A-Z0-9]{2}$/.test(code)) return 'nhs-trust';
  if (/^R[A-Z0-9]{2}[0-9]{2}$/.test(code)) return 'nhs-trust-site';
  if (/^F[A-Z0-9]{4}$/.test(code)) return 'pharmacy';
  if (/^[A-Z][0-9]{5}$/.test(code)) return 'gp-practice';
  return 'other';
}

const SHAPE_LABEL: Record<OdsShape, string> = {
  'nhs-trust': 'an NHS trust code (R + 2)',
  'nhs-trust-site': 'an NHS trust site code (trust code + 2 digits)',
  'gp-practice': 'a GP practice code (letter + 5 digits)',
  pharmacy: 'a pharmacy code (F + 4)',
  other: 'none of the common shapes (trust R+2, trust site, GP practice letter+5 digits, pharmacy F+4)',
};

/** Runs ods-code-format and ods-code-shape on an ODS organisation or site code. */
export function checkOdsCode(value: string): Finding[] {
  if (!/^[A-Za-z0-9]{3,12}$/.test(value)) {
    const compact = value.replace(/[\s-]/g, '').toUpperCase();
    const finding: Finding = {
      ruleId: 'ods-code-format',
      severity: 'error',
      message: `ODS code "${value}" must be 3 to 12 letters or digits, with no spaces, hyphens or punctuation.`,
    };
    if (/^[A-Z0-9]{3,12}$/.test(compact)) finding.fix = { title: `Use "${compact}"`, replacement: compact };
    return [finding];
  }
  const upper = value.toUpperCase();
  if (upper !== value) {
    return [
      {
        ruleId: 'ods-code-format',
        severity: 'warning',
        message: `ODS code "${value}" should be upper case ("${upper}").`,
        fix: { title: `Use "${upper}"`, replacement: upper },
      },
    ];
  }
  const shape = odsCodeShape(value);
  return [
    {
      ruleId: 'ods-code-shape',
      severity: 'information',
      message: `ODS code ${value} looks like ${SHAPE_LABEL[shape]}; ODS codes are opaque, so this is only a hint.`,
      data: { shape },
    },
  ];
}
