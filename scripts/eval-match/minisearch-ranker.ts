/**
 * The same method on minisearch (installed in shared), for the "library or own scorer" measurement:
 * same analyser (stems + dictionary concepts), same field weights, concept weights via `boostTerm`,
 * same anti-terms (the ones our index keeps, found as plain phrases: no negation or name rule), URL
 * rule, threshold and relative cut. Only the scoring core differs: minisearch scores each field with BM25+ and sums the boosted fields; ours combines fields before saturation (BM25F).
 */
import { createRequire } from 'node:module';
import type { Component } from '../../shared/dist/catalogue/index.js';
import { Analyser, buildIndexFrom, isConceptTerm, repoSlug, toMatchable, FIELDS, type MatchableComponent, type MatchParams, type PageNeed } from '../../shared/dist/matching/index.js';
import { casePage, type DevCase } from './load.ts';

// minisearch is a dependency of shared, not of the root: load it from there, typed by what we use.
interface MiniSearchIndex {
  addAll(docs: readonly object[]): void;
  toJSON(): object;
  search(query: string, options: object): { id: unknown; score: number }[];
}
type MiniSearchClass = new (options: object) => MiniSearchIndex;
const requireFromShared = createRequire(new URL('../../shared/package.json', import.meta.url));
const MiniSearch = requireFromShared('minisearch') as MiniSearchClass;

/** Each analysed term repeated by its count, so minisearch sees the same term frequencies. */
function analysedTokens(analyser: Analyser, text: string): string[] {
  const out: string[] = [];
  for (const [term, hit] of analyser.analyse(text)) for (let i = 0; i < hit.count; i++) out.push(term);
  return out;
}

export function minisearchRanker(components: readonly Component[], withUrl: boolean): (c: DevCase, p: MatchParams) => { id: string; score: number }[] {
  const search = minisearchSearch(components.map(toMatchable));
  return (c, params) => search(casePage(c, withUrl), params);
}

/** The minisearch version of `rank`, plus its serialised index (for the size comparison). */
export function minisearchSearch(
  components: readonly MatchableComponent[],
): ((page: PageNeed, params: MatchParams) => { id: string; score: number }[]) & { toJSON(): object } {
  const analyser = new Analyser();
  // The anti-terms our index keeps (those the component's own text does not use), by component id.
  const built = buildIndexFrom(components, analyser);
  const antiOf = new Map<string, string[]>();
  for (const [doc, stems] of built.anti) {
    const id = built.docs[doc]![0];
    antiOf.set(id, [...(antiOf.get(id) ?? []), stems]);
  }
  const docs = components.map((m) => ({
    id: m.id,
    name: m.name,
    summary: m.summary,
    features: m.features.join('\n'),
    terms: m.terms.join('\n'),
    tags: m.tags.join('\n'),
    repo: repoSlug(m.url),
    anti: antiOf.get(m.id) ?? [],
  }));
  const byId = new Map(docs.map((d) => [d.id, d]));
  const index = new MiniSearch({
    fields: [...FIELDS],
    tokenize: (text: string) => analysedTokens(analyser, text),
    processTerm: (term: string) => term,
  });
  index.addAll(docs);
  const search = (page: PageNeed, params: MatchParams) => {
    const queryTerms = [...analysedTokens(analyser, page.title ?? ''), ...analysedTokens(analyser, page.title ?? ''), ...analysedTokens(analyser, page.text)];
    const stems = ` ${analyser.stemSequence(`${page.title ?? ''}\n${page.text}`).join(' ')} `;
    const results = index.search(queryTerms.join(' '), {
      tokenize: (q: string) => q.split(' ').filter(Boolean),
      processTerm: (t: string) => t,
      boost: params.fieldWeights,
      boostTerm: (term: string) => (isConceptTerm(term) ? (analyser.concept(term.slice(1))?.weight ?? 1) * params.conceptWeight : 1),
      bm25: { k: params.k1, b: params.b, d: 0.5 },
      combineWith: 'OR',
    });
    const pageRepo = repoSlug(page.url);
    const scored = results.map((r) => {
      const doc = byId.get(r.id as string)!;
      let s = r.score;
      if (doc.anti.some((a) => stems.includes(` ${a} `))) s *= params.antiPenalty;
      if (pageRepo && doc.repo && doc.repo.split('/')[1] === pageRepo.split('/')[1]) s = s * 2 + params.urlBonus;
      return { id: doc.id, score: s };
    });
    return scored.sort((a, b) => b.score - a.score || a.id.localeCompare(b.id));
  };
  return Object.assign(search, { toJSON: () => index.toJSON() });
}
