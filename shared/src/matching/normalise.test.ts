import { describe, expect, test } from 'vitest';
import { isContentWord, normaliseText, stem, words } from './normalise.js';

describe('normalise', () => {
  test('folds case, accents and typographic dashes', () => {
    expect(normaliseText('Café – e‑RS')).toBe('cafe - e-rs');
  });

  test('splits words, drops possessive s, keeps digits', () => {
    expect(words("Children's EPR (ePMA), dm+d & NHS.UK 2025")).toEqual(['children', 'epr', 'epma', 'dm', 'd', 'nhs', 'uk', '2025']);
  });

  test.each([
    ['referrals', 'referral'],
    ['prescribing', 'prescrib'],
    ['prescribed', 'prescrib'],
    ['recording', 'record'],
    ['recorded', 'record'],
    ['pseudonymisation', 'pseudonymis'],
    ['pseudonymised', 'pseudonymis'],
    ['validation', 'validat'],
    ['validator', 'validat'],
    ['queries', 'query'],
    ['shipping', 'ship'],
  ])('stem(%s) = %s', (word, expected) => {
    expect(stem(word)).toBe(expected);
  });

  test('stemming keeps words whose suffix is part of the meaning apart', () => {
    expect(stem('digital')).not.toBe(stem('digit'));
    expect(stem('server')).not.toBe(stem('serve'));
    expect(stem('status')).toBe('status');
  });

  test('stop words, numbers and single letters carry no meaning on their own', () => {
    expect(['the', 'tender', 'supplier', '2025', 'e', 'framework'].filter(isContentWord)).toEqual([]);
    expect(['glaucoma', 'mesh'].every(isContentWord)).toBe(true);
  });
});
