// Runs the page check on the site adapters' pages and again after soft navigation (GitHub's turbo /
// React navigation, GitLab's client routing): refined-github re-runs on turbo:render and soft-nav events.
import type { SiteAdapter } from '../adapters/types';
import type { SendMessage } from '../utils/messages';
import { isLoopback, siteUrl } from '../utils/site-url';
import { runPageCheck, type PageCheckResult } from './page-check';

const SOFT_NAV_EVENTS = ['turbo:render', 'soft-nav:react-done', 'soft-nav:end', 'pjax:end'];
const ABORT_EVENTS = ['turbo:before-fetch-request', 'turbo:visit', 'pjax:start'];

export interface SiteChecksInput {
  window: Window;
  /** The site adapters to run (a site's script passes only its own). */
  adapters: readonly SiteAdapter[];
  /** For loopback pages none of `adapters` stands for; without it such pages are left alone. */
  generic?: SiteAdapter;
  send: SendMessage;
  /** Ends everything when the content script is invalidated (extension reload/update). */
  signal: AbortSignal;
  /** Called after each run (tests, timing). */
  onResult?: (result: PageCheckResult) => void;
  /**
   * Calls `onChange` on location changes none of the site's own events announce (the content script passes
   * WXT's `wxt:locationchange`, which it dispatches under an extension-prefixed name only to listeners added
   * through its context). Asked for only on sites that navigate softly.
   */
  watchLocation?: (onChange: () => void) => void;
}

export function startSiteChecks(input: SiteChecksInput): { rerun(): void } {
  const win = input.window;
  let controller: AbortController | undefined;
  let lastPage = '';
  const adapterForHost = (host: string) => input.adapters.find((a) => a.hosts.includes(host));

  const run = (force: boolean) => {
    const href = win.location.href;
    // A fragment change (an in-page link such as a notice's "#lot-2") is the same page: no new check.
    const page = href.replace(/#.*$/, '');
    if (!force && page === lastPage) return;
    lastPage = page;
    controller?.abort();
    if (input.signal.aborted) return;
    const current = new AbortController();
    controller = current;
    const location = new URL(href);
    const url = siteUrl(location);
    const loopback = isLoopback(location);
    const adapter = adapterForHost(url.hostname) ?? (loopback ? input.generic : undefined);
    if (!adapter?.matchesUrl(url)) return;
    void runPageCheck({
      document: win.document,
      adapter,
      url,
      location,
      send: input.send,
      signal: current.signal,
      showEmpty: loopback,
    })
      .then((result) => input.onResult?.(result))
      .catch(() => {
        // The background went away (extension updated); nothing to show.
      });
  };

  input.signal.addEventListener('abort', () => controller?.abort(), { once: true });
  // Server-rendered sites (Find a Tender, Contracts Finder, ...) load a new page, and a new content script, for
  // each notice: only sites whose adapter navigates softly (and loopback pages no adapter stands for) are
  // followed, so the others pay for no listeners and no location watcher.
  const site = adapterForHost(siteUrl(new URL(win.location.href)).hostname);
  if (site ? site.softNavigation === true : true) {
    const opts = { signal: input.signal };
    for (const name of SOFT_NAV_EVENTS) win.document.addEventListener(name, () => run(false), opts);
    for (const name of ABORT_EVENTS) win.document.addEventListener(name, () => controller?.abort(), opts);
    win.addEventListener('popstate', () => run(false), opts);
    // Covers navigations that fire none of the events above.
    input.watchLocation?.(() => run(false));
  }
  // The first check runs now, in the script's evaluation: the script is injected at document_idle, and an idle
  // callback only added a task, and its fixed cost, to the page's main thread (issue 9).
  run(true);
  return { rerun: () => run(true) };
}
