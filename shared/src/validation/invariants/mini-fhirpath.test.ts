// The fast paths (hand-written and mini-fhirpath) must answer exactly as fhirpath.js does: every applicable
// constraint with a fast path is evaluated both ways on every element of the R4 spec examples and the HL7
// validator test-case inputs (../shared; crafted resources only, saying why, when it is absent).
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import { loadR4Definitions } from '../../node/index.js';
import { defineRule, type ResourceContext } from '../rule.js';
import { createValidator } from '../run.js';
import { InvariantChecker, type ApplicableConstraint } from './checker.js';
import { defaultFhirPathProvider } from './default-provider.js';
import { FhirPathCompiler } from './fhirpath-engine.js';
import { invariantEnv } from './index.js';
import { compileMini, EvaluationError, Unsupported } from './mini-fhirpath.js';

const casesDir = fileURLToPath(new URL('../../../../../shared/fhir/test-cases/', import.meta.url));
const crafted: unknown[] = [
  { resourceType: 'Encounter', status: 'finished', class: { code: 'AMB' }, period: { start: '2020-01-01' } },
  {
    resourceType: 'Observation',
    status: 'final',
    code: { text: 'x' },
    valueQuantity: { value: 1, code: 'mg' },
    referenceRange: [{ low: { value: 1 } }],
  },
  {
    resourceType: 'Observation',
    status: 'final',
    code: { text: 'x' },
    subject: { reference: '#' },
    contained: [{ resourceType: 'Patient', id: 'p' }],
  },
  {
    resourceType: 'Questionnaire',
    status: 'draft',
    item: [{ linkId: 'a', type: 'display', maxLength: 3, item: [{ linkId: 'a', type: 'group' }] }],
  },
  {
    resourceType: 'Bundle',
    type: 'collection',
    entry: [
      { fullUrl: 'urn:uuid:1', resource: { resourceType: 'Basic', code: { text: 'x' } } },
      { fullUrl: 'urn:uuid:1' },
    ],
  },
  {
    resourceType: 'Patient',
    _gender: { extension: [{ url: 'http://x', valueString: 'y' }] },
    telecom: [{ system: 'phone' }, { value: '1' }],
  },
  // Date and quantity comparisons (per-1, rng-2, and others over dates): same and different precisions, time zones.
  ...[
    ['2020-01-01', '2020-01-02'],
    ['2020-01-02', '2020-01-01'],
    ['2020-01', '2020-01-15'],
    ['2020-02', '2020-01-15'],
    ['2021', '2020-12'],
    ['2020-01-01T10:00:00Z', '2020-01-01T09:00:00Z'],
    ['2020-01-01T10:00:00Z', '2020-01-01T10:00:00Z'],
    ['2020-01-01T10:00:00+01:00', '2020-01-01T09:30:00+01:00'],
    ['2020-01-01T10:00:00.123Z', '2020-01-01T10:00:00.122Z'],
    ['2020-01-01T10:00:00+01:00', '2020-01-01T09:30:00Z'],
    ['2020-01-01', '2020-01-01T06:20:00Z'],
    ['2020-01-01', '2020-01-05T10:00:00Z'],
    ['2020-01-05', '2020-01-01T10:00:00+05:00'],
    ['2020-01-02T10:00:00-05:00', '2020-01-01'],
    ['2021-01-06T23:59:00-05:00', '2021-01-07T00:59:00-04:00'],
    ['2021-01-07T00:59:00-04:00', '2021-01-06T23:58:00-05:00'],
    ['2020-01-01T10:00:00.5+01:00', '2020-01-01T09:00:00.4Z'],
    ['2020-01-01T10:00:00.123+01:00', '2020-01-01T09:00:00.1Z'],
    ['2020-01-01T10:00:00', '2020-01-01T11:00:00'],
  ].map(([start, end]) => ({
    resourceType: 'Encounter',
    status: 'finished',
    class: { code: 'AMB' },
    period: { start, end },
  })),
  ...[
    [{ value: 2 }, { value: 1 }],
    [
      { value: 1, system: 'http://unitsofmeasure.org', code: 'mg' },
      { value: 2, system: 'http://unitsofmeasure.org', code: 'mg' },
    ],
    [
      { value: 5, system: 'http://unitsofmeasure.org', code: 'mg', unit: 'mg' },
      { value: 2, system: 'http://unitsofmeasure.org', code: 'mg', unit: 'mg' },
    ],
    [
      { value: 1, system: 'http://unitsofmeasure.org', code: 'g' },
      { value: 2, system: 'http://unitsofmeasure.org', code: 'mg' },
    ],
    [
      { value: 1, unit: 'tablet' },
      { value: 2, unit: 'tablet' },
    ],
    // Not UCUM: fhirpath.js compares the JSON objects, whatever the values; UCUM against not UCUM, and a
    // comparator, are errors there.
    [
      { value: 5, system: 'http://terminology.hl7.org/CodeSystem/v3-orderableDrugForm', code: 'TAB' },
      { value: 2, system: 'http://terminology.hl7.org/CodeSystem/v3-orderableDrugForm', code: 'TAB' },
    ],
    [
      { value: 5, system: 'http://unitsofmeasure.org', code: 'mg' },
      { value: 2, unit: 'mg' },
    ],
    [
      { value: 1, system: 'http://unitsofmeasure.org', code: 'mg', comparator: '<' },
      { value: 2, system: 'http://unitsofmeasure.org', code: 'mg' },
    ],
    [
      { value: 7, system: 'http://unitsofmeasure.org', code: 'a' },
      { value: 3, system: 'http://unitsofmeasure.org', code: 'a' },
    ],
  ].map(([low, high]) => ({
    resourceType: 'Observation',
    status: 'final',
    code: { text: 'x' },
    referenceRange: [{ low, high }],
    valueRange: { low, high },
  })),
  // %ucum (age-1, drt-1 and the other Quantity profiles).
  ...[
    { value: 3, system: 'http://unitsofmeasure.org', code: 'a' },
    { value: 3, system: 'http://example.org', code: 'a' },
    { value: 3, unit: 'years' },
    { system: 'http://unitsofmeasure.org', code: 'a' },
  ].map((onsetAge) => ({ resourceType: 'Condition', subject: { reference: 'Patient/1' }, onsetAge })),
  // obs-7: value without components, components without value, both (fhirpath.js), neither.
  { resourceType: 'Observation', status: 'final', code: { text: 'x' }, valueString: 'a' },
  {
    resourceType: 'Observation',
    status: 'final',
    code: { text: 'x' },
    _valueString: { extension: [{ url: 'http://x', valueString: 'y' }] },
  },
  {
    resourceType: 'Observation',
    status: 'final',
    code: { coding: [{ system: 'http://s', code: 'c' }] },
    component: [{ code: { coding: [{ system: 'http://s', code: 'c' }] } }],
  },
  {
    resourceType: 'Observation',
    status: 'final',
    code: { coding: [{ system: 'http://s', code: 'c' }] },
    valueBoolean: true,
    component: [{ code: { coding: [{ system: 'http://s', code: 'c' }] } }],
  },
  // `+` on counts (org-1), select() and isDistinct() (cpb-*, sdf-*), first().
  { resourceType: 'Organization', active: true },
  { resourceType: 'Organization', name: 'x', identifier: [{ value: '1' }] },
  {
    resourceType: 'CapabilityStatement',
    status: 'draft',
    date: '2020',
    kind: 'instance',
    fhirVersion: '4.0.1',
    format: ['json'],
    implementation: { description: 'x' },
    rest: [
      {
        mode: 'server',
        resource: [
          {
            type: 'Patient',
            searchParam: [
              { name: 'a', type: 'token' },
              { name: 'a', type: 'string' },
            ],
          },
          { type: 'Patient' },
        ],
      },
    ],
  },
  // matches() (cps-0, vsd-0 and the other name invariants).
  ...['Good_Name1', 'lower case', 'X'.repeat(300), 'éA'].map((name) => ({
    resourceType: 'CodeSystem',
    status: 'draft',
    content: 'not-present',
    name,
  })),
  // Narratives for htmlChecks() (txt-1, txt-2): unknown element, HTML entity, unclosed tag, no content, image only, bad xmlns, comment.
  ...[
    '<div xmlns="http://www.w3.org/1999/xhtml"><script>x</script></div>',
    '<div xmlns="http://www.w3.org/1999/xhtml">a&nbsp;b</div>',
    '<div xmlns="http://www.w3.org/1999/xhtml"><p>open</div>',
    '<div xmlns="http://www.w3.org/1999/xhtml">  </div>',
    '<div xmlns="http://www.w3.org/1999/xhtml"><img src="a.png"/></div>',
    '<div xmlns="http://example.org">x</div>',
    '<div xmlns="http://www.w3.org/1999/xhtml"><!-- c -->x &#169; &amp; <a href="#x" onclick="y">l</a></div>',
    '<p>not a div</p>',
  ].map((div) => ({ resourceType: 'Basic', code: { text: 'x' }, text: { status: 'generated', div } })),
  // Expected false: one resource per constraint the general evaluator covers (and one true twin where the
  // shape differs), so both answers are compared.
  {
    resourceType: 'RiskAssessment',
    status: 'final',
    subject: { reference: 'Patient/1' },
    prediction: [
      { probabilityDecimal: 150 },
      { probabilityDecimal: 0.5 },
      {
        probabilityRange: {
          low: { value: 5, system: 'http://unitsofmeasure.org', code: 'mg' },
          high: { value: 50, system: 'http://unitsofmeasure.org', code: '%' },
        },
      },
    ],
  },
  {
    resourceType: 'StructureDefinition',
    url: 'http://hl7.org/fhir/StructureDefinition/Bad',
    name: 'Bad',
    status: 'draft',
    kind: 'resource',
    abstract: false,
    type: 'Patient',
    baseDefinition: 'http://hl7.org/fhir/StructureDefinition/Patient',
    derivation: 'constraint',
    snapshot: {
      element: [
        { path: 'Patient', min: 0, max: '*', label: 'root label', sliceName: 'root' },
        { path: 'Patient.name', min: 2, max: '1', code: [{ code: 'x' }] },
        { path: 'Patient.gender', min: 0, max: '-1' },
        { path: 'Patient.birthDate', min: 0, max: 'x' },
      ],
    },
    differential: {
      element: [
        { path: 'Observation', requirements: 'r' },
        { path: 'Observation.code', type: [{ code: 'bad code!' }] },
        { path: 'Patient.name', type: [{ code: 'HumanName' }] },
      ],
    },
  },
  {
    resourceType: 'MedicationRequest',
    status: 'active',
    intent: 'order',
    medicationCodeableConcept: { text: 'x' },
    subject: { reference: 'Patient/1' },
    dosageInstruction: [
      { timing: { repeat: { offset: 30, when: ['C'] } } },
      { timing: { repeat: { offset: 30, when: ['ACM', 'PCV'] } } },
      { timing: { repeat: { offset: 30 } } },
    ],
  },
  ...['document', 'message'].map((type) => ({
    resourceType: 'Bundle',
    type,
    entry: [{ fullUrl: 'urn:uuid:1', resource: { resourceType: 'Patient' } }],
  })),
  {
    resourceType: 'Bundle',
    type: 'document',
    entry: [{ fullUrl: 'urn:uuid:2', resource: { resourceType: 'Composition', status: 'final' } }],
  },
  {
    resourceType: 'CapabilityStatement',
    status: 'draft',
    date: '2020',
    kind: 'instance',
    fhirVersion: '4.0.1',
    format: ['json'],
    document: [
      { mode: 'producer', profile: 'http://x/p' },
      { mode: 'producer', profile: 'http://x/p' },
      { mode: 'consumer', profile: 'http://x/p' },
    ],
  },
  {
    resourceType: 'CodeSystem',
    status: 'draft',
    content: 'complete',
    concept: [{ code: 'a', concept: [{ code: 'b', concept: [{ code: 'a' }] }] }, { code: 'c' }],
  },
  {
    resourceType: 'Condition',
    subject: { reference: 'Patient/1' },
    category: [{ coding: [{ code: 'problem-list-item' }] }],
  },
  {
    resourceType: 'ImplementationGuide',
    url: 'http://x/ig',
    name: 'X',
    status: 'draft',
    packageId: 'x',
    fhirVersion: ['4.0.1'],
    definition: {
      grouping: [{ id: 'g1', name: 'G' }],
      resource: [
        { reference: { reference: 'Patient/1' }, fhirVersion: ['3.0.2'], groupingId: 'g2' },
        { reference: { reference: 'Patient/2' }, fhirVersion: ['4.0.1'], groupingId: 'g1' },
      ],
    },
  },
  {
    resourceType: 'Questionnaire',
    status: 'draft',
    item: [
      {
        linkId: 'a',
        type: 'string',
        enableWhen: [
          { question: 'b', operator: 'exists', answerString: 'x' },
          { question: 'b', operator: 'exists', answerBoolean: true },
        ],
      },
    ],
  },
  ...['booked', 'cancelled'].map((status) => ({
    resourceType: 'Appointment',
    status,
    cancelationReason: { text: 'x' },
    participant: [{ status: 'accepted' }],
  })),
  {
    resourceType: 'CareTeam',
    participant: [{ member: { reference: 'Practitioner/1' }, onBehalfOf: { reference: 'Organization/1' } }],
  },
];

/** Constraints some crafted resource must fail (compared with fhirpath.js like the others). */
const EXPECTED_FALSE = [
  'ras-1',
  'ras-2',
  'eld-2',
  'eld-3',
  'sdf-8a',
  'sdf-9',
  'sdf-19',
  'sdf-23',
  'tim-9',
  'bdl-11',
  'bdl-12',
  'cpb-7',
  'csd-1',
  'con-3',
  'ig-1',
  'ig-2',
  'que-7',
  'app-4',
  'rng-2',
  'obs-7',
  'que-2',
];

function corpus(): { name: string; text: string }[] {
  const out = crafted.map((r, i) => ({ name: `crafted-${i}`, text: JSON.stringify(r) }));
  if (!existsSync(`${casesDir}/manifest.json`)) {
    console.log(`fast-path equivalence uses crafted resources only: ${casesDir} is absent`);
    return out;
  }
  for (const f of readdirSync(`${casesDir}/r4-spec-examples`))
    out.push({ name: f, text: readFileSync(`${casesDir}/r4-spec-examples/${f}`, 'utf8') });
  const manifest = JSON.parse(readFileSync(`${casesDir}/manifest.json`, 'utf8')) as {
    cases: { file: string; coreOnlyBase?: boolean }[];
  };
  for (const c of manifest.cases) {
    const file = `${casesDir}/files/${c.file}`;
    if (c.coreOnlyBase && c.file.endsWith('.json') && existsSync(file))
      out.push({ name: c.file, text: readFileSync(file, 'utf8') });
  }
  return out;
}

describe('invariant fast paths', () => {
  test('give the same answers as fhirpath.js on every element of the corpus', () => {
    const definitions = loadR4Definitions();
    const checker = new InvariantChecker(definitions, defaultFhirPathProvider);
    const compiler = new FhirPathCompiler(defaultFhirPathProvider);
    const mismatches: string[] = [];
    let compared = 0;
    let failedBoth = 0;
    const comparedKeys = new Set<string>();
    const falseKeys = new Set<string>();
    const compare = (
      ctx: ResourceContext,
      applicable: readonly ApplicableConstraint[],
      value: unknown,
      where: string,
    ): void => {
      const env = invariantEnv(ctx);
      for (const a of applicable) {
        if (!a.fast) continue;
        let fast: unknown[] | EvaluationError;
        try {
          fast = a.fast(value, env);
        } catch (error) {
          if (error instanceof Unsupported) continue;
          if (!(error instanceof EvaluationError)) throw error;
          fast = error;
        }
        const slow = compiler.compile(a.constraint.expression, a.base);
        if (slow instanceof Error) {
          mismatches.push(`${where} ${a.constraint.key}: fhirpath.js cannot compile it (${slow.message})`);
          continue;
        }
        let expected: unknown[];
        try {
          expected = slow(value, env);
        } catch (error) {
          // Both fail: the constraint is not evaluated either way.
          if (fast instanceof EvaluationError) {
            compared++;
            failedBoth++;
          } else {
            mismatches.push(
              `${where} ${a.constraint.key}: fast ${JSON.stringify(fast)}, fhirpath.js threw ${String(error)}`,
            );
          }
          continue;
        }
        if (fast instanceof EvaluationError) {
          mismatches.push(
            `${where} ${a.constraint.key}: fast threw ${fast.message}, fhirpath.js ${JSON.stringify(expected)}`,
          );
          continue;
        }
        compared++;
        comparedKeys.add(a.constraint.key);
        if (expected.length === 1 && expected[0] === false) falseKeys.add(a.constraint.key);
        if (JSON.stringify(fast) !== JSON.stringify(expected))
          mismatches.push(
            `${where} ${a.constraint.key}: fast ${JSON.stringify(fast)} fhirpath.js ${JSON.stringify(expected)}`,
          );
      }
    };
    const probe = defineRule({
      id: 'probe',
      severity: 'information',
      description: 'compares fast paths with fhirpath.js',
      resource(ctx) {
        if (!definitions.isResourceType(ctx.resourceType)) return;
        compare(ctx, checker.constraintsAt(ctx.resourceType, undefined, true), ctx.value, ctx.resourceType);
      },
      elements: {
        '*'(ctx) {
          const v = ctx.elementValue;
          // Primitives too: Narrative.div (an xhtml string) carries txt-1 and txt-2.
          if (v === null || v === undefined || Array.isArray(v)) return;
          compare(
            ctx,
            checker.constraintsAt(ctx.definition.path, ctx.elementType, false),
            v,
            ctx.elementPath,
          );
        },
      },
    });
    const validator = createValidator({ definitions, fhirpath: defaultFhirPathProvider, rules: [probe] });
    for (const { name, text } of corpus()) {
      const issues = validator
        .validate(text, { fileName: name })
        .issues.filter((i) => i.ruleId === 'internal-rule-error');
      expect(issues.map((i) => i.message)).toEqual([]);
    }
    expect(mismatches.slice(0, 20)).toEqual([]);
    expect(compared).toBeGreaterThan(crafted.length);
    expect([...comparedKeys]).toEqual(
      expect.arrayContaining([
        'txt-1',
        'txt-2',
        'ref-1',
        'per-1',
        'rng-2',
        'csd-0',
        'age-1',
        'obs-7',
        'org-1',
        'cpb-9',
      ]),
    );
    expect([...falseKeys]).toEqual(expect.arrayContaining(EXPECTED_FALSE));
    expect(failedBoth).toBeGreaterThan(0);
    console.log(
      `fast paths compared with fhirpath.js: ${compared} evaluations (${failedBoth} where both fail)`,
    );
  }, 120_000);

  test('expressions outside the subset do not compile', () => {
    const definitions = loadR4Definitions();
    expect(compileMini("name.matches('\\s')", 'CodeSystem', definitions)).toBeUndefined(); // `\s` is no FHIRPath escape
    expect(compileMini("name.matches('\\\\s')", 'CodeSystem', definitions)).toBeDefined(); // `\\` is
    expect(compileMini("name.lower() = 'x'", 'CodeSystem', definitions)).toBeUndefined(); // functions outside the subset
    expect(compileMini('name[0]', 'CodeSystem', definitions)).toBeUndefined(); // indexers
    expect(compileMini('name is Foo', 'CodeSystem', definitions)).toBeUndefined(); // unknown types
    expect(compileMini("name.matches('[A-Z]')", 'CodeSystem', definitions)).toBeDefined();
    expect(compileMini('descendants().linkId.isDistinct()', 'Questionnaire', definitions)).toBeDefined();
    expect(compileMini('start <= end', 'Period', definitions)).toBeDefined();
  });
});
