// Profile validation through the engine: slicing with each discriminator type, slice cardinality,
// closed/openAtEnd, fixed/pattern, choice narrowing, extension definitions and context, package
// value set bindings (extensional and is-a), and "not checked" for code systems we do not have.
import { join, resolve } from 'node:path';
import { describe, expect, test } from 'vitest';
import { loadR4Definitions } from '../node/definitions.js';
import { loadR4Terminology } from '../node/terminology.js';
import { loadCoreDefinitions } from '../node/packages/core-definitions.js';
import { ConformanceStore } from '../packages/store.js';
import { createValidator } from '../validation/index.js';
import { nodeFhirPathProvider as fhirpath } from '../node/fhirpath.js';
import type { ElementDefinition, StructureDefinition } from './types.js';

const repo = resolve(import.meta.dirname, '../../..');
const definitions = loadR4Definitions();
const core = loadCoreDefinitions({ cacheDir: join(repo, 'node_modules/.cache/wheelhouse') });
const EX = 'http://example.test/fhir';

const profile = (id: string, type: string, differential: ElementDefinition[], extra: Partial<StructureDefinition> = {}): StructureDefinition => ({
  resourceType: 'StructureDefinition', url: `${EX}/StructureDefinition/${id}`, id, name: id, type, kind: type === 'Extension' ? 'complex-type' : 'resource',
  derivation: 'constraint', baseDefinition: `http://hl7.org/fhir/StructureDefinition/${type}`, differential: { element: differential }, ...extra,
});

const ext = profile('colour', 'Extension', [
  { id: 'Extension.url', path: 'Extension.url', fixedUri: `${EX}/StructureDefinition/colour` },
  { id: 'Extension.value[x]', path: 'Extension.value[x]', min: 1, type: [{ code: 'code' }], binding: { strength: 'required', valueSet: `${EX}/ValueSet/colours` } },
], { context: [{ type: 'element', expression: 'Patient' }] });

const patient = profile('MyPatient', 'Patient', [
  { id: 'Patient.identifier', path: 'Patient.identifier', slicing: { discriminator: [{ type: 'value', path: 'system' }], rules: 'open' } },
  { id: 'Patient.identifier:nhs', path: 'Patient.identifier', sliceName: 'nhs', min: 1, max: '1' },
  { id: 'Patient.identifier:nhs.system', path: 'Patient.identifier.system', fixedUri: 'https://fhir.nhs.uk/Id/nhs-number' },
  { id: 'Patient.extension:colour', path: 'Patient.extension', sliceName: 'colour', max: '1', type: [{ code: 'Extension', profile: [`${EX}/StructureDefinition/colour`] }] },
  { id: 'Patient.gender', path: 'Patient.gender', min: 1 },
  { id: 'Patient.deceased[x]', path: 'Patient.deceased[x]', type: [{ code: 'boolean' }] },
  { id: 'Patient.maritalStatus', path: 'Patient.maritalStatus', binding: { strength: 'required', valueSet: `${EX}/ValueSet/marital` } },
  { id: 'Patient.contact', path: 'Patient.contact', slicing: { discriminator: [{ type: 'pattern', path: 'relationship' }], rules: 'closed' } },
  { id: 'Patient.contact:nok', path: 'Patient.contact', sliceName: 'nok' },
  { id: 'Patient.contact:nok.relationship', path: 'Patient.contact.relationship', patternCodeableConcept: { coding: [{ system: `${EX}/cs`, code: 'N' }] } },
  { id: 'Patient.communication', path: 'Patient.communication', slicing: { discriminator: [{ type: 'exists', path: 'preferred' }], rules: 'open' } },
  { id: 'Patient.communication:preferred', path: 'Patient.communication', sliceName: 'preferred', max: '1' },
  { id: 'Patient.communication:preferred.preferred', path: 'Patient.communication.preferred', min: 1 },
]);

const cs = { resourceType: 'CodeSystem', url: `${EX}/cs`, content: 'complete', concept: [{ code: 'M', concept: [{ code: 'M1' }] }, { code: 'S' }, { code: 'N' }] };
const store = new ConformanceStore();
for (const sd of core) store.add(sd, { source: 'core' });
for (const r of [ext, patient, cs,
  { resourceType: 'ValueSet', url: `${EX}/ValueSet/colours`, compose: { include: [{ system: `${EX}/colour`, concept: [{ code: 'red' }, { code: 'blue' }] }] } },
  { resourceType: 'ValueSet', url: `${EX}/ValueSet/marital`, compose: { include: [{ system: `${EX}/cs`, filter: [{ property: 'concept', op: 'is-a', value: 'M' }] }, { system: 'http://snomed.info/sct', filter: [{ property: 'concept', op: 'is-a', value: '1' }] }] } },
]) store.add(r, { source: 'test' });

const validator = createValidator({ definitions, fhirpath, conformance: store });
const base = { resourceType: 'Patient', gender: 'male', identifier: [{ system: 'https://fhir.nhs.uk/Id/nhs-number', value: '9000000009' }] };
const issues = (resource: object, profiles = [patient.url]): string[] =>
  validator.validate(JSON.stringify(resource), { profiles }).issues.filter((i) => i.ruleId.startsWith('profile') || i.ruleId.startsWith('extension-')).map((i) => `${i.ruleId} ${i.location}`);

describe('profile validation', () => {
  test('a conforming resource has no profile issues', () => {
    expect(issues({ ...base, extension: [{ url: ext.url, valueCode: 'red' }], maritalStatus: { coding: [{ system: `${EX}/cs`, code: 'M1' }] } })).toEqual([]);
  });

  test('slice cardinality by value discriminator; profile min', () => {
    expect(issues({ resourceType: 'Patient', identifier: [{ system: 'urn:other', value: '1' }] })).toEqual(['profile-cardinality Patient', 'profile-slicing Patient.identifier']);
    expect(issues({ ...base, identifier: [...base.identifier, ...base.identifier] })).toEqual(['profile-slicing Patient.identifier[1]']);
  });

  test('choice narrowing, closed pattern slicing, exists discriminator', () => {
    expect(issues({ ...base, deceasedDateTime: '2020-01-01' })).toEqual(['profile-type Patient.deceasedDateTime']);
    expect(issues({ ...base, contact: [{ relationship: [{ coding: [{ system: `${EX}/cs`, code: 'N' }] }] }, { relationship: [{ text: 'friend' }] }] })).toEqual(['profile-slicing Patient.contact[1]']);
    expect(issues({ ...base, communication: [{ language: { text: 'en' }, preferred: true }, { language: { text: 'fr' }, preferred: false }] })).toEqual(['profile-slicing Patient.communication[1]']);
  });

  test('extensions: definition (binding, value) and context', () => {
    expect(issues({ ...base, extension: [{ url: ext.url, valueCode: 'green' }] })).toEqual(['profile-binding Patient.extension[0].valueCode']);
    expect(issues({ ...base, name: [{ extension: [{ url: ext.url, valueCode: 'red' }], family: 'X' }] })).toEqual(['extension-context Patient.name[0].extension[0]']);
  });

  test('bindings: is-a over a package CodeSystem; SNOMED is not checked, never an error', () => {
    expect(issues({ ...base, maritalStatus: { coding: [{ system: `${EX}/cs`, code: 'S' }] } })).toEqual(['profile-binding Patient.maritalStatus']);
    expect(issues({ ...base, maritalStatus: { coding: [{ system: 'http://snomed.info/sct', code: '12345' }] } })).toEqual([]);
  });

  test('unknown and mismatched profiles', () => {
    expect(issues(base, ['http://example.test/nope'])).toEqual(['profile-unknown Patient']);
    expect(issues({ resourceType: 'Observation', status: 'final', code: { text: 'x' } })).toEqual(['profile-type Observation']);
  });

  test('a regular extension used as a modifierExtension (and a modifier one as an extension)', () => {
    expect(issues({ ...base, modifierExtension: [{ url: ext.url, valueCode: 'red' }] })).toEqual(['extension-context Patient.modifierExtension[0]']);
    const modifier = profile('refused', 'Extension', [
      { id: 'Extension', path: 'Extension', isModifier: true, isModifierReason: 'negates' },
      { id: 'Extension.url', path: 'Extension.url', fixedUri: `${EX}/StructureDefinition/refused` },
      { id: 'Extension.value[x]', path: 'Extension.value[x]', type: [{ code: 'boolean' }] },
    ], { context: [{ type: 'element', expression: 'Patient' }] });
    const s = new ConformanceStore();
    for (const sd of core) s.add(sd, { source: 'core' });
    s.add(modifier, { source: 'test' });
    const v = createValidator({ definitions, fhirpath, conformance: s });
    const found = v.validate(JSON.stringify({ resourceType: 'Patient', extension: [{ url: modifier.url, valueBoolean: true }] })).issues.filter((i) => i.ruleId === 'extension-context');
    expect(found.map((i) => i.location)).toEqual(['Patient.extension[0]']);
    expect(v.validate(JSON.stringify({ resourceType: 'Patient', modifierExtension: [{ url: modifier.url, valueBoolean: true }] })).issues.filter((i) => i.ruleId === 'extension-context')).toEqual([]);
  });

  test('a profile binding to a core value set (UCUM age units) is checked with the core terminology', () => {
    const age = profile('AgeObservation', 'Observation', [
      { id: 'Observation.value[x]', path: 'Observation.value[x]', type: [{ code: 'Quantity' }], binding: { strength: 'required', valueSet: 'http://hl7.org/fhir/ValueSet/age-units' } },
    ]);
    const s = new ConformanceStore();
    for (const sd of core) s.add(sd, { source: 'core' });
    s.add(age, { source: 'test' });
    const v = createValidator({ definitions, fhirpath, terminology: loadR4Terminology(), conformance: s });
    const obs = (code: string): object => ({ resourceType: 'Observation', status: 'final', code: { text: 'age' }, valueQuantity: { value: 18, system: 'http://unitsofmeasure.org', code } });
    const found = (code: string): string[] => v.validate(JSON.stringify(obs(code)), { profiles: [age.url] }).issues.filter((i) => i.ruleId === 'profile-binding').map((i) => `${i.severity} ${i.location}`);
    expect(found('m')).toEqual(['error Observation.valueQuantity']);
    expect(found('a')).toEqual([]);
  });

  test('reference targetProfile: a target in the same Bundle or contained must conform', () => {
    const withId = profile('IdentifiedPatient', 'Patient', [{ id: 'Patient.identifier', path: 'Patient.identifier', min: 1 }]);
    const obs = profile('PatientObservation', 'Observation', [
      { id: 'Observation.subject', path: 'Observation.subject', type: [{ code: 'Reference', targetProfile: [withId.url] }] },
    ]);
    const s = new ConformanceStore();
    for (const sd of core) s.add(sd, { source: 'core' });
    s.add(withId, { source: 'test' });
    s.add(obs, { source: 'test' });
    const v = createValidator({ definitions, fhirpath, conformance: s });
    const found = (resource: object): string[] => v.validate(JSON.stringify(resource)).issues.filter((i) => i.ruleId === 'profile-type').map((i) => i.location);
    const observation = (): object => ({ resourceType: 'Observation', meta: { profile: [obs.url] }, status: 'final', code: { text: 'x' }, subject: { reference: 'Patient/p1' } });
    const bundle = (patient: object): object => ({ resourceType: 'Bundle', type: 'collection', entry: [
      { fullUrl: 'http://example.test/Observation/o1', resource: observation() },
      { fullUrl: 'http://example.test/Patient/p1', resource: { resourceType: 'Patient', id: 'p1', ...patient } },
    ] });
    expect(found(bundle({}))).toEqual(['Bundle.entry[0].resource.subject.reference']);
    expect(found(bundle({ identifier: [{ value: '1' }] }))).toEqual([]);
    const contained = { resourceType: 'Observation', meta: { profile: [obs.url] }, status: 'final', code: { text: 'x' }, contained: [{ resourceType: 'Patient', id: 'p' }], subject: { reference: '#p' } };
    expect(found(contained)).toEqual(['Observation.subject.reference']);
    // A target that cannot be resolved here is not judged.
    expect(found({ ...contained, contained: [], subject: { reference: 'Patient/elsewhere' } })).toEqual([]);
  });
});
