import { describe, expect, test } from 'vitest';
import { definitions, definitionsMissing } from '../../../test/engine.js';

describe.skipIf(definitionsMissing !== undefined)('R4 core definitions index', () => {
  const d = definitionsMissing ? undefined : definitions();
  test('source and version', () => {
    expect(d!.fhirVersion).toBe('4.0.1');
    expect(d!.source).toMatch(/^@medplum\/definitions \d+\.\d+\.\d+$/);
  });
  test('resource types: concrete ones only', () => {
    const names = d!.resourceTypeNames();
    expect(names).toContain('Patient');
    expect(names).toContain('Bundle');
    expect(names).not.toContain('DomainResource');
    expect(names.length).toBeGreaterThan(140);
    expect(names).toContain('Parameters');
  });
  test('elements keep cardinality, types with target profiles, bindings and constraints', () => {
    const gender = d!.element('Patient.gender')!;
    expect(gender).toMatchObject({ min: 0, max: '1', types: [{ code: 'code' }], binding: { strength: 'required', valueSet: 'http://hl7.org/fhir/ValueSet/administrative-gender|4.0.1' } });
    const subject = d!.element('Observation.subject')!;
    expect(subject.types?.[0]?.targetProfile).toContain('http://hl7.org/fhir/StructureDefinition/Patient');
    const root = d!.element('Patient')!;
    expect(root.constraints?.map((c) => c.key)).toEqual(expect.arrayContaining(['dom-2', 'dom-3', 'dom-4', 'dom-5', 'dom-6']));
    const period = d!.type('Period')!.elements[0]!;
    expect(period.constraints?.find((c) => c.key === 'per-1')).toMatchObject({ severity: 'error', expression: 'start.hasValue().not() or end.hasValue().not() or (start <= end)' });
  });
  test('Resource.id is typed id (R4 snapshots say System.String)', () => {
    expect(d!.element('Patient.id')?.types).toEqual([{ code: 'id' }]);
    expect(d!.element('Extension.url')?.types).toEqual([{ code: 'uri' }]);
  });
  test('children: choice types expand, backbone elements and contentReference resolve', () => {
    const obs = d!.children('Observation')!;
    expect(obs.byName.get('valueQuantity')).toMatchObject({ type: 'Quantity', isChoice: true, elementPath: 'Observation.value[x]' });
    expect(obs.byName.has('value[x]')).toBe(false);
    expect(d!.children('Patient')!.byName.get('contact')).toMatchObject({ isBackbone: true, childrenPath: 'Patient.contact' });
    expect(d!.children('Questionnaire.item')!.byName.get('item')).toMatchObject({ isBackbone: true, childrenPath: 'Questionnaire.item' });
  });
  test('primitive regexes', () => {
    expect(d!.type('date')?.regex).toContain('[0-9]');
    expect(d!.type('id')?.regex).toBe('[A-Za-z0-9\\-\\.]{1,64}');
  });
});
