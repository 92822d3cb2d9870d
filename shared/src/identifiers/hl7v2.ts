/**
 * HL7 v2 PID checks (HSCIC HL7 V2 ADT Message Specification v1.1): a PID-3 repetition with CX.4
 * assigning authority `NHS` (type CX.5 `NH`) is an NHS number; PID-32 carries the verification status
 * NSTS01–NSTS08 (table 0445). Not wired into the server yet: it reads no v2 files.
 */
import type { Finding } from './finding.js';
import { checkNhsNumber } from './nhs-number.js';

export interface Hl7v2Finding extends Finding {
  /** 1-based segment line, field and repetition, e.g. PID-3 repetition 2. */
  segmentIndex: number;
  field: number;
  repetition: number;
}

/** hl7v2-nhs-number over a v2 message (segments separated by CR or LF). */
export function checkHl7v2NhsNumbers(message: string): Hl7v2Finding[] {
  const findings: Hl7v2Finding[] = [];
  const segments = message.split(/\r\n|\r|\n/).filter((s) => s.length > 0);
  const msh = segments.find((s) => s.startsWith('MSH'));
  const fieldSep = msh?.[3] ?? '|';
  const encoding = msh?.slice(4, 8) ?? '^~\\&';
  const componentSep = encoding[0] ?? '^';
  const repetitionSep = encoding[1] ?? '~';
  segments.forEach((segment, segmentIndex) => {
    if (!segment.startsWith('PID')) return;
    const fields = segment.split(fieldSep);
    const pid3 = fields[3] ?? '';
    pid3.split(repetitionSep).forEach((rep, r) => {
      const cx = rep.split(componentSep);
      const authority = (cx[3] ?? '').split('&')[0];
      if (authority !== 'NHS' && cx[4] !== 'NH') return;
      for (const f of checkNhsNumber(cx[0] ?? '')) {
        findings.push({
          ...f,
          ruleId: 'hl7v2-nhs-number',
          segmentIndex: segmentIndex + 1,
          field: 3,
          repetition: r + 1,
          data: { ...f.data, nhsNumberRule: f.ruleId },
        });
      }
    });
    const pid32 = fields[32];
    if (pid32 !== undefined && pid32 !== '') {
      for (const [r, status] of pid32.split(repetitionSep).entries()) {
        const code = status.split(componentSep)[0] ?? '';
        if (!/^NSTS0[1-8]$/.test(code)) {
          findings.push({
            ruleId: 'hl7v2-nhs-number',
            severity: 'error',
            message: `PID-32 NHS number status "${code}" is not one of NSTS01–NSTS08 (table 0445).`,
            segmentIndex: segmentIndex + 1,
            field: 32,
            repetition: r + 1,
          });
        }
      }
    }
  });
  return findings;
}
