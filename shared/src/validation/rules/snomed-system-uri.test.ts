import { describe, expect, test } from 'vitest';
import { applyFix, observationWithCoding, run, SCT } from '../../../test/nhs-rules/harness.js';
import { snomedSystemUri } from './snomed-system-uri.js';

describe('snomed-system-uri', () => {
  test('exact URI', () =>
    expect(run(snomedSystemUri, observationWithCoding({ system: SCT, code: '22298006' }))).toEqual([]));
  test.each([
    'http://snomed.info/sct/',
    'https://snomed.info/sct',
    'SNOMED-CT',
    'urn:oid:2.16.840.1.113883.6.96',
    'http://snomed.info/id',
  ])('%s is fixed to http://snomed.info/sct', (s) => {
    const resource = observationWithCoding({ system: s, code: '22298006' });
    const [issue] = run(snomedSystemUri, resource);
    expect(issue?.severity).toBe('error');
    expect(applyFix(resource, issue!)).toEqual(observationWithCoding({ system: SCT, code: '22298006' }));
  });
  test('an edition URI in system moves to version', () => {
    const resource = observationWithCoding({
      system: 'http://snomed.info/sct/83821000000107',
      code: '22298006',
    });
    const [issue] = run(snomedSystemUri, resource);
    expect(applyFix(resource, issue!)).toEqual(
      observationWithCoding({
        system: SCT,
        code: '22298006',
        version: 'http://snomed.info/sct/83821000000107',
      }),
    );
  });
});
