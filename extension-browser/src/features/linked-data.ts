// The structured data a page links to (adapter.linkedData), e.g. a Find a Tender notice's OCDS release package,
// read when the markup left a field of the need empty. The content script only finds the link (DOM work) and
// sends it with its one match request; the background fetches and merges it (features/background-service.ts), so
// the page's main thread pays no request, no JSON parse and no extra task (issue 9), and a complete need costs
// no request at all. Only from the page's own site, without cookies, within a time budget (the overlay must
// appear within 1 s of load); on any failure the need read from the markup stands. Nothing from the page is sent:
// it is a GET of a URL the page itself links.
import type { PageNeed, SiteAdapter } from '../adapters/types';
import { servedUrl } from '../utils/site-url';

export const LINKED_DATA_TIMEOUT_MS = 700;
/** Larger documents are skipped. */
export const LINKED_DATA_MAX_CHARS = 2_000_000;

/** The one fetch call made (a GET of the linked URL); injected so tests serve the data. */
export type LinkedFetch = (url: string, init: RequestInit) => Promise<Response>;

/** How an adapter's linked data fills the need (adapters/linked-data-merge.ts). */
export type LinkedMerge = (need: PageNeed, data: unknown) => PageNeed;

/** True when the markup gave every field the linked data could: title, description, CPV codes and buyer. */
export function isCompleteNeed(need: PageNeed): boolean {
  return need.title !== '' && need.description !== '' && need.cpvCodes.length > 0 && !!need.buyer;
}

/**
 * Content script: where the page's own linked data is served, when the need lacks a field and the page links it;
 * else undefined. `url` is the site URL the page stands for, `location` the real one (they differ on loopback pages).
 */
export function linkedDataUrl(adapter: SiteAdapter, doc: Document, url: URL, location: URL, need: PageNeed): string | undefined {
  if (!adapter.linkedData || isCompleteNeed(need)) return undefined;
  let link: URL | undefined;
  try {
    link = adapter.linkedData.find(doc, url);
  } catch {
    return undefined;
  }
  // Same site only: the page's own data, never a third party.
  if (!link || link.origin !== url.origin) return undefined;
  return servedUrl(link, location).href;
}

/** Background: the need with the linked data's fields where present; the markup's need on any failure. */
export async function readLinkedData(need: PageNeed, linked: string, merge: LinkedMerge, fetch: LinkedFetch): Promise<PageNeed> {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), LINKED_DATA_TIMEOUT_MS);
  try {
    const response = await fetch(linked, {
      credentials: 'omit',
      redirect: 'error',
      referrerPolicy: 'no-referrer',
      headers: { accept: 'application/json' },
      signal: controller.signal,
    });
    if (!response.ok) return need;
    // A declared size over the cap is skipped before its body is read; an undeclared one is checked after.
    if (Number(response.headers.get('content-length') ?? 0) > LINKED_DATA_MAX_CHARS) return need;
    const text = await response.text();
    if (text.length > LINKED_DATA_MAX_CHARS) return need;
    return merge(need, JSON.parse(text));
  } catch {
    // Offline, slow, not JSON, or aborted: the markup's need stands.
    return need;
  } finally {
    clearTimeout(timer);
  }
}
