/**
 * The scorer: BM25F over the component fields (name, summary, features, `nhs.matching.terms`, tags)
 * with the synonym dictionary's concept terms, anti-terms, CPV codes, the page URL, and an
 * abstention threshold so a page with no real match gets no suggestion.
 * BM25F: Robertson, Zaragoza, Taylor, "Simple BM25 extension to multiple weighted fields" (CIKM 2004).
 */
import { Analyser, isConceptTerm, type TermCounts } from './analyse.js';
import { FIELDS, repoSlug, type Field, type SerialisedIndex } from './build.js';
import { cpvLabel, findCpvCodes, isDigitalCpv, normaliseCpv } from './cpv.js';

/** The need read from a page: what `extractNeed` returns and what the CLI builds from `--text`. */
export interface PageNeed {
  readonly title?: string;
  readonly text: string;
  readonly cpv?: readonly string[];
  readonly url?: string;
}

export interface Suggestion {
  readonly id: string;
  readonly name: string;
  /** Rounded to 3 decimals; comparable within one index and parameter set only. */
  readonly score: number;
  readonly reasons: readonly string[];
}

/** Tunable method parameters. Defaults are the cross-validated choice (docs/matching.md). */
export interface MatchParams {
  readonly k1: number;
  readonly b: number;
  readonly fieldWeights: Readonly<Record<Field, number>>;
  /** Page title words count this many times. */
  readonly titleWeight: number;
  /** Saturation of repeated page words (BM25 k3). */
  readonly queryK: number;
  /** Multiplier on dictionary concepts (each concept also has its own weight). */
  readonly conceptWeight: number;
  /** Multiplier on generic NHS words ("patient", "system", "digital"). */
  readonly genericWeight: number;
  /** Minimum score to suggest anything (abstention). */
  readonly threshold: number;
  /** Keep only suggestions scoring at least this share of the best one. */
  readonly relative: number;
  /** Score multiplier for a component one of whose anti-terms is in the page. */
  readonly antiPenalty: number;
  /** Score multiplier when the page has CPV codes and none is software or IT. */
  readonly nonDigitalCpvPenalty: number;
  /** Added (after doubling) when the page is the component's repository or product site. */
  readonly urlBonus: number;
  /** Exponent on the component prior (maturity and maintenance); 0 ignores it. */
  readonly priorWeight: number;
  /** At most this many page terms are scored (the strongest by weight x IDF). */
  readonly maxQueryTerms: number;
}

export const DEFAULT_PARAMS: MatchParams = {
  k1: 1.2,
  b: 0.6,
  fieldWeights: { name: 2, summary: 1, features: 1, terms: 0.5, tags: 1.5 },
  titleWeight: 1,
  queryK: 1.5,
  conceptWeight: 1.5,
  genericWeight: 0.6,
  threshold: 3.2,
  relative: 0.6,
  antiPenalty: 0.5,
  nonDigitalCpvPenalty: 0.5,
  urlBonus: 10,
  priorWeight: 0,
  maxQueryTerms: 64,
};

export interface MatchOptions {
  /** How many suggestions at most (default 3). */
  readonly top?: number;
  readonly params?: Partial<MatchParams>;
}

/** The loaded index: postings as maps, IDF and mean field lengths precomputed. */
export interface MatchIndex {
  readonly size: number;
  readonly ids: readonly string[];
  readonly names: readonly string[];
  readonly repos: readonly string[];
  readonly landings: readonly string[];
  readonly priors: Float64Array;
  readonly lengths: readonly Float64Array[];
  readonly meanLengths: Float64Array;
  readonly postings: ReadonlyMap<string, Int32Array>;
  readonly idf: ReadonlyMap<string, number>;
  /** Distinct anti-term phrases of the catalogue, each with the components that list it. */
  readonly anti: readonly AntiTerm[];
  /** Dictionary concepts (`~id`) in each component's name, for components that have any. */
  readonly nameConcepts: readonly (readonly string[] | undefined)[];
  readonly analyser: Analyser;
}

/** An anti-term phrase: found in a page as a sequence of stems, weighed by its index terms. */
export interface AntiTerm {
  readonly stems: readonly string[];
  /** As the (first) manifest writes it: what reasons show. */
  readonly phrase: string;
  /** Its terms as the analyser reads them (concepts included); empty for an index without phrases. */
  readonly terms: readonly string[];
  /** Components listing it, ascending. */
  readonly docs: readonly number[];
}

/** Thrown when JSON given to `loadIndex` is not a match index this version reads. */
export class MatchIndexError extends Error {
  override readonly name = 'MatchIndexError';
}

/** Load a serialised index (object or JSON text). Validates the shape; throws `MatchIndexError`. */
export function loadIndex(json: unknown, analyser = new Analyser()): MatchIndex {
  const raw: unknown = typeof json === 'string' ? parseJson(json) : json;
  const index = checkShape(raw);
  const size = index.docs.length;
  const meanLengths = new Float64Array(FIELDS.length);
  const lengths = index.lengths.map((row) => Float64Array.from(row));
  for (const row of lengths) row.forEach((len, f) => (meanLengths[f] = (meanLengths[f] ?? 0) + len / Math.max(size, 1)));
  const postings = new Map<string, Int32Array>();
  const idf = new Map<string, number>();
  const nameConcepts: (string[] | undefined)[] = new Array<string[] | undefined>(size).fill(undefined);
  const nameField = FIELDS.indexOf('name');
  for (const [term, list] of Object.entries(index.postings)) {
    const arr = Int32Array.from(list);
    postings.set(term, arr);
    let df = 0;
    let last = -1;
    const concept = isConceptTerm(term);
    for (let i = 0; i < arr.length; i += 3) {
      const doc = arr[i] as number;
      if (doc !== last) {
        df++;
        last = doc;
      }
      if (concept && arr[i + 1] === nameField) (nameConcepts[doc] ??= []).push(term);
    }
    // BM25 IDF divided by its ceiling for this catalogue size, so scores (and the abstention
    // threshold) mean the same whether the catalogue holds 200 components or 10,000.
    idf.set(term, Math.log(1 + (size - df + 0.5) / (df + 0.5)) / Math.log(2 + size));
  }
  const anti = new Map<string, { stems: string[]; phrase: string; terms: string[]; docs: number[] }>();
  for (const [doc, stems, phrase] of index.anti) {
    let entry = anti.get(stems);
    if (!entry) anti.set(stems, (entry = { stems: stems.split(' '), phrase: phrase ?? stems, terms: phrase ? analyser.phraseTerms(phrase) : [], docs: [] }));
    entry.docs.push(doc);
  }
  return {
    size,
    ids: index.docs.map((d) => d[0]),
    names: index.docs.map((d) => d[1]),
    repos: index.docs.map((d) => d[2]),
    landings: index.docs.map((d) => d[3]),
    priors: Float64Array.from(index.docs.map((d) => (typeof d[4] === 'number' && d[4] > 0 ? d[4] : 1))),
    lengths,
    meanLengths,
    postings,
    idf,
    anti: [...anti.values()],
    nameConcepts,
    analyser,
  };
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new MatchIndexError(`match index is not valid JSON: ${(error as Error).message}`);
  }
}

function checkShape(raw: unknown): SerialisedIndex {
  const o = raw as Partial<SerialisedIndex> | null;
  if (!o || typeof o !== 'object' || o.format !== 'wheelhouse-match-index') {
    throw new MatchIndexError('not a Wheelhouse match index (format is not "wheelhouse-match-index")');
  }
  if (o.version !== 1) throw new MatchIndexError(`match index version ${String(o.version)} is not supported; rebuild it`);
  if (!Array.isArray(o.docs) || !Array.isArray(o.lengths) || o.lengths.length !== o.docs.length) {
    throw new MatchIndexError('match index docs and lengths disagree; rebuild it');
  }
  if (JSON.stringify(o.fields) !== JSON.stringify(FIELDS)) {
    throw new MatchIndexError(`match index fields ${JSON.stringify(o.fields)} differ from ${JSON.stringify(FIELDS)}; rebuild it`);
  }
  if (!o.postings || typeof o.postings !== 'object' || !Array.isArray(o.anti)) {
    throw new MatchIndexError('match index has no postings or anti-terms; rebuild it');
  }
  return o as SerialisedIndex;
}

interface QueryTerm {
  readonly term: string;
  readonly weight: number;
  readonly label: string;
  readonly fromCpv: boolean;
}

/** The page's weighted terms: title counts `titleWeight` times, CPV labels count once. */
export function pageTerms(index: MatchIndex, page: PageNeed, params: MatchParams): QueryTerm[] {
  const { analyser } = index;
  const title = analyser.analyse(page.title ?? '');
  const text = analyser.analyse(page.text);
  const cpvCounts: TermCounts = new Map();
  for (const code of pageCpv(page)) {
    const label = cpvLabel(code);
    if (label) analyser.analyse(label, cpvCounts);
  }
  const terms = new Set([...title.keys(), ...text.keys(), ...cpvCounts.keys()]);
  const out: QueryTerm[] = [];
  for (const term of terms) {
    if (!index.postings.has(term)) continue;
    const qtf = (title.get(term)?.count ?? 0) * params.titleWeight + (text.get(term)?.count ?? 0) + (cpvCounts.get(term)?.count ?? 0);
    const saturated = (qtf * (params.queryK + 1)) / (qtf + params.queryK);
    const concept = isConceptTerm(term) ? analyser.concept(term.slice(1)) : undefined;
    const generic = title.get(term)?.generic ?? text.get(term)?.generic ?? cpvCounts.get(term)?.generic ?? false;
    const conceptWeight = concept ? (concept.weight ?? 1) * params.conceptWeight : generic ? params.genericWeight : 1;
    const label = concept?.label ?? title.get(term)?.surface ?? text.get(term)?.surface ?? cpvCounts.get(term)?.surface ?? term;
    out.push({ term, weight: saturated * conceptWeight, label, fromCpv: !title.has(term) && !text.has(term) });
  }
  // Long pages: keep the strongest terms only (weight x IDF); the tail costs time and adds noise.
  if (out.length <= params.maxQueryTerms) return out;
  const strength = (q: QueryTerm) => q.weight * (index.idf.get(q.term) ?? 0);
  return out.sort((a, b) => strength(b) - strength(a) || (a.term < b.term ? -1 : 1)).slice(0, params.maxQueryTerms);
}

function pageCpv(page: PageNeed): string[] {
  const codes = new Set<string>();
  for (const c of page.cpv ?? []) {
    const n = normaliseCpv(c);
    if (n) codes.add(n);
  }
  for (const c of findCpvCodes(page.text)) codes.add(c);
  return [...codes];
}

/** A component's score for a page before the threshold and the relative cut. */
export interface Ranked {
  readonly doc: number;
  readonly id: string;
  readonly name: string;
  readonly score: number;
}

/** Rank components for a page. Empty when nothing clears the threshold. */
export function match(index: MatchIndex, page: PageNeed, options: MatchOptions = {}): Suggestion[] {
  const params: MatchParams = { ...DEFAULT_PARAMS, ...options.params };
  const top = Math.max(0, Math.floor(options.top ?? 3));
  if (top === 0) return [];
  const query = pageTerms(index, page, params);
  const { scores, touched, notes } = score(index, page, params, query);
  let best = 0;
  for (const doc of touched) best = Math.max(best, scores[doc] as number);
  if (best < params.threshold) return [];
  const floor = Math.max(params.threshold, best * params.relative);
  const shown = touched.filter((doc) => (scores[doc] as number) >= floor);
  shown.sort((a, b) => (scores[b] as number) - (scores[a] as number) || (index.ids[a] as string).localeCompare(index.ids[b] as string));
  return shown.slice(0, top).map((doc) => ({
    id: index.ids[doc] as string,
    name: index.names[doc] as string,
    score: Math.round((scores[doc] as number) * 1000) / 1000,
    reasons: reasonsFor(index, query, doc, params, notes(doc)),
  }));
}

/** Abstention and the relative cut: nothing below `threshold`, nothing far below the best. */
export function cut<T extends { readonly score: number }>(ranked: readonly T[], params: Pick<MatchParams, 'threshold' | 'relative'>, top: number): T[] {
  const best = ranked[0]?.score ?? 0;
  if (best < params.threshold) return [];
  const floor = Math.max(params.threshold, best * params.relative);
  return ranked.filter((r) => r.score >= floor).slice(0, top);
}

/** Every component with a non-zero score, best first, before the threshold and the relative cut. */
export function rank(index: MatchIndex, page: PageNeed, params: MatchParams = DEFAULT_PARAMS): Ranked[] {
  const { scores, touched } = score(index, page, params, pageTerms(index, page, params));
  return touched
    .map((doc) => ({ doc, id: index.ids[doc] as string, name: index.names[doc] as string, score: scores[doc] as number }))
    .sort((a, b) => b.score - a.score || a.id.localeCompare(b.id));
}

/** BM25F weight of one query term in one component, from that term's postings entries for the component. */
function termValue(index: MatchIndex, list: Int32Array, from: number, params: MatchParams, fieldWeights: readonly number[], idf: number, weight: number): { value: number; next: number } {
  const doc = list[from] as number;
  const lengths = index.lengths[doc] as Float64Array;
  let tf = 0;
  let i = from;
  for (; i < list.length && list[i] === doc; i += 3) {
    const f = list[i + 1] as number;
    const norm = 1 - params.b + (params.b * (lengths[f] ?? 0)) / Math.max(index.meanLengths[f] ?? 1, 1e-9);
    tf += ((fieldWeights[f] ?? 0) * (list[i + 2] as number)) / norm;
  }
  return { value: ((idf * tf * (params.k1 + 1)) / (tf + params.k1)) * weight, next: i };
}

function score(
  index: MatchIndex,
  page: PageNeed,
  params: MatchParams,
  query: readonly QueryTerm[],
): { scores: Float64Array; touched: number[]; notes: (doc: number) => string[] } {
  const scores = new Float64Array(index.size);
  const touched: number[] = [];
  const fieldWeights = FIELDS.map((f) => params.fieldWeights[f]);
  for (const q of query) {
    const list = index.postings.get(q.term) as Int32Array;
    const idf = index.idf.get(q.term) ?? 0;
    for (let i = 0; i < list.length; ) {
      const doc = list[i] as number;
      const { value, next } = termValue(index, list, i, params, fieldWeights, idf, q.weight);
      if (scores[doc] === 0) touched.push(doc);
      scores[doc] = (scores[doc] as number) + value;
      i = next;
    }
  }

  const cpv = pageCpv(page);
  const nonDigital = cpv.length > 0 && !cpv.some(isDigitalCpv);
  for (const doc of touched) {
    let s = scores[doc] as number;
    if (params.priorWeight !== 0) s *= (index.priors[doc] ?? 1) ** params.priorWeight;
    if (nonDigital) s *= params.nonDigitalCpvPenalty;
    scores[doc] = s;
  }
  const antiHit = params.antiPenalty !== 1 ? applyAntiTerms(index, page, params, query, scores) : undefined;
  const urlNotes = new Map<number, string>();
  // The page is the component's own repository or site: always say so, whatever the text.
  const pageRepo = repoSlug(page.url);
  const pageRepoName = pageRepo.split('/')[1] ?? '';
  const pageUrl = (page.url ?? '').toLowerCase();
  if (pageUrl) {
    for (let doc = 0; doc < index.size; doc++) {
      const repo = index.repos[doc] as string;
      const landing = index.landings[doc] as string;
      let reason: string | undefined;
      if (pageRepo && repo === pageRepo) reason = 'this page is its source repository';
      else if (pageRepoName && repo && repo.slice(repo.indexOf('/') + 1) === pageRepoName) reason = `same repository name as ${repo} (fork, mirror or original)`;
      else if (landing && sameSite(pageUrl, landing.toLowerCase())) reason = 'this page is on its product site';
      if (!reason) continue;
      if (scores[doc] === 0) touched.push(doc);
      scores[doc] = (scores[doc] as number) * 2 + params.urlBonus;
      urlNotes.set(doc, reason);
    }
  }
  const notes = (doc: number): string[] => {
    const out: string[] = [];
    const url = urlNotes.get(doc);
    if (url) out.push(url);
    const anti = antiHit?.[doc] ? index.anti[antiHit[doc] - 1] : undefined;
    if (anti) out.push(`ranked lower: the page mentions "${anti.phrase}"`);
    return out;
  };
  return { scores, touched, notes };
}

const NEGATORS = new Set(['not', 'no', 'without', 'rather', 'instead', 'non', 'never', 'except', 'excluding', 'unlike']);

/**
 * Multiply by `antiPenalty` the scored components one of whose anti-terms the page mentions (not just
 * after a negation), unless the page names what the component is more strongly. Each distinct phrase is
 * looked up once per page, and only the components listing a phrase the page has are visited.
 */
function applyAntiTerms(index: MatchIndex, page: PageNeed, params: MatchParams, query: readonly QueryTerm[], scores: Float64Array): Int32Array {
  const seq = index.analyser.stemSequence(`${page.title ?? ''}\n${page.text}`);
  const at = new Map<string, number[]>();
  seq.forEach((stem, i) => {
    const list = at.get(stem);
    if (list) list.push(i);
    else at.set(stem, [i]);
  });
  const queryWeight = new Map(query.map((q) => [q.term, q.weight]));
  // Per component: 1 + the index of the anti-term that ranked it lower, or 0.
  const done = new Int32Array(index.size);
  // How strongly the page names each component (its weakest name concept), computed when needed.
  const named = new Map<readonly string[], number>();
  const nameStrength = (concepts: readonly string[]): number => {
    let w = named.get(concepts);
    if (w === undefined) {
      w = Infinity;
      for (const t of concepts) w = Math.min(w, queryWeight.get(t) ?? 0);
      named.set(concepts, w);
    }
    return w;
  };
  index.anti.forEach((anti, a) => {
    if (!mentions(seq, at, anti.stems)) return;
    let strength = anti.terms.length > 0 ? 0 : Infinity;
    for (const t of anti.terms) strength = Math.max(strength, queryWeight.get(t) ?? 1);
    for (const doc of anti.docs) {
      if (scores[doc] === 0 || done[doc] !== 0) continue;
      // The page names what the component is (every dictionary concept of its name, e.g. "NHS number"
      // for an NHS number validator) more strongly than the anti-term: that is context, not another need.
      const concepts = index.nameConcepts[doc];
      if (concepts && nameStrength(concepts) > strength) continue;
      done[doc] = a + 1;
      scores[doc] = (scores[doc] as number) * params.antiPenalty;
    }
  });
  return done;
}

/** Whether the stems `phrase` occur in order in `seq` at least once not within four words after a negation. */
function mentions(seq: readonly string[], at: ReadonlyMap<string, readonly number[]>, phrase: readonly string[]): boolean {
  for (const start of at.get(phrase[0] as string) ?? []) {
    if (!phrase.every((stem, k) => seq[start + k] === stem)) continue;
    if (!seq.slice(Math.max(0, start - 4), start).some((w) => NEGATORS.has(w))) return true;
  }
  return false;
}

/** "matched: ePMA, prescribing, ..." from the query terms that weigh most in this component, plus notes. */
function reasonsFor(index: MatchIndex, query: readonly QueryTerm[], doc: number, params: MatchParams, notes: readonly string[]): string[] {
  const fieldWeights = FIELDS.map((f) => params.fieldWeights[f]);
  const found: { label: string; value: number; fromCpv: boolean }[] = [];
  for (const q of query) {
    const list = index.postings.get(q.term) as Int32Array;
    const at = findDoc(list, doc);
    if (at < 0) continue;
    const { value } = termValue(index, list, at, params, fieldWeights, index.idf.get(q.term) ?? 0, q.weight);
    found.push({ label: q.label, value, fromCpv: q.fromCpv });
  }
  found.sort((a, b) => b.value - a.value);
  const labels: string[] = [];
  for (const c of found) {
    if (!c.fromCpv && !labels.includes(c.label)) labels.push(c.label);
    if (labels.length === 5) break;
  }
  const reasons = [...notes];
  if (labels.length > 0) reasons.push(`matched: ${labels.join(', ')}`);
  const cpv = [...new Set(found.filter((c) => c.fromCpv).map((c) => c.label))];
  if (cpv.length > 0) reasons.push(`CPV code terms: ${cpv.slice(0, 3).join(', ')}`);
  return reasons;
}

/** Index of the first postings entry of `doc` in a flat [doc, field, count]* list sorted by doc, or -1. */
function findDoc(list: Int32Array, doc: number): number {
  let lo = 0;
  let hi = list.length / 3 - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const d = list[mid * 3] as number;
    if (d < doc) lo = mid + 1;
    else {
      if (d === doc) found = mid * 3;
      hi = mid - 1;
    }
  }
  return found;
}

/** Code hosts whose pages belong to many projects: a landing URL there must match by path prefix. */
const SHARED_HOSTS = new Set(['github.com', 'gitlab.com', 'bitbucket.org']);

function sameSite(pageUrl: string, landing: string): boolean {
  const parse = (u: string) => /^https?:\/\/(?:www\.)?([^/?#]+)(\/[^?#]*)?/.exec(u);
  const a = parse(pageUrl);
  const b = parse(landing);
  if (!a || !b) return false;
  const landingPath = (b[2] ?? '/').replace(/\/+$/, '');
  const [pageHost, landingHost] = [a[1] as string, b[1] as string];
  if (landingPath) {
    const pagePath = a[2] ?? '/';
    return pageHost === landingHost && (pagePath === landingPath || pagePath.startsWith(`${landingPath}/`));
  }
  if (SHARED_HOSTS.has(landingHost)) return false;
  return pageHost === landingHost || pageHost.endsWith(`.${landingHost}`);
}
