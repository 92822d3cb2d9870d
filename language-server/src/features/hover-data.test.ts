// The hover texts file (issue 7): format 2 (each type's elements and each code system's displays parsed when
// first asked for) answers as format 1 does, and the built file is format 2.
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { ensureHoverData, HOVER_DATA } from '../../test/lsp-client.js';
import { createHoverData, createHoverDataOnDemand, lazyHoverData, type HoverDataFile } from './hover-data.js';

const FORMAT_1: HoverDataFile = {
  format: 'wheelhouse-hover/1',
  source: 'test',
  elements: {
    Patient: ['Information about an individual', 'Demographics.'],
    'Patient.gender': ['male | female | other | unknown', 'Administrative Gender.'],
    'Observation.value[x]': ['Actual result', 'The information determined as a result. é'],
  },
  displays: { 'http://hl7.org/fhir/administrative-gender': { female: 'Female', male: 'Male' } },
  extensions: [['http://hl7.org/fhir/StructureDefinition/patient-birthPlace', 'Place of Birth']],
};

describe('hover data', () => {
  test('format 2 answers as format 1, including for names that are not there', () => {
    const byType: Record<string, Record<string, [string, string]>> = {};
    for (const [path, texts] of Object.entries(FORMAT_1.elements))
      (byType[path.split('.')[0]!] ??= {})[path] = texts;
    const texts = <T>(groups: Record<string, T>): Record<string, string> =>
      Object.fromEntries(Object.entries(groups).map(([k, v]) => [k, JSON.stringify(v)]));
    const v1 = createHoverData(FORMAT_1);
    const v2 = createHoverDataOnDemand({
      ...FORMAT_1,
      format: 'wheelhouse-hover/2',
      elements: texts(byType),
      displays: texts(FORMAT_1.displays),
    });
    for (const path of [
      'Patient',
      'Patient.gender',
      'Observation.value[x]',
      'Patient.nope',
      'Nope.x',
      'constructor',
      'toString.x',
    ])
      expect(v2.element(path)).toEqual(v1.element(path));
    for (const [system, code] of [
      ['http://hl7.org/fhir/administrative-gender', 'female'],
      ['http://hl7.org/fhir/administrative-gender', 'constructor'],
      ['http://example.org', 'x'],
      ['constructor', 'x'],
    ] as const)
      expect(v2.display(system, code)).toBe(v1.display(system, code));
    expect(v2.codes('http://hl7.org/fhir/administrative-gender')).toEqual(
      v1.codes('http://hl7.org/fhir/administrative-gender'),
    );
    expect(v2.codes('constructor')).toBeUndefined();
    expect(v2.extensions()).toEqual(v1.extensions());
  });

  test('the built file is format 2, ASCII only, and answers', () => {
    ensureHoverData();
    const text = readFileSync(HOVER_DATA, 'utf8');
    expect((JSON.parse(text) as { format: string }).format).toBe('wheelhouse-hover/2');
    expect([...text].some((c) => c.charCodeAt(0) > 0x7f)).toBe(false);
    const data = lazyHoverData(HOVER_DATA, (m) => expect.fail(m))();
    expect(data.element('Patient.gender')?.short).toMatch(/female/);
    expect(data.display('http://hl7.org/fhir/administrative-gender', 'female')).toBe('Female');
  });
});
