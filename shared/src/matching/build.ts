/**
 * Catalogue components -> the compact, serialisable match index the CLI loads and the browser
 * extension ships. Field texts are analysed once here; the page is analysed at match time.
 */
import type { Component } from '../catalogue/index.js';
import { Analyser, type TermCounts } from './analyse.js';

/** Fields in index order; weights in `MatchParams.fieldWeights` follow this order. */
export const FIELDS = ['name', 'summary', 'features', 'terms', 'tags'] as const;
export type Field = (typeof FIELDS)[number];

/** What the matcher reads from a component. Catalogue components map to it with `toMatchable`. */
export interface MatchableComponent {
  readonly id: string;
  readonly name: string;
  readonly summary: string;
  readonly features: readonly string[];
  /** `nhs.matching.terms`: words and phrases in a need that point to this component. */
  readonly terms: readonly string[];
  /** `nhs.matching.antiTerms`: words and phrases in a need that make it the wrong answer. */
  readonly antiTerms: readonly string[];
  /** Categories, NHS services, standards, related programmes, repository topics. */
  readonly tags: readonly string[];
  /** Source repository URL. */
  readonly url?: string;
  /** Product or documentation page. */
  readonly landingUrl?: string;
  /**
   * Ranking prior in (0, 1]: 1 for a stable, maintained component, less for obsolete, early or
   * unmaintained ones, so that among equal text matches the buyer sees what is looked after.
   */
  readonly prior?: number;
}

const STATUS_PRIOR: Readonly<Record<string, number>> = { stable: 1, beta: 0.95, development: 0.9, concept: 0.8, obsolete: 0.8 };
const MAINTENANCE_PRIOR: Readonly<Record<string, number>> = { internal: 1, contract: 1, community: 0.95, none: 0.85 };

/** Version 1 of the serialised index: plain JSON, no functions, stable field order. */
export interface SerialisedIndex {
  readonly format: 'wheelhouse-match-index';
  readonly version: 1;
  readonly fields: readonly Field[];
  /** One row per component: [id, name, repo slug or "", landing URL or "", prior]. */
  readonly docs: readonly (readonly [string, string, string, string, number])[];
  /** Analysed length of each field, per component: lengths[doc][field]. */
  readonly lengths: readonly (readonly number[])[];
  /** term -> flat [doc, field, count, doc, field, count, ...], doc ascending. */
  readonly postings: Readonly<Record<string, readonly number[]>>;
  /**
   * Anti-terms per component: [doc, "stem stem ...", phrase as the manifest writes it], found as a
   * contiguous, non-negated phrase of stems; the phrase is what reasons show.
   */
  readonly anti: readonly (readonly [number, string, string?])[];
}

/** Map a catalogue manifest to what the matcher reads. */
export function toMatchable(component: Component): MatchableComponent {
  const en = component.description.en;
  const tags = [
    ...component.categories.map((c) => c.replace(/-/g, ' ')),
    ...component.nhs.services,
    ...component.nhs.standards,
    ...component.nhs.related,
    ...(component.crawl?.topics ?? []).map((t) => t.replace(/-/g, ' ')),
  ];
  return {
    id: component.id,
    name: component.name,
    summary: [en.shortDescription, en.longDescription ?? ''].join('\n'),
    features: en.features ?? [],
    terms: component.nhs.matching.terms,
    antiTerms: component.nhs.matching.antiTerms,
    tags,
    url: component.url,
    ...(component.landingURL ? { landingUrl: component.landingURL } : {}),
    prior: (STATUS_PRIOR[component.developmentStatus] ?? 1) * (MAINTENANCE_PRIOR[component.maintenance.type] ?? 1),
  };
}

/** `owner/name` (lower case) of a GitHub or GitLab repository URL, or "" for other URLs. */
export function repoSlug(url: string | undefined): string {
  if (!url) return '';
  const m = /^https?:\/\/(?:www\.)?(?:github\.com|gitlab\.com)\/([^/?#]+)\/([^/?#]+)/i.exec(url);
  return m ? `${m[1]}/${m[2]}`.toLowerCase().replace(/\.git$/, '') : '';
}

/** Build the serialised index from catalogue components. */
export function buildIndex(components: readonly Component[]): SerialisedIndex {
  return buildIndexFrom(components.map(toMatchable));
}

/** Build the serialised index from matcher inputs (synthetic benchmarks, tests). */
export function buildIndexFrom(components: readonly MatchableComponent[], analyser = new Analyser()): SerialisedIndex {
  const postings = new Map<string, number[]>();
  const lengths: number[][] = [];
  const anti: [number, string, string][] = [];
  const sorted = [...components].sort((a, b) => a.id.localeCompare(b.id));
  sorted.forEach((component, doc) => {
    const texts: Record<Field, readonly string[]> = {
      name: [component.name],
      summary: [component.summary],
      features: component.features,
      terms: component.terms,
      tags: component.tags,
    };
    const row: number[] = [];
    FIELDS.forEach((field, f) => {
      const counts: TermCounts = new Map();
      for (const text of texts[field]) analyser.analyse(text, counts);
      let length = 0;
      for (const [term, hit] of counts) {
        length += hit.count;
        let list = postings.get(term);
        if (!list) postings.set(term, (list = []));
        list.push(doc, f, hit.count);
      }
      row.push(length);
    });
    lengths.push(row);
    // An anti-term the component's own text uses cannot count against it ("website" on a cookie
    // banner for websites): such a phrase is a manifest mistake, so it is left out of the index.
    const own = ` ${analyser.stemSequence([component.name, component.summary, ...component.features, ...component.terms, ...component.tags].join('\n')).join(' ')} `;
    for (const phrase of component.antiTerms) {
      const stems = analyser.stemSequence(phrase).join(' ');
      if (stems && !own.includes(` ${stems} `)) anti.push([doc, stems, phrase]);
    }
  });
  const sortedTerms = [...postings.keys()].sort();
  return {
    format: 'wheelhouse-match-index',
    version: 1,
    fields: FIELDS,
    docs: sorted.map((c) => [c.id, c.name, repoSlug(c.url), c.landingUrl ?? '', Math.round((c.prior ?? 1) * 1000) / 1000] as const),
    lengths,
    postings: Object.fromEntries(sortedTerms.map((t) => [t, postings.get(t) as number[]])),
    anti,
  };
}
