// Answers the content script and popup. Matching runs here, in the extension, against the local catalogue:
// the need never leaves the browser.
import { LINKED_DATA_MERGE } from '../adapters/linked-data-merge';
import type { PageNeed } from '../adapters/types';
import type { CatalogueStatus, MatchResponse, PageRef, WheelhouseRequest } from '../utils/messages';
import type { PageStore } from '../utils/page-storage';
import type { Settings } from '../utils/storage';
import type { Suggestion } from '../utils/suggestion';
import type { CatalogueDoc, CatalogueState, CatalogueStore } from './catalogue-store';
import { readLinkedData, type LinkedFetch } from './linked-data';
import { toSuggestion, type MatchHit } from './suggestions';

export interface Matcher {
  match(need: PageNeed, limit: number): MatchHit[];
  search(query: string, limit: number): MatchHit[];
}

export interface BackgroundDeps {
  store: CatalogueStore;
  createMatcher(doc: CatalogueDoc): Matcher;
  getSettings(): Promise<Settings>;
  /** "Hide on this page/site" and the collapsed state (extension storage). */
  pages: PageStore;
  /** Injects the on-demand content script into a tab the user granted through activeTab. */
  injectOnDemand(tabId: number): Promise<void>;
  /** Reads a page's own linked data (features/linked-data.ts); without it, the markup's need is matched. */
  fetchLinked?: LinkedFetch;
}

const MAX_SUGGESTIONS = 5;
const MAX_SEARCH = 20;

export class BackgroundService {
  readonly #deps: BackgroundDeps;
  #matcher: { doc: CatalogueDoc; matcher: Matcher } | undefined;

  constructor(deps: BackgroundDeps) {
    this.#deps = deps;
  }

  async handle(request: WheelhouseRequest): Promise<unknown> {
    switch (request.type) {
      case 'wheelhouse/match':
        return this.match(request.need, request.page, request.ignoreDismissed === true, request.linked);
      case 'wheelhouse/hide':
        await this.hide(request.scope, request.page);
        return { ok: true };
      case 'wheelhouse/collapse':
        await this.#deps.pages.setCollapsed(request.collapsed === true);
        return { ok: true };
      case 'wheelhouse/search':
        return this.search(request.query);
      case 'wheelhouse/check-tab':
        try {
          await this.#deps.injectOnDemand(request.tabId);
          return { ok: true };
        } catch (error) {
          return { ok: false, error: error instanceof Error ? error.message : String(error) };
        }
      case 'wheelhouse/refresh': {
        const settings = await this.#deps.getSettings();
        return status(await this.#deps.store.refresh(settings.catalogueUrl));
      }
      case 'wheelhouse/status':
        return status(await this.#deps.store.current());
    }
  }

  /**
   * `ignoreDismissed`: the user asked for this check (toolbar), which overrides earlier "hide" choices. `linked`:
   * where the page's own linked data is served (read only when the page is neither hidden nor switched off).
   */
  async match(need: PageNeed, page?: PageRef, ignoreDismissed = false, linked?: string): Promise<MatchResponse> {
    const [state, settings, dismissed, collapsed] = await Promise.all([
      this.#deps.store.current(),
      this.#deps.getSettings(),
      this.#deps.pages.getDismissed(),
      this.#deps.pages.getCollapsed(),
    ]);
    const answer = { disabled: false, dismissed: false, collapsed, suggestions: [] };
    if (page && !ignoreDismissed && (dismissed.hosts.includes(page.host) || dismissed.pages.includes(page.key))) {
      return { ...answer, dismissed: true };
    }
    if (need.adapter !== 'generic' && (settings.sites[need.adapter] === false || state.disabledAdapters.includes(need.adapter))) {
      return { ...answer, disabled: true };
    }
    const full = linked && page ? await this.#withLinkedData(need, linked, page) : need;
    const hits = this.#matcherFor(state).match(full, MAX_SUGGESTIONS);
    return { ...answer, suggestions: this.#toSuggestions(state, hits, settings, full) };
  }

  /** The need with the page's linked data, read from the page's own origin only; else the need as read. */
  async #withLinkedData(need: PageNeed, linked: string, page: PageRef): Promise<PageNeed> {
    const merge = LINKED_DATA_MERGE[need.adapter];
    if (!merge || !this.#deps.fetchLinked || typeof linked !== 'string') return need;
    let target: URL;
    let origin: string;
    try {
      target = new URL(linked);
      origin = new URL(page.key).origin;
    } catch {
      return need;
    }
    if (target.origin !== origin || (target.protocol !== 'https:' && target.protocol !== 'http:')) return need;
    return readLinkedData(need, target.href, merge, this.#deps.fetchLinked);
  }

  async hide(scope: 'page' | 'site', page: PageRef): Promise<void> {
    const current = await this.#deps.pages.getDismissed();
    const key = scope === 'page' ? page.key : page.host;
    const list = scope === 'page' ? current.pages : current.hosts;
    if (typeof key !== 'string' || key === '' || list.includes(key)) return;
    await this.#deps.pages.setDismissed(
      scope === 'page' ? { ...current, pages: [...current.pages, key] } : { ...current, hosts: [...current.hosts, key] },
    );
  }

  async search(query: string): Promise<Suggestion[]> {
    const [state, settings] = await Promise.all([this.#deps.store.current(), this.#deps.getSettings()]);
    const hits = this.#matcherFor(state).search(query.slice(0, 500), MAX_SEARCH);
    return this.#toSuggestions(state, hits, settings);
  }

  #matcherFor(state: CatalogueState): Matcher {
    if (this.#matcher?.doc !== state.doc) this.#matcher = { doc: state.doc, matcher: this.#deps.createMatcher(state.doc) };
    return this.#matcher.matcher;
  }

  #toSuggestions(state: CatalogueState, hits: MatchHit[], settings: Settings, need?: PageNeed): Suggestion[] {
    const byId = new Map(state.doc.components.map((c) => [c.id, c]));
    return hits.flatMap((hit) => {
      const component = byId.get(hit.id);
      return component ? [toSuggestion(component, hit, settings.catalogueRepo, need)] : [];
    });
  }
}

function status(state: CatalogueState): CatalogueStatus {
  return {
    source: state.source,
    components: state.doc.components.length,
    version: state.doc.version,
    fetchedAt: state.fetchedAt,
    lastError: state.lastError,
    disabledAdapters: state.disabledAdapters,
  };
}
