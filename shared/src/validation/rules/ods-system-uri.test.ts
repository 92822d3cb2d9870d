import { describe, expect, test } from 'vitest';
import { applyFix, run } from '../../../test/nhs-rules/harness.js';
import { odsSystemUri } from './ods-system-uri.js';

const org = (system: string) => ({ resourceType: 'Organization', identifier: [{ system, value: 'RH8' }] });

describe('ods-system-uri', () => {
  test('US spelling is right', () =>
    expect(run(odsSystemUri, org('https://fhir.nhs.uk/Id/ods-organization-code'))).toEqual([]));
  test.each(['https://fhir.nhs.uk/Id/ods-organisation-code', 'http://fhir.nhs.net/Id/ods-organization-code'])(
    '%s is fixed',
    (s) => {
      const [issue] = run(odsSystemUri, org(s));
      expect(issue?.severity).toBe('error');
      expect(applyFix(org(s), issue!)).toEqual(org('https://fhir.nhs.uk/Id/ods-organization-code'));
    },
  );
});
