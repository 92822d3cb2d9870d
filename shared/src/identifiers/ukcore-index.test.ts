// The ukcore-index/1 reader lives outside the engine's imports (no zod at start-up, issue 3); the engine takes
// only indexed facts and says so, rather than skipping the UK Core checks, when given raw JSON.
import { describe, expect, test } from 'vitest';
import { loadR4Definitions } from '../node/definitions.js';
import { nodeFhirPathProvider } from '../node/fhirpath.js';
import { createValidator } from '../validation/index.js';
import { UkCoreIndexError } from './ukcore-facts.js';
import { ukCoreFactsFromIndex } from './ukcore-index.js';

const CARE_CONNECT = 'https://fhir.hl7.org.uk/STU3/StructureDefinition/CareConnect-Patient-1';
const UK_CORE = 'https://fhir.hl7.org.uk/StructureDefinition/UKCore-Patient';
const rawIndex = {
  format: 'ukcore-index/1',
  profiles: [{ url: UK_CORE, status: 'active', type: 'Patient' }],
  extensions: [],
  careConnectToUKCore: { profiles: [{ careconnect: CARE_CONNECT, ukcore: UK_CORE }] },
};

describe('ukcore-index/1', () => {
  test('is validated and indexed', () => {
    const facts = ukCoreFactsFromIndex(rawIndex);
    expect(facts.canonicals.get(UK_CORE)?.status).toBe('active');
    expect(facts.careConnect.get(CARE_CONNECT)).toBe(UK_CORE);
    expect(() => ukCoreFactsFromIndex({ ...rawIndex, profiles: [{ url: UK_CORE, status: 'live' }] })).toThrow(
      UkCoreIndexError,
    );
  });

  test('the engine uses indexed facts and reports raw JSON instead of skipping the checks', () => {
    const validator = createValidator({ definitions: loadR4Definitions(), fhirpath: nodeFhirPathProvider });
    const patient = JSON.stringify({ resourceType: 'Patient', meta: { profile: [CARE_CONNECT] } });
    const withFacts = validator.validate(patient, {
      settings: { ukCore: ukCoreFactsFromIndex(rawIndex) },
    }).issues;
    expect(
      withFacts.filter((i) => i.ruleId === 'ukcore-deprecated-careconnect').map((i) => i.message),
    ).toEqual([expect.stringContaining(UK_CORE)]);
    const withRaw = validator.validate(patient, { settings: { ukCore: rawIndex } }).issues;
    expect(withRaw.filter((i) => i.ruleId === 'internal-rule-error').map((i) => i.message)).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/ukcore-deprecated-careconnect.*settings\.ukCore must be UK Core facts/),
      ]),
    );
  });
});
