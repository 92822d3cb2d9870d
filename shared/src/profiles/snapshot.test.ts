import { describe, expect, test } from 'vitest';
import { SnapshotError, SnapshotGenerator, type ElementDefinition, type StructureDefinition } from './index.js';

const SD = 'http://hl7.org/fhir/StructureDefinition/';
const el = (path: string, extra: Partial<ElementDefinition> = {}): ElementDefinition => ({ id: path, path, min: 0, max: '1', ...extra });

// A miniature core: one resource with a backbone element, a choice and a content reference, and two data types.
const core: StructureDefinition[] = [
  {
    resourceType: 'StructureDefinition', url: `${SD}Thing`, type: 'Thing', kind: 'resource', derivation: 'specialization',
    snapshot: {
      element: [
        el('Thing', { max: '*' }),
        el('Thing.identifier', { max: '*', type: [{ code: 'Identifier' }] }),
        el('Thing.value[x]', { type: [{ code: 'string' }, { code: 'Quantity' }] }),
        el('Thing.part', { max: '*', type: [{ code: 'BackboneElement' }] }),
        el('Thing.part.code', { type: [{ code: 'string' }] }),
        el('Thing.part.part', { max: '*', contentReference: '#Thing.part' }),
      ],
    },
  },
  {
    resourceType: 'StructureDefinition', url: `${SD}Identifier`, type: 'Identifier', kind: 'complex-type', derivation: 'specialization',
    snapshot: { element: [el('Identifier'), el('Identifier.system', { type: [{ code: 'uri' }] }), el('Identifier.value', { type: [{ code: 'string' }] })] },
  },
  {
    resourceType: 'StructureDefinition', url: `${SD}Quantity`, type: 'Quantity', kind: 'complex-type', derivation: 'specialization',
    snapshot: { element: [el('Quantity'), el('Quantity.value', { type: [{ code: 'decimal' }] })] },
  },
];

function generatorWith(...extra: StructureDefinition[]): SnapshotGenerator {
  const byUrl = new Map([...core, ...extra].map((sd) => [sd.url, sd]));
  return new SnapshotGenerator({ get: (url) => byUrl.get(url) });
}

const profile = (differential: ElementDefinition[], base = `${SD}Thing`): StructureDefinition => ({
  resourceType: 'StructureDefinition', url: 'http://example.test/Profile', type: 'Thing', derivation: 'constraint', baseDefinition: base,
  differential: { element: differential },
});

describe('generateSnapshot', () => {
  test('slices go after the sliced element, unfolding data type children on demand', () => {
    const { elements, messages } = generatorWith().generate(
      profile([
        el('Thing.identifier', { slicing: { discriminator: [{ type: 'value', path: 'system' }], rules: 'open' } }),
        { id: 'Thing.identifier:a', path: 'Thing.identifier', sliceName: 'a', max: '1' },
        { id: 'Thing.identifier:a.system', path: 'Thing.identifier.system', min: 1, fixedUri: 'urn:a' },
        { id: 'Thing.identifier:b', path: 'Thing.identifier', sliceName: 'b' },
      ]),
    );
    expect(messages).toEqual([]);
    expect(elements.map((e) => e.id)).toEqual([
      'Thing', 'Thing.identifier', 'Thing.identifier:a', 'Thing.identifier:a.system', 'Thing.identifier:a.value', 'Thing.identifier:b',
      'Thing.value[x]', 'Thing.part', 'Thing.part.code', 'Thing.part.part',
    ]);
    const system = elements.find((e) => e.id === 'Thing.identifier:a.system');
    expect(system).toMatchObject({ min: 1, fixedUri: 'urn:a', path: 'Thing.identifier.system' });
    expect(elements.find((e) => e.id === 'Thing.identifier:b')?.max).toBe('*');
  });

  test('backbone slices carry the backbone children; content references unfold', () => {
    const { elements, messages } = generatorWith().generate(
      profile([
        { id: 'Thing.part:x', path: 'Thing.part', sliceName: 'x' },
        { id: 'Thing.part.part.code', path: 'Thing.part.part.code', min: 1 },
      ]),
    );
    expect(messages).toEqual([]);
    expect(elements.map((e) => e.id)).toContain('Thing.part:x.code');
    expect(elements.find((e) => e.id === 'Thing.part.part.code')?.min).toBe(1);
  });

  test('a renamed choice (valueQuantity) constrains value[x], and a single type unfolds', () => {
    const { elements, messages } = generatorWith().generate(
      profile([
        { id: 'Thing.valueQuantity', path: 'Thing.valueQuantity', type: [{ code: 'Quantity' }] },
        { id: 'Thing.value[x].value', path: 'Thing.value[x].value', min: 1 },
      ]),
    );
    expect(messages).toEqual([]);
    expect(elements.find((e) => e.id === 'Thing.value[x]')?.type).toEqual([{ code: 'Quantity' }]);
    expect(elements.find((e) => e.id === 'Thing.value[x].value')?.min).toBe(1);
  });

  test('an element the base lacks is reported, not invented', () => {
    const { messages } = generatorWith().generate(profile([{ id: 'Thing.nope', path: 'Thing.nope', min: 1 }]));
    expect(messages).toEqual([expect.objectContaining({ severity: 'error', elementId: 'Thing.nope' })]);
  });

  test('profile chains resolve through generated bases; constraints append', () => {
    const parent = { ...profile([{ id: 'Thing.identifier', path: 'Thing.identifier', min: 1, constraint: [{ key: 'a-1', severity: 'error', human: 'x' }] }]), url: 'http://example.test/Parent' } as StructureDefinition;
    const child = profile([{ id: 'Thing.identifier', path: 'Thing.identifier', max: '2', constraint: [{ key: 'b-1', severity: 'error', human: 'y' }] }], 'http://example.test/Parent');
    const { elements } = generatorWith(parent).generate(child);
    const identifier = elements.find((e) => e.id === 'Thing.identifier');
    expect(identifier).toMatchObject({ min: 1, max: '2' });
    expect(identifier?.constraint?.map((c) => c.key)).toEqual(['a-1', 'b-1']);
  });

  test('a missing base throws a SnapshotError naming it', () => {
    expect(() => generatorWith().generate(profile([], 'http://example.test/Missing'))).toThrow(SnapshotError);
  });
});
