/**
 * NHS number checks (NHS Data Dictionary, "NHS Number"):
 * https://www.datadictionary.nhs.uk/attributes/nhs_number.html
 */
import type { Finding } from './finding.js';

export const NHS_NUMBER_SYSTEM = 'https://fhir.nhs.uk/Id/nhs-number';

/**
 * The Mod 11 check digit for a 9-digit prefix: weights 10..2, check = 11 - (sum mod 11), 11 -> 0.
 * Returns 10 when no check digit exists (every number with this prefix is invalid).
 */
export function nhsNumberCheckDigit(prefix: string): number {
  if (!/^[0-9]{9}$/.test(prefix)) throw new RangeError(`NHS number prefix must be 9 digits, got "${prefix}"`);
  let sum = 0;
  for (let i = 0; i < 9; i++) sum += Number(prefix[i]) * (10 - i);
  const check = 11 - (sum % 11);
  return check === 11 ? 0 : check;
}

/** True when `value` is exactly 10 ASCII digits whose last digit is the Mod 11 check digit. */
export function isValidNhsNumber(value: string): boolean {
  return /^[0-9]{10}$/.test(value) && nhsNumberCheckDigit(value.slice(0, 9)) === Number(value[9]);
}

/** Runs nhs-number-format, -checksum, -placeholder and -test-range on an Identifier.value. */
export function checkNhsNumber(value: string): Finding[] {
  if (!/^[0-9]{10}$/.test(value)) {
    const stripped = value.replace(/[\s-]/g, '');
    const finding: Finding = {
      ruleId: 'nhs-number-format',
      severity: 'error',
      message:
        value === ''
          ? 'NHS number is empty; it must be exactly 10 digits.'
          : `NHS number "${value}" must be exactly 10 digits with no spaces, hyphens or other characters.`,
    };
    if (/^[0-9]{10}$/.test(stripped)) {
      finding.fix = { title: `Use "${stripped}" (remove spaces and hyphens)`, replacement: stripped };
    }
    return [finding];
  }
  const findings: Finding[] = [];
  const expected = nhsNumberCheckDigit(value.slice(0, 9));
  const actual = Number(value[9]);
  if (expected === 10) {
    findings.push({
      ruleId: 'nhs-number-checksum',
      severity: 'error',
      message: `NHS number ${value} can never be valid: its first nine digits give a Mod 11 check value of 10.`,
      data: { expectedCheckDigit: null, prefixNeverValid: true },
    });
  } else if (expected !== actual) {
    findings.push({
      ruleId: 'nhs-number-checksum',
      severity: 'error',
      message: `NHS number ${value} fails the Mod 11 check: the last digit should be ${expected}, not ${actual}.`,
      data: { expectedCheckDigit: expected },
    });
  }
  if (/^(\d)\1{9}$/.test(value)) {
    findings.push({
      ruleId: 'nhs-number-placeholder',
      severity: 'warning',
      message: `NHS number ${value} repeats one digit ten times: it passes Mod 11 but is a placeholder, not a real number.`,
    });
  }
  if (value.startsWith('999')) {
    findings.push({
      ruleId: 'nhs-number-test-range',
      severity: 'information',
      message: `NHS number ${value} starts with 999, a range used for test data and never issued to patients.`,
    });
  }
  return findings;
}
