import { describe, expect, test } from 'vitest';
import { Analyser } from './analyse.js';
import { CONCEPTS } from './synonyms.js';

const analyser = new Analyser();
const terms = (text: string) => [...analyser.analyse(text).keys()];

describe('analyser', () => {
  test.each([
    ['HEPMA system', '~epma'],
    ['electronic prescribing and medicines administration', '~epma'],
    ['the NHS e-Referral Service', '~ers'],
    ['e-RS', '~ers'],
    ['Personal Demographics Service', '~pds'],
    ['a GP Connect consumer', '~gp-connect'],
    ['via MESH mailboxes', '~mesh'],
    ['sign in with NHS login', '~nhs-login'],
    ['glaucoma clinic', '~eye-care'],
    ['immunisation records', '~vaccination'],
    ['track and trigger', '~early-warning'],
  ])('"%s" carries %s', (text, concept) => {
    expect(terms(text)).toContain(concept);
  });

  test('SCR means both the Summary Care Record and a shared care record', () => {
    expect(terms('SCR')).toEqual(expect.arrayContaining(['~summary-care-record', '~shared-care-record']));
    expect(terms('shared care record')).not.toContain('~summary-care-record');
  });

  test('a phrase counts once, through its concept (its words are consumed)', () => {
    const counts = analyser.analyse('Friends and Family Test feedback');
    expect(counts.has('~fft')).toBe(true);
    expect(counts.has('famili')).toBe(false);
    expect(counts.has('~patient-feedback')).toBe(true);
  });

  test('referral to treatment is a waiting-list measure, not a referral', () => {
    const t = terms('RTT referral to treatment pathways');
    expect(t).toContain('~rtt');
    expect(t).not.toContain('~referral');
  });

  test('"pre-alpha" is a maturity label, not the alpha phase', () => {
    expect(terms('a pre-alpha component set')).not.toContain('~prototyping');
    expect(terms('concluding alpha')).toContain('~prototyping');
  });

  test('plain words become stems, generic NHS words are marked', () => {
    const counts = analyser.analyse('Patient waiting list validation');
    expect(counts.get('patient')?.generic).toBe(true);
    expect(counts.has('~waiting-list')).toBe(true);
    expect(counts.get('validat')?.surface).toBe('validation');
  });

  test('every concept has a label, phrases, and a unique id', () => {
    const ids = CONCEPTS.map((c) => c.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const c of CONCEPTS) {
      expect(c.label.length).toBeGreaterThan(0);
      expect(c.phrases.length).toBeGreaterThan(0);
    }
  });

  test('keeping phrase words is an option', () => {
    const keep = new Analyser(CONCEPTS, { consumeAll: false });
    expect([...keep.analyse('glaucoma').keys()]).toEqual(['~eye-care', 'glaucoma']);
  });

  test('stem sequences keep stop words for phrase search', () => {
    expect(analyser.stemSequence('Without the real patient data')).toEqual(['without', 'the', 'real', 'patient', 'data']);
  });
});
