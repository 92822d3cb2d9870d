import { describe, expect, test } from 'vitest';
import { ComponentSchema } from '../catalogue/index.js';
import { buildIndex, buildIndexFrom, type MatchableComponent } from './build.js';
import { DEFAULT_PARAMS, loadIndex, match, MatchIndexError, rank } from './match.js';

const component = (c: Partial<MatchableComponent> & Pick<MatchableComponent, 'id' | 'name' | 'summary'>): MatchableComponent => ({
  features: [],
  terms: [],
  antiTerms: [],
  tags: [],
  ...c,
});

// A small catalogue with the traps of the real one: two prescribing services, two eye products, a design system.
const components: MatchableComponent[] = [
  component({ id: 'openep', name: 'OPENeP', summary: 'Electronic prescribing and medicines administration for hospital wards.', tags: ['ePMA'], url: 'https://github.com/nhsland/openep' }),
  component({ id: 'eps-api', name: 'Electronic Prescription Service API', summary: 'FHIR API for sending community prescriptions to pharmacies over Spine.', tags: ['EPS', 'dm+d'], antiTerms: ['hospital'] }),
  component({ id: 'openeyes', name: 'OpenEyes', summary: 'Electronic patient record for ophthalmology.', tags: ['Ophthalmology EPR'] }),
  component({ id: 'eyedraw', name: 'EyeDraw', summary: 'Drawing library for eye diagrams.' }),
  component({ id: 'frontend', name: 'NHS.UK frontend', summary: 'Styles and components for accessible NHS websites.', tags: ['NHS design system', 'WCAG'], landingUrl: 'https://service-manual.nhs.uk/design-system' }),
  component({ id: 'mesh-client', name: 'MESH client', summary: 'Library for sending and receiving files over MESH.', tags: ['MESH'] }),
];
const index = loadIndex(buildIndexFrom(components));

describe('match', () => {
  test('finds the component a need describes, with reasons naming the evidence', () => {
    const [first] = match(index, { title: 'HEPMA system', text: 'Hospital electronic prescribing and medicines administration across all wards.' });
    expect(first?.id).toBe('openep');
    expect(first?.reasons.join(' ')).toMatch(/matched: .*ePMA/);
  });

  test('says nothing when no component clears the threshold', () => {
    expect(match(index, { title: 'Cleaning services', text: 'Window cleaning and waste collection for estates buildings.' })).toEqual([]);
    expect(match(index, { text: '' })).toEqual([]);
  });

  test('best first, at most `top`, none below the relative cut', () => {
    const page = { title: 'Ophthalmology EPR', text: 'An electronic patient record for eye clinics, with eye drawings.' };
    const all = match(index, page, { top: 5, params: { relative: 0, threshold: 0 } });
    expect(all.map((s) => s.id).slice(0, 2)).toEqual(['openeyes', 'eyedraw']);
    expect(all.every((s, i) => i === 0 || s.score <= (all[i - 1]?.score ?? Infinity))).toBe(true);
    expect(match(index, page, { top: 1 })).toHaveLength(1);
    expect(match(index, page, { top: 0 })).toEqual([]);
    const strict = match(index, page, { top: 5, params: { relative: 0.99 } });
    expect(strict.map((s) => s.id)).toEqual(['openeyes']);
  });

  test('an anti-term in the page ranks the component lower, unless it is negated', () => {
    const page = { text: 'Electronic prescribing in hospital wards for inpatients.' };
    const damped = rank(index, page, { ...DEFAULT_PARAMS, antiPenalty: 0.2 }).find((r) => r.id === 'eps-api');
    const plain = rank(index, page, { ...DEFAULT_PARAMS, antiPenalty: 1 }).find((r) => r.id === 'eps-api');
    expect(damped?.score).toBeCloseTo((plain?.score ?? 0) * 0.2);
    const negated = { text: 'Electronic prescribing in the community, not hospital wards.' };
    const a = rank(index, negated, { ...DEFAULT_PARAMS, antiPenalty: 0.2 }).find((r) => r.id === 'eps-api');
    const b = rank(index, negated, { ...DEFAULT_PARAMS, antiPenalty: 1 }).find((r) => r.id === 'eps-api');
    expect(a?.score).toBeCloseTo(b?.score ?? 0);
  });

  test('an anti-term the component’s own text uses is left out of the index', () => {
    const built = buildIndexFrom([
      component({ id: 'banner', name: 'Cookie banner', summary: 'Cookie consent banner for NHS websites.', antiTerms: ['website', 'clinical record'] }),
    ]);
    expect(built.anti).toEqual([[0, 'clinical record', 'clinical record']]);
  });

  test('a page naming what the component is outweighs a weaker mention of its anti-term', () => {
    const validators = loadIndex(
      buildIndexFrom([
        component({ id: 'validator', name: 'NHS number validator', summary: 'Library that checks NHS number check digits.', antiTerms: ['design system'] }),
        component({ id: 'frontend', name: 'Frontend', summary: 'Components of the NHS design system.' }),
      ]),
    );
    const score = (page: { title?: string; text: string }, antiPenalty: number) => rank(validators, page, { ...DEFAULT_PARAMS, antiPenalty }).find((r) => r.id === 'validator')?.score;
    // "NHS number" (a named standard) is the stronger evidence: the design system is context.
    const numbers = { text: 'Client-side validation of NHS numbers in forms built with the NHS design system.' };
    expect(score(numbers, 0.5)).toBeCloseTo(score(numbers, 1) ?? 0);
    // The design system is what the page is about; the NHS number is a detail.
    const design = { title: 'NHS design system', text: 'Design system components, design system patterns and an NHS number input.' };
    expect(score(design, 0.5)).toBeCloseTo((score(design, 1) ?? 0) * 0.5);
    const [shown] = match(validators, design, { top: 3, params: { threshold: 0, relative: 0 } }).filter((s) => s.id === 'validator');
    expect(shown?.reasons[0]).toBe('ranked lower: the page mentions "design system"');
  });

  test('CPV codes: software labels add terms, codes outside software and IT damp the scores', () => {
    const text = 'Secure file transfer between trusts and national services using MESH.';
    const base = rank(index, { text })[0];
    const services = rank(index, { text, cpv: ['79411000-8'] })[0];
    expect(services?.score).toBeCloseTo((base?.score ?? 0) * DEFAULT_PARAMS.nonDigitalCpvPenalty);
    const software = rank(index, { text: `${text} CPV: 48814000` })[0];
    expect(software?.score).toBe(base?.score);
    const [withLabel] = match(index, { text: 'Ophthalmology', cpv: ['48814400'] }, { params: { threshold: 0 } });
    expect(withLabel?.reasons.join(' ')).toMatch(/CPV code terms: EPR/);
  });

  test('a page that is the component’s repository, a fork of it, or its product site confirms it', () => {
    const fork = match(index, { text: 'Some repository', url: 'https://github.com/someone/openep' });
    expect(fork[0]?.id).toBe('openep');
    expect(fork[0]?.reasons[0]).toMatch(/same repository name/);
    const own = match(index, { text: '', url: 'https://github.com/nhsland/openep/tree/main' });
    expect(own[0]?.reasons[0]).toBe('this page is its source repository');
    const site = match(index, { text: '', url: 'https://service-manual.nhs.uk/design-system/components/buttons' });
    expect(site[0]?.id).toBe('frontend');
    expect(match(index, { text: '', url: 'https://service-manual.nhs.uk/content' })).toEqual([]);
  });

  test('the serialised index is plain JSON and matches the same after a round trip', () => {
    const json = JSON.stringify(buildIndexFrom(components));
    const again = loadIndex(json);
    const page = { title: 'MESH integration', text: 'send and receive files over MESH' };
    expect(match(again, page)).toEqual(match(index, page));
  });

  test('bad index input is refused with a named error', () => {
    expect(() => loadIndex('{')).toThrow(MatchIndexError);
    expect(() => loadIndex({ format: 'other' })).toThrow(/not a Wheelhouse match index/);
    expect(() => loadIndex({ ...buildIndexFrom(components), version: 2 })).toThrow(/version 2/);
    expect(() => loadIndex({ ...buildIndexFrom(components), lengths: [] })).toThrow(/disagree/);
  });

  test('builds from catalogue manifests', () => {
    const manifest = ComponentSchema.parse({
      publiccodeYmlVersion: '0.7',
      id: 'mesh-sandbox',
      name: 'MESH sandbox',
      url: 'https://github.com/NHSDigital/mesh-sandbox',
      softwareType: 'library',
      developmentStatus: 'stable',
      categories: ['testing'],
      description: { en: { shortDescription: 'Local stand-in for the MESH API for testing without national connectivity.' } },
      legal: { license: 'MIT' },
      maintenance: { type: 'internal' },
      nhs: { services: ['MESH'], matching: { terms: ['mesh sandbox'], antiTerms: [] } },
    });
    const built = buildIndex([manifest]);
    expect(built.docs[0]?.slice(0, 3)).toEqual(['mesh-sandbox', 'MESH sandbox', 'nhsdigital/mesh-sandbox']);
    // One component: every term is in every document, so only the ranking (not the threshold) is meaningful.
    expect(match(loadIndex(built), { text: 'A local MESH sandbox to test messaging' }, { params: { threshold: 0 } })[0]?.id).toBe('mesh-sandbox');
  });
});
