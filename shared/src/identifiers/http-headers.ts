/**
 * NHS API request headers (personal-demographics-service-api specification): X-Request-ID is a UUID,
 * NHSD-Session-URID digits only, PDS If-Match is W/"<digits>". MESH (mesh-sandbox): Mex-Chunk-Range is
 * n:m with 0 < n <= m, and Mex-WorkflowID is required. Not wired into the server yet: it reads no
 * OpenAPI/HTTP files.
 */
import { isUuid } from './eps.js';
import type { Finding } from './finding.js';

/** nhsd-request-id over a header map (names case-insensitive). */
export function checkNhsdHeaders(headers: Readonly<Record<string, string>>): Finding[] {
  const findings: Finding[] = [];
  for (const [name, value] of Object.entries(headers)) {
    const lower = name.toLowerCase();
    if (lower === 'x-request-id' && !isUuid(value)) {
      findings.push({
        ruleId: 'nhsd-request-id',
        severity: 'error',
        message: `X-Request-ID "${value}" must be a UUID.`,
      });
    } else if (lower === 'nhsd-session-urid' && !/^[0-9]+$/.test(value)) {
      findings.push({
        ruleId: 'nhsd-request-id',
        severity: 'error',
        message: `NHSD-Session-URID "${value}" must be digits only.`,
      });
    } else if (lower === 'if-match' && !/^W\/"[0-9]+"$/.test(value)) {
      const digits = /^(?:W\/)?"?([0-9]+)"?$/.exec(value.trim())?.[1];
      const finding: Finding = {
        ruleId: 'nhsd-request-id',
        severity: 'error',
        message: `If-Match "${value}" must be a PDS weak ETag such as W/"2".`,
      };
      if (digits !== undefined) finding.fix = { title: `Use W/"${digits}"`, replacement: `W/"${digits}"` };
      findings.push(finding);
    }
  }
  return findings;
}

/** mesh-chunk-range over MESH request headers (names case-insensitive). */
export function checkMeshHeaders(headers: Readonly<Record<string, string>>): Finding[] {
  const findings: Finding[] = [];
  const byName = new Map(Object.entries(headers).map(([k, v]) => [k.toLowerCase(), v]));
  const range = byName.get('mex-chunk-range');
  if (range !== undefined) {
    const m = /^([0-9]+):([0-9]+)$/.exec(range.trim());
    const n = Number(m?.[1]);
    const total = Number(m?.[2]);
    if (!m || n < 1 || n > total) {
      findings.push({
        ruleId: 'mesh-chunk-range',
        severity: 'error',
        message: `Mex-Chunk-Range "${range}" must be n:m with whole numbers and 0 < n <= m (e.g. 1:3).`,
      });
    }
  }
  if (!byName.has('mex-workflowid') || (byName.get('mex-workflowid') ?? '').trim() === '') {
    findings.push({
      ruleId: 'mesh-chunk-range',
      severity: 'error',
      message: 'Mex-WorkflowID is required on MESH messages.',
    });
  }
  return findings;
}
