/** What the overlay and the popup show for one catalogue component. Built in the background. */
export interface Suggestion {
  /** Catalogue id, rendered as `data-component-id`. */
  id: string;
  name: string;
  summary: string;
  /** Why it matched, in words (matched terms, CPV codes, topics). */
  reasons: string[];
  /** SPDX id, or "licence unclear" for NOASSERTION / missing. */
  licence: string;
  /** E.g. "active; last commit 2026". */
  activity: string;
  adopters: string[];
  evidence: Link[];
  repoUrl?: string;
  catalogueUrl?: string;
  /** Opens a prefilled GitHub issue on the catalogue repository. */
  reportUrl?: string;
  score: number;
}

export interface Link {
  label: string;
  url: string;
}

/** Only http(s) URLs are ever rendered as links; everything else (javascript:, data:, …) is dropped. */
export function safeHttpUrl(raw: unknown): string | undefined {
  if (typeof raw !== 'string') return undefined;
  try {
    const url = new URL(raw.trim());
    return url.protocol === 'https:' || url.protocol === 'http:' ? url.href : undefined;
  } catch {
    return undefined;
  }
}
