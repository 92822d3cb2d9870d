// Runs the page check on the site adapters' pages and, with soft-navigation support, again after soft
// navigation (GitHub's turbo / React navigation, GitLab's client routing: features/soft-navigation.ts).
import type { SiteAdapter } from '../adapters/types';
import type { SendMessage } from '../utils/messages';
import { isLoopback, siteUrl } from '../utils/site-url';
import { runPageCheck, type PageCheckResult } from './page-check';
import type { SoftNavigation } from './soft-navigation';

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
  /** For sites that navigate softly (and loopback pages); the other sites' scripts leave it out. */
  softNavigation?: SoftNavigation;
}

export function startSiteChecks(input: SiteChecksInput): { rerun(): void } {
  const win = input.window;
  let controller: AbortController | undefined;
  let lastPage = '';
  const adapterForHost = (host: string) => input.adapters.find((a) => a.hosts.includes(host));

  // document.URL rather than location.href: the same string, without the page's Location object.
  const run = (force: boolean, location = new URL(win.document.URL)) => {
    // A fragment change (an in-page link such as a notice's "#lot-2") is the same page: no new check.
    const hashAt = location.href.indexOf('#');
    const page = hashAt < 0 ? location.href : location.href.slice(0, hashAt);
    if (!force && page === lastPage) return;
    lastPage = page;
    controller?.abort();
    if (input.signal.aborted) return;
    const current = new AbortController();
    controller = current;
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
      waitForContent: input.softNavigation?.waitForContent,
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
  const first = new URL(win.document.URL);
  const site = adapterForHost(siteUrl(first).hostname);
  if (input.softNavigation && (site ? site.softNavigation === true : true)) {
    input.softNavigation.follow(win, { rerun: () => run(false), leave: () => controller?.abort() }, input.signal);
  }
  // The first check runs now, in the script's evaluation: the script is injected at document_idle, and an idle
  // callback only added a task, and its fixed cost, to the page's main thread (issue 9).
  run(true, first);
  return { rerun: () => run(true) };
}
