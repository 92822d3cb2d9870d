// The fhirpath.js seam (issue 3): the engine loads fhirpath.js only through the host's provider, only when an
// invariant needs it, and never skips an invariant silently when it cannot load it.
import { describe, expect, test } from 'vitest';
import { loadR4Definitions } from './definitions.js';
import { bundledOrNodeFhirPathProvider, FhirPathLoadError, nodeFhirPathProvider } from './fhirpath.js';
import { staticFhirPathProvider } from '../fhirpath/index.js';
import {
  InvariantChecker,
  MissingFhirPathProviderError,
  type FhirPathProvider,
} from '../validation/invariants/index.js';
import { createValidator, defineRule, type ValidatorDeps } from '../validation/index.js';

const definitions = loadR4Definitions();

/** Wraps a provider and counts its calls. */
function counting(provider: FhirPathProvider): { provider: FhirPathProvider; calls: () => number } {
  let calls = 0;
  return {
    provider: () => {
      calls++;
      return provider();
    },
    calls: () => calls,
  };
}

// A ValueSet filter value given as a FHIRPath expression: the valueset-parameter-expression rule compiles it
// with fhirpath.js whatever the engine's own evaluators cover.
const valueSetWithExpression = JSON.stringify({
  resourceType: 'ValueSet',
  status: 'draft',
  compose: {
    include: [
      {
        system: 'http://snomed.info/sct',
        filter: [
          {
            property: 'concept',
            op: 'is-a',
            _value: {
              extension: [
                {
                  url: 'http://hl7.org/fhir/StructureDefinition/cqf-expression',
                  valueExpression: { language: 'text/fhirpath', expression: "'1234' + " },
                },
              ],
            },
          },
        ],
      },
    ],
  },
});

describe('fhirpath provider', () => {
  test('createValidator refuses to run without one', () => {
    expect(() => createValidator({ definitions } as unknown as ValidatorDeps)).toThrow(
      MissingFhirPathProviderError,
    );
  });

  test('resource and element contexts both carry the host provider', () => {
    const seen = new Set<unknown>();
    const probe = defineRule({
      id: 'probe',
      severity: 'information',
      description: 'records ctx.fhirpath',
      resource: (ctx) => void seen.add(ctx.fhirpath),
      elements: { '*': (ctx) => void seen.add(ctx.fhirpath) },
    });
    const patient = { resourceType: 'Patient', name: [{ family: 'Smith' }], birthDate: '1985-07-14' };
    createValidator({ definitions, fhirpath: nodeFhirPathProvider, rules: [probe] }).validate(
      JSON.stringify(patient),
    );
    expect([...seen]).toEqual([nodeFhirPathProvider]);
  });

  test('a small Patient validates without loading fhirpath.js (fast paths cover its invariants)', () => {
    const { provider, calls } = counting(nodeFhirPathProvider);
    const patient = {
      resourceType: 'Patient',
      id: 'p1',
      identifier: [{ system: 'https://fhir.nhs.uk/Id/nhs-number', value: '9449305552' }],
      gender: 'female',
      birthDate: '1985-07-14',
    };
    const result = createValidator({ definitions, fhirpath: provider }).validate(JSON.stringify(patient));
    expect(result.issues.filter((i) => i.severity === 'error')).toEqual([]);
    expect(calls()).toBe(0);
  });

  test('an invariant outside the fast paths loads fhirpath.js on demand and is evaluated by it', () => {
    const { provider, calls } = counting(nodeFhirPathProvider);
    const checker = new InvariantChecker(definitions, provider, { fastPaths: false });
    const applicable = checker.constraintsAt('Period', 'Period', false);
    const env = { resource: {}, rootResource: {} };
    const failed = checker
      .check(applicable, { start: '2020-02-01', end: '2020-01-01' }, env)
      .map((f) => f.key);
    expect(failed).toContain('per-1');
    expect(checker.check(applicable, { start: '2020-01-01', end: '2020-02-01' }, env)).toEqual([]);
    expect(calls()).toBeGreaterThanOrEqual(1);
    expect(checker.stats.fhirpath).toBeGreaterThan(0);
    expect(checker.engineErrors).toEqual(new Map());
  });

  test('the Node provider (CommonJS build), the bundle-aware one and the static one (ES module build) agree', () => {
    const expression = {
      base: 'Period',
      expression: 'start.hasValue().not() or end.hasValue().not() or (start <= end)',
    };
    for (const period of [
      { start: '2020-02-01', end: '2020-01-01' },
      { start: '2020-01-01', end: '2020-02-01T10:00:00Z' },
      { start: '2023-06-21', end: '2023-06-21T06:20:00Z' },
    ]) {
      const [viaNode, viaBundleAware, viaStatic] = [
        nodeFhirPathProvider,
        bundledOrNodeFhirPathProvider,
        staticFhirPathProvider,
      ].map((p) => {
        const { fhirpath, model } = p();
        return fhirpath.compile(expression, model, { resolveInternalTypes: true })(period);
      });
      expect(viaNode).toEqual(viaStatic);
      expect(viaBundleAware).toEqual(viaStatic);
    }
  });

  test('a provider that cannot load fhirpath.js is reported, not skipped', () => {
    const failing: FhirPathProvider = () => {
      throw new FhirPathLoadError("Cannot find module 'fhirpath'");
    };
    const issues = createValidator({ definitions, fhirpath: failing }).validate(
      valueSetWithExpression,
    ).issues;
    const internal = issues.filter((i) => i.ruleId === 'internal-rule-error').map((i) => i.message);
    expect(internal).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/valueset-parameter-expression.*Cannot load fhirpath\.js/),
      ]),
    );
    // The load failure is not blamed on the expression.
    expect(issues.filter((i) => i.ruleId === 'valueset-parameter-expression')).toEqual([]);
  });

  test('with fhirpath.js loaded the same expression is checked', () => {
    const issues = createValidator({ definitions, fhirpath: nodeFhirPathProvider }).validate(
      valueSetWithExpression,
    ).issues;
    expect(issues.filter((i) => i.ruleId === 'valueset-parameter-expression').map((i) => i.message)).toEqual([
      expect.stringContaining("The value of the expression ''1234' + ' is not a valid FHIRPath"),
    ]);
  });
});
