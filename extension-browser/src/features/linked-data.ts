// Reads the structured data a page links to (adapter.linkedData), e.g. a Find a Tender notice's OCDS release
// package, when the markup left a field of the need empty (a complete need costs the page no request, no JSON
// parse and no extra tasks: issue 9's main-thread budget). Only from the page's own site, without cookies, within a time budget (the overlay must appear within
// 1 s of load); on any failure the need read from the markup stands. Nothing from the page is sent: it is a GET
// of a URL the page itself links.
import type { PageNeed, SiteAdapter } from '../adapters/types';
import { servedUrl } from '../utils/site-url';

export const LINKED_DATA_TIMEOUT_MS = 700;
/** Larger documents are skipped: parsing them would cost the page more main-thread time than they are worth. */
export const LINKED_DATA_MAX_CHARS = 2_000_000;

/** The one fetch call made (a GET of the linked URL); injected so tests serve the data. */
export type LinkedFetch = (url: string, init: RequestInit) => Promise<Response>;

export interface LinkedDataInput {
  adapter: SiteAdapter;
  document: Document;
  /** The site URL the page stands for. */
  url: URL;
  /** The real location (differs on loopback test pages). */
  location: URL;
  need: PageNeed;
  fetch: LinkedFetch;
  signal: AbortSignal;
}

/** True when the markup gave every field the linked data could: title, description, CPV codes and buyer. */
export function isCompleteNeed(need: PageNeed): boolean {
  return need.title !== '' && need.description !== '' && need.cpvCodes.length > 0 && !!need.buyer;
}

export async function withLinkedData(input: LinkedDataInput): Promise<PageNeed> {
  const { adapter, need } = input;
  if (!adapter.linkedData || isCompleteNeed(need)) return need;
  let link: URL | undefined;
  try {
    link = adapter.linkedData.find(input.document, input.url);
  } catch {
    return need;
  }
  // Same site only: the page's own data, never a third party.
  if (!link || link.origin !== input.url.origin) return need;
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), LINKED_DATA_TIMEOUT_MS);
  const onAbort = () => controller.abort();
  input.signal.addEventListener('abort', onAbort, { once: true });
  try {
    const response = await input.fetch(servedUrl(link, input.location).href, {
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
    return adapter.linkedData.merge(need, JSON.parse(text));
  } catch {
    // Offline, slow, not JSON, or aborted: the markup's need stands.
    return need;
  } finally {
    clearTimeout(timer);
    input.signal.removeEventListener('abort', onAbort);
  }
}
