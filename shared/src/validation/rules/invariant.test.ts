import { describe, expect, test } from 'vitest';
import { loadR4Definitions, nodeFhirPathProvider } from '../../node/index.js';
import { createValidator } from '../run.js';

const validator = createValidator({ definitions: loadR4Definitions(), fhirpath: nodeFhirPathProvider });
const invariantIssues = (resource: unknown): string[] =>
  validator.validate(JSON.stringify(resource)).issues.filter((i) => i.ruleId === 'invariant').map((i) => `${i.location} ${String(i.data?.['key'])}`);

describe('invariant', () => {
  test.each([
    ['per-1 start after end', { resourceType: 'Encounter', status: 'finished', class: { code: 'AMB' }, period: { start: '2020-02-01', end: '2020-01-01' } }, ['Encounter.period per-1']],
    ['per-1 different precision (HL7 validator fails it)', { resourceType: 'Encounter', status: 'finished', class: { code: 'AMB' }, period: { start: '2023-06-21', end: '2023-06-21T06:20:00Z' } }, ['Encounter.period per-1']],
    ['que-12 two enableWhen without enableBehavior', { resourceType: 'Questionnaire', status: 'draft', item: [{ linkId: 'a', type: 'boolean' }, { linkId: 'b', type: 'string', enableWhen: [{ question: 'a', operator: 'exists', answerBoolean: true }, { question: 'a', operator: '=', answerBoolean: true }] }] }, ['Questionnaire.item[1] que-12']],
    ['ref-1 local reference without contained', { resourceType: 'Observation', status: 'final', code: { text: 'x' }, subject: { reference: '#p1' } }, ['Observation.subject ref-1']],
    ['dom-3 unreferenced contained', { resourceType: 'Observation', status: 'final', code: { text: 'x' }, contained: [{ resourceType: 'Patient', id: 'p1' }] }, ['Observation.contained[0] dom-3']],
    ['txt-1 script in narrative', { resourceType: 'Basic', code: { text: 'x' }, text: { status: 'generated', div: '<div xmlns="http://www.w3.org/1999/xhtml">x<script>alert(1)</script></div>' } }, ['Basic.text.div txt-1']],
  ])('reports %s', (_name, resource, expected) => {
    expect(invariantIssues(resource)).toEqual(expect.arrayContaining(expected));
  });

  test.each([
    ['per-1 in order', { resourceType: 'Encounter', status: 'finished', class: { code: 'AMB' }, period: { start: '2020-01-01', end: '2020-02-01T10:00:00Z' } }],
    ['ref-1 with display only', { resourceType: 'Observation', status: 'final', code: { text: 'x' }, subject: { display: 'Someone' } }],
    ['referenced contained', { resourceType: 'Observation', status: 'final', code: { text: 'x' }, contained: [{ resourceType: 'Patient', id: 'p1' }], subject: { reference: '#p1' } }],
    ['que-12 one enableWhen', { resourceType: 'Questionnaire', status: 'draft', item: [{ linkId: 'a', type: 'boolean' }, { linkId: 'b', type: 'string', enableWhen: [{ question: 'a', operator: 'exists', answerBoolean: true }] }] }],
  ])('accepts %s', (_name, resource) => {
    expect(invariantIssues(resource)).toEqual([]);
  });

  test('contained resources are not checked for dom-3 when validateContained is off', () => {
    const r = { resourceType: 'Observation', status: 'final', code: { text: 'x' }, contained: [{ resourceType: 'Patient', id: 'p1' }] };
    const issues = validator.validate(JSON.stringify(r), { settings: { validateContained: false } }).issues.filter((i) => i.data?.['key'] === 'dom-3');
    expect(issues).toEqual([]);
  });
});
