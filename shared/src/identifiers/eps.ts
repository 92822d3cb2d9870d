/**
 * EPS prescription ids (electronic-prescription-service-api: packages/specification/schemas,
 * packages/tool/site/client/src/fhir/generatePrescriptionIds.ts).
 */
import type { Finding } from './finding.js';

export const PRESCRIPTION_ORDER_NUMBER_SYSTEM = 'https://fhir.nhs.uk/Id/prescription-order-number';
export const PRESCRIPTION_ORDER_ITEM_SYSTEM = 'https://fhir.nhs.uk/Id/prescription-order-item-number';
export const PRESCRIPTION_LONG_SYSTEM = 'https://fhir.nhs.uk/Id/prescription';
export const PRESCRIPTION_ID_EXTENSION =
  'https://fhir.nhs.uk/StructureDefinition/Extension-DM-PrescriptionId';

// ISO/IEC 7064 MOD 37-2 alphabet, with '+' where ISO uses '*'.
const ALPHABET = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ+';
const SHORT_FORM = /^[0-9A-F]{6}-[0-9A-Z]{6}-[0-9A-F]{5}[0-9A-Z+]$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The MOD 37-2 check character for the 17 characters of a short-form id without hyphens. */
export function prescriptionCheckCharacter(body: string): string {
  let total = 0;
  for (const ch of body.toUpperCase()) {
    const value = ALPHABET.indexOf(ch);
    if (value < 0 || value > 35) throw new RangeError(`"${ch}" cannot appear in a prescription id body`);
    total = ((total + value) * 2) % 37;
  }
  return ALPHABET[(38 - total) % 37] ?? '';
}

/** Runs eps-prescription-id-format and eps-prescription-id-checksum on a short-form id (e.g. 24F5DA-A83008-7EFE6Z). */
export function checkShortPrescriptionId(value: string): Finding[] {
  const upper = value.toUpperCase();
  if (!SHORT_FORM.test(upper)) {
    const finding: Finding = {
      ruleId: 'eps-prescription-id-format',
      severity: 'error',
      message: `Prescription id "${value}" must look like XXXXXX-XXXXXX-XXXXXC: 6 hex digits, the prescriber ODS code padded to 6, 5 hex digits and a check character (0-9, A-Z or +).`,
    };
    const compact = upper.replace(/[\s-]/g, '');
    if (/^[0-9A-Z+]{18}$/.test(compact)) {
      const hyphenated = `${compact.slice(0, 6)}-${compact.slice(6, 12)}-${compact.slice(12)}`;
      if (SHORT_FORM.test(hyphenated) && prescriptionCheckCharacter(compact.slice(0, 17)) === compact[17]) {
        finding.fix = { title: `Use "${hyphenated}"`, replacement: hyphenated };
      }
    }
    return [finding];
  }
  const body = upper.replace(/-/g, '');
  const expected = prescriptionCheckCharacter(body.slice(0, 17));
  if (expected !== body[17]) {
    const fixed = `${upper.slice(0, -1)}${expected}`;
    return [
      {
        ruleId: 'eps-prescription-id-checksum',
        severity: 'error',
        message: `Prescription id ${value} fails the MOD 37-2 check: the last character should be ${expected}.`,
        fix: { title: `Recompute the check character ("${fixed}")`, replacement: fixed },
        data: { expectedCheckCharacter: expected },
      },
    ];
  }
  if (upper !== value) {
    return [
      {
        ruleId: 'eps-prescription-id-format',
        severity: 'warning',
        message: `Prescription id "${value}" should be upper case: EPS issues ids as "${upper}".`,
        fix: { title: `Use "${upper}"`, replacement: upper },
      },
    ];
  }
  return [];
}

/** eps-prescription-id-long-format: the long-form id (and line item ids) are UUIDs. */
export function checkLongPrescriptionId(value: string): Finding[] {
  if (UUID.test(value)) return [];
  const shortForm = SHORT_FORM.test(value.toUpperCase());
  return [
    {
      ruleId: 'eps-prescription-id-long-format',
      severity: 'error',
      message: shortForm
        ? `"${value}" is a short-form prescription id; the long form (system ${PRESCRIPTION_LONG_SYSTEM}) is a UUID.`
        : `Prescription id "${value}" must be a UUID such as 20ba5fb5-cb58-462c-923e-22d180b09356.`,
    },
  ];
}

/** True for a hyphenated UUID (any case). */
export function isUuid(value: string): boolean {
  return UUID.test(value);
}
