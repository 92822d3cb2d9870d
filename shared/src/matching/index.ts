/**
 * Reuse matching: page text -> ranked, explained catalogue suggestions, or nothing.
 * Browser-safe (no Node, no DOM types): the CLI and the browser extension run the same code.
 *
 *   const index = loadIndex(buildIndex(components)); // or loadIndex(shippedJson)
 *   match(index, extractNeed(document, location.href), { top: 3 });
 */
export { Analyser, isConceptTerm, type TermCounts, type TermHit } from './analyse.js';
export { buildIndex, buildIndexFrom, toMatchable, repoSlug, FIELDS, type Field, type MatchableComponent, type SerialisedIndex } from './build.js';
export { CPV_LABELS, cpvLabel, findCpvCodes, isDigitalCpv, normaliseCpv } from './cpv.js';
export { extractNeed, MAX_NEED_TEXT, type DocumentLike, type ElementLike } from './extract.js';
export {
  cut,
  DEFAULT_PARAMS,
  loadIndex,
  rank,
  match,
  MatchIndexError,
  pageTerms,
  type AntiTerm,
  type MatchIndex,
  type MatchOptions,
  type MatchParams,
  type PageNeed,
  type Ranked,
  type Suggestion,
} from './match.js';
export { normaliseText, stem, tokenise, words, isContentWord, type Token } from './normalise.js';
export { CONCEPTS, type Concept } from './synonyms.js';
