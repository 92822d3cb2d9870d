/** e-Referral Service Unique Booking Reference Number (e-referrals-service-api, Identifier.yaml). */
import type { Finding } from './finding.js';

export const UBRN_SYSTEM = 'https://fhir.nhs.uk/Id/UBRN';

/** ers-ubrn-format: exactly 12 digits. */
export function checkUbrn(value: string): Finding[] {
  if (/^[0-9]{12}$/.test(value)) return [];
  const finding: Finding = {
    ruleId: 'ers-ubrn-format',
    severity: 'error',
    message: `UBRN "${value}" must be exactly 12 digits with no separators.`,
  };
  const compact = value.replace(/[\s-]/g, '');
  if (/^[0-9]{12}$/.test(compact)) finding.fix = { title: `Use "${compact}"`, replacement: compact };
  return [finding];
}
