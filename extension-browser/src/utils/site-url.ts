/**
 * The site URL a page stands for. Loopback pages (TEST build or the testing switch) are served as
 * `http://127.0.0.1:<port>/<site host>/<site path>` (e.g. `/www.find-tender.service.gov.uk/Notice/012345-2024`)
 * and map to `https://<site host>/<site path>`, so each adapter runs on its fixture; any other loopback path
 * maps to itself and gets the generic adapter.
 */
export function siteUrl(location: URL): URL {
  if (!isLoopback(location)) return location;
  // Explicit A-Z rather than the i flag: a case-insensitive class costs a ~0.3 ms first compile (issue 9).
  const match = /^\/([A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+)(\/.*)?$/.exec(location.pathname);
  if (!match) return location;
  return new URL(`https://${match[1]}${match[2] ?? '/'}${location.search}${location.hash}`);
}

/**
 * The inverse of siteUrl: where a URL of the site a page stands for is served from. On a loopback page standing
 * for `https://<site host>/…` that is `http://127.0.0.1:<port>/<site host>/…`; otherwise the URL itself.
 */
export function servedUrl(site: URL, location: URL): URL {
  const mapped = siteUrl(location);
  if (mapped === location || site.origin !== mapped.origin) return site;
  return new URL(`${location.origin}/${site.host}${site.pathname}${site.search}`);
}

export const LOOPBACK_MATCHES = ['http://127.0.0.1/*', 'http://localhost/*'];

export function isLoopback(url: URL): boolean {
  return url.protocol === 'http:' && (url.hostname === '127.0.0.1' || url.hostname === 'localhost');
}

/** The page key used for "hide on this page": origin + path, no query or fragment. */
export function pageKey(url: URL): string {
  return `${url.origin}${url.pathname}`;
}
