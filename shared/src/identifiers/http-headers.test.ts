import { describe, expect, test } from 'vitest';
import { checkMeshHeaders, checkNhsdHeaders } from './http-headers.js';

describe('nhsd-request-id', () => {
  test('valid headers', () => {
    expect(
      checkNhsdHeaders({
        'X-Request-ID': '60E0B220-8136-4CA5-AE46-1D97EF59D068',
        'NHSD-Session-URID': '555254240100',
        'If-Match': 'W/"2"',
      }),
    ).toEqual([]);
  });
  test('bad X-Request-ID, URID and If-Match (with fix)', () => {
    const findings = checkNhsdHeaders({
      'x-request-id': 'abc',
      'NHSD-Session-URID': '55-52',
      'If-Match': '"2"',
    });
    expect(findings.map((f) => f.ruleId)).toEqual(['nhsd-request-id', 'nhsd-request-id', 'nhsd-request-id']);
    expect(findings[2]?.fix?.replacement).toBe('W/"2"');
  });
});

describe('mesh-chunk-range', () => {
  test('valid', () =>
    expect(checkMeshHeaders({ 'Mex-Chunk-Range': '1:3', 'Mex-WorkflowID': 'TEST_WORKFLOW' })).toEqual([]));
  test.each(['0:3', '4:3', '1-3', 'a:b'])('bad range %s', (r) => {
    expect(checkMeshHeaders({ 'Mex-Chunk-Range': r, 'Mex-WorkflowID': 'W' })).toMatchObject([
      { ruleId: 'mesh-chunk-range' },
    ]);
  });
  test('workflow id required', () =>
    expect(checkMeshHeaders({})).toMatchObject([
      { ruleId: 'mesh-chunk-range', message: expect.stringContaining('Mex-WorkflowID') as unknown },
    ]));
});
