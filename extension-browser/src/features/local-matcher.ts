// The shared matcher (BM25F + NHS synonyms), run in the background against the local catalogue.
import { buildIndex, loadIndex, match } from '@wheelhouse/shared/matching';
import type { PageNeed } from '../adapters/types';
import type { CatalogueDoc } from './catalogue-store';
import type { Matcher } from './background-service';

/** Search in the popup ranks everything that shares a term: no abstention threshold. */
const SEARCH_PARAMS = { threshold: 0.01, relative: 0 };

export function createLocalMatcher(doc: CatalogueDoc): Matcher {
  // A prebuilt index is loaded; loadIndex validates its shape and throws on a bad one, then we rebuild.
  let index;
  try {
    index = loadIndex(doc.index ?? buildIndex(doc.components));
  } catch {
    index = loadIndex(buildIndex(doc.components));
  }
  return {
    match: (need: PageNeed, limit: number) =>
      match(index, toSharedNeed(need), { top: limit }).map((s) => ({ id: s.id, score: s.score, reasons: [...s.reasons] })),
    search: (query: string, limit: number) =>
      match(index, { title: query, text: query }, { top: limit, params: SEARCH_PARAMS }).map((s) => ({
        id: s.id,
        score: s.score,
        reasons: [...s.reasons],
      })),
  };
}

export function toSharedNeed(need: PageNeed): { title: string; text: string; cpv: string[]; url: string } {
  return {
    title: need.title,
    text: [need.description, need.keywords.join(', ')].filter(Boolean).join('\n'),
    cpv: need.cpvCodes,
    url: need.url,
  };
}
