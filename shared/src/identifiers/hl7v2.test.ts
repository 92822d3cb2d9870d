import { describe, expect, test } from 'vitest';
import { checkHl7v2NhsNumbers } from './hl7v2.js';

const msh = 'MSH|^~\\&|PAS|RH8|EPR|RH8|20240101120000||ADT^A28|1|P|2.4';
const pid = (pid3: string, pid32 = '') => `PID|1||${pid3}||SMITH^JOHN||19800101|M${'|'.repeat(24)}${pid32}`;

describe('hl7v2-nhs-number', () => {
  test('valid NHS number in PID-3 with authority NHS', () => {
    expect(checkHl7v2NhsNumbers([msh, pid('9434765919^^^NHS^NH')].join('\r'))).toEqual([]);
  });
  test('bad check digit in the second repetition', () => {
    const findings = checkHl7v2NhsNumbers([msh, pid('123^^^RH8^MR~9434765911^^^NHS^NH')].join('\r'));
    expect(findings).toMatchObject([
      {
        ruleId: 'hl7v2-nhs-number',
        severity: 'error',
        field: 3,
        repetition: 2,
        data: { nhsNumberRule: 'nhs-number-checksum' },
      },
    ]);
  });
  test('local identifiers are not NHS numbers', () => {
    expect(checkHl7v2NhsNumbers([msh, pid('ABC^^^RH8^MR')].join('\n'))).toEqual([]);
  });
  test('PID-32 status NSTS01–NSTS08', () => {
    expect(checkHl7v2NhsNumbers([msh, pid('9434765919^^^NHS^NH', 'NSTS01')].join('\r'))).toEqual([]);
    expect(checkHl7v2NhsNumbers([msh, pid('9434765919^^^NHS^NH', 'NSTS09')].join('\r'))).toMatchObject([
      { field: 32 },
    ]);
  });
});
