/**
 * Text normalisation for matching: fold case and accents, split into word tokens, drop stop words and
 * reduce words to a light stem so "referrals" meets "referral" and "prescribing" meets "prescribe".
 * Pure string code: runs in Node and in the browser extension.
 */

/** One word of the input: its stem (what is matched) and the word as written (what reasons show). */
export interface Token {
  readonly stem: string;
  readonly surface: string;
}

// English function words plus the boilerplate of procurement notices and NHS pages, which says
// nothing about the need ("supply and implement", "contract award notice", "NHS foundation trust").
const STOP_WORDS = new Set(
  (
    'a an and are as at be been being but by can could did do does for from had has have he her his how i if in into is it ' +
    'its it\'s may might more most must no not of on or our out over shall she should so some such than that the their them ' +
    'then there these they this those through to too up us very via was we were what when where which while who whom why ' +
    'will with within without would you your also all any each other own same only both just about across after again ' +
    'against among around because before below between during etc e.g i.e per upon whether yet ' +
    // Procurement and corporate boilerplate (Find a Tender, Contracts Finder, Sell2Wales labels).
    'contract contracts contracting tender tenders tendered tendering procurement procure procuring procured supplier suppliers ' +
    'buyer buyers award awarded lot lots notice notices framework frameworks call-off value vat excluding estimated deadline ' +
    'published date dates duration month months year years cpv opportunity opportunities requirement requirements provider ' +
    'providers supply supplying deliver delivering delivery including include includes new current existing ' +
    'organisation organisations body bodies trust trusts foundation ft icb nhs uk england'
  ).split(/\s+/),
);

// Words nearly every NHS page and component uses: they may match, but say little about which
// component fits ("patient care system", "digital health data service"). Weighted by `genericWeight`.
const GENERIC_WORDS = new Set(
  (
    'patient patients care health healthcare clinical clinician clinicians data system systems service services digital ' +
    'national local software solution solutions platform platforms management manage managed information technology tool tools ' +
    'team teams staff user users need needs use used using provide provides work works working process processes programme ' +
    'support supports public people person based open source develop developed development online web app application ' +
    'applications api apis across allow allows help helps make makes set sets end'
  ).split(/\s+/),
);

/** Whether a word is so common in NHS text that it says little (`GENERIC_WORDS`). */
export function isGenericWord(word: string): boolean {
  return GENERIC_WORDS.has(word);
}

/**
 * Lower-case, strip accents, unify apostrophes and dashes. Keeps `+`, `.` and `&` inside words
 * ("dm+d", "nhs.uk", "a&g") for the tokeniser to split consistently.
 */
export function normaliseText(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[\u2018\u2019\u02bc]/g, "'")
    .replace(/[\u2010-\u2015\u2212]/g, '-');
}

const WORD = /[a-z0-9]+(?:'[a-z]+)?/g;

/** Every word of the text, in order, including stop words (phrase matching needs them). */
export function words(text: string): string[] {
  const out: string[] = [];
  for (const m of normaliseText(text).matchAll(WORD)) {
    const w = m[0].endsWith("'s") ? m[0].slice(0, -2) : m[0].replace(/'/g, '');
    if (w) out.push(w);
  }
  return out;
}

/** Whether a stemmed word carries meaning on its own (not a stop word, number or single letter). */
export function isContentWord(word: string): boolean {
  return word.length > 1 && !/^\d+$/.test(word) && !STOP_WORDS.has(word);
}

const DOUBLE_CONSONANT = /([bdfgmnprt])\1$/;

const SUFFIXES: readonly (readonly [string, string])[] = [
  ['isation', 'is'],
  ['ization', 'is'],
  ['ational', 'at'],
  ['ation', 'at'],
  ['ising', 'is'],
  ['izing', 'is'],
  ['ised', 'is'],
  ['ized', 'is'],
  ['ise', 'is'],
  ['ize', 'is'],
  ['ating', 'at'],
  ['ated', 'at'],
  ['ator', 'at'],
  ['ate', 'at'],
  ['ing', ''],
  ['ed', ''],
  ['ly', ''],
];

/**
 * A light English stemmer (plural, -ing, -ed, -ation, -ise/-ize). Deliberately conservative:
 * it never strips "-al" or "-er", which would merge "digital" with "digit" and "server" with "serve".
 */
export function stem(word: string): string {
  let w = word;
  if (w.length <= 3 || /\d/.test(w)) return w;
  if (w.endsWith('ies') && w.length > 4) w = `${w.slice(0, -3)}y`;
  else if (w.endsWith('sses')) w = w.slice(0, -2);
  else if (w.endsWith('s') && !/(?:ss|us|is|ys)$/.test(w)) w = w.slice(0, -1);
  for (const [suffix, replacement] of SUFFIXES) {
    if (w.endsWith(suffix) && w.length - suffix.length + replacement.length >= 3) {
      w = w.slice(0, -suffix.length) + replacement;
      if (suffix === 'ing' || suffix === 'ed') {
        if (DOUBLE_CONSONANT.test(w)) w = w.slice(0, -1);
      }
      break;
    }
  }
  if (w.endsWith('e') && w.length > 4) w = w.slice(0, -1);
  return w;
}

/** Words of the text with their stems, in order (stop words included, marked by `isContentWord`). */
export function tokenise(text: string): Token[] {
  return words(text).map((surface) => ({ stem: stem(surface), surface }));
}
