/** What a page asks for, as one adapter read it. Only ever used inside the browser. */
export interface PageNeed {
  adapter: AdapterId;
  /** The site URL the need was read from (for test builds, the mapped site URL). */
  url: string;
  title: string;
  description: string;
  /** CPV codes, 8 digits with optional check digit, in page order, de-duplicated. */
  cpvCodes: string[];
  buyer?: string;
  /** Extra terms such as repository topics. */
  keywords: string[];
}

export type AdapterId =
  | 'find-a-tender'
  | 'contracts-finder'
  | 'digital-marketplace'
  | 'github'
  | 'gitlab'
  | 'nhs-england'
  | 'generic';

export interface SiteAdapter {
  id: AdapterId;
  /** Shown in the options page next to the per-site switch. */
  label: string;
  /** Host names the adapter serves (the content script's match patterns are built from these). */
  hosts: readonly string[];
  /** True when the URL is a page this adapter reads (e.g. a notice, not a search list). */
  matchesUrl(url: URL): boolean;
  /** Reads the need; undefined when the page does not (yet) hold one. Never throws on odd markup. */
  extract(doc: Document, url: URL): PageNeed | undefined;
  /** Where the overlay goes: it is inserted in the flow after this element, never over content. */
  anchor(doc: Document): Element | null;
  /**
   * Structured data the page itself links to (Find a Tender's OCDS release package), read when the markup left a
   * field of the need empty, and then preferred to the markup. The content script finds the link; the background
   * fetches it from the page's own site only and merges it (features/linked-data.ts, adapters/linked-data-merge.ts).
   */
  linkedData?: {
    /** The linked document, when the page links one. */
    find(doc: Document, url: URL): URL | undefined;
  };
  /** Single-page sites re-run the check on soft navigation. */
  softNavigation?: boolean;
}
