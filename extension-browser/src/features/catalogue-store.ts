// The catalogue the background matches against: bundled at build time, refreshed from the remote URL with
// ETags, validated with zod, and the last good copy kept in storage. A bad or unreachable remote never
// replaces a good catalogue.
import { z } from 'zod';
import { CatalogueSchema, ComponentSchema, type Component } from '@wheelhouse/shared/catalogue';

/** What the extension keeps of a catalogue: its version (content hash), components and match index. */
export interface CatalogueDoc {
  version: string;
  components: Component[];
  /** The serialised match index (`buildIndex` output); built at build time or right after a refresh. */
  index?: unknown;
}

/** Remote per-adapter kill switch, published beside the catalogue as `extension.json`. */
export const KillSwitchSchema = z.object({ disabledAdapters: z.array(z.string().max(60)).max(50).default([]) });

export interface CachedCatalogue {
  url: string;
  etag?: string;
  fetchedAt: string;
  doc: CatalogueDoc;
}

export interface CatalogueCache {
  get(): Promise<CachedCatalogue | null>;
  set(value: CachedCatalogue): Promise<void>;
  getDisabledAdapters(): Promise<string[]>;
  setDisabledAdapters(value: string[]): Promise<void>;
}

export interface CatalogueState {
  source: 'bundled' | 'remote';
  doc: CatalogueDoc;
  fetchedAt?: string;
  lastError?: string;
  disabledAdapters: string[];
}

export class CatalogueFetchError extends Error {
  readonly url: string;
  constructor(message: string, url: string) {
    super(`${message} (${url}); the last good catalogue stays in use`);
    this.name = 'CatalogueFetchError';
    this.url = url;
  }
}

/**
 * Parses a built catalogue (`catalogue.json` from `wheelhouse catalogue build`, format
 * `wheelhouse-catalogue/1`) or a bare array of components. Every component goes through the shared zod
 * schema, which refuses markup and non-http(s) URLs.
 */
export function parseCatalogueDoc(json: unknown): { ok: true; doc: CatalogueDoc } | { ok: false; error: string } {
  const parsed = Array.isArray(json)
    ? z.array(ComponentSchema).max(20000).safeParse(json)
    : CatalogueSchema.safeParse(json);
  if (!parsed.success) {
    const first = parsed.error.issues[0];
    return { ok: false, error: `catalogue rejected: ${first ? `${first.path.join('.')}: ${first.message}` : 'invalid'}` };
  }
  const doc = Array.isArray(parsed.data)
    ? { version: 'unversioned', components: parsed.data }
    : { version: parsed.data.contentHash, components: parsed.data.components };
  return { ok: true, doc };
}

export interface CatalogueStoreDeps {
  /** Validated at build time (wxt.config.ts). */
  bundled: CatalogueDoc;
  /** Builds the match index for a refreshed catalogue, so pages never wait for it. */
  buildIndex(components: Component[]): unknown;
  cache: CatalogueCache;
  fetch: typeof fetch;
  now: () => Date;
}

export class CatalogueStore {
  readonly deps: CatalogueStoreDeps;
  #state: CatalogueState;
  #loaded = false;

  constructor(deps: CatalogueStoreDeps) {
    this.deps = deps;
    this.#state = { source: 'bundled', doc: deps.bundled, disabledAdapters: [] };
  }

  /** The current catalogue: the cached remote copy when there is one, else the bundled one. */
  async current(): Promise<CatalogueState> {
    if (!this.#loaded) {
      this.#loaded = true;
      const cached = await this.deps.cache.get();
      // Cached copies were validated before they were stored; re-validate in case the schema changed.
      const reparsed = cached ? parseCatalogueDoc(cached.doc.components) : undefined;
      if (cached && reparsed?.ok) {
        const doc = { version: cached.doc.version, components: reparsed.doc.components, index: cached.doc.index };
        this.#state = { ...this.#state, source: 'remote', doc, fetchedAt: cached.fetchedAt };
      }
      this.#state = { ...this.#state, disabledAdapters: await this.deps.cache.getDisabledAdapters() };
    }
    return this.#state;
  }

  /** Fetches the remote catalogue (If-None-Match) and kill switch. Never throws; errors land in `lastError`. */
  async refresh(url: string): Promise<CatalogueState> {
    await this.current();
    const cached = await this.deps.cache.get();
    try {
      const headers: Record<string, string> = { accept: 'application/json' };
      if (cached?.etag && cached.url === url) headers['if-none-match'] = cached.etag;
      // No cookies or referrer: the request carries nothing about the user or the page.
      const res = await this.deps.fetch(url, { headers, credentials: 'omit', referrerPolicy: 'no-referrer', cache: 'no-cache' });
      if (res.status === 304 && cached) {
        await this.deps.cache.set({ ...cached, fetchedAt: this.deps.now().toISOString() });
        this.#state = { ...this.#state, fetchedAt: this.deps.now().toISOString(), lastError: undefined };
      } else if (res.ok) {
        const parsed = parseCatalogueDoc(await res.json());
        if (!parsed.ok) throw new CatalogueFetchError(parsed.error, url);
        const fetchedAt = this.deps.now().toISOString();
        const doc = { ...parsed.doc, index: this.deps.buildIndex(parsed.doc.components) };
        await this.deps.cache.set({ url, etag: res.headers.get('etag') ?? undefined, fetchedAt, doc });
        this.#state = { ...this.#state, source: 'remote', doc, fetchedAt, lastError: undefined };
      } else {
        throw new CatalogueFetchError(`catalogue fetch failed: HTTP ${res.status}`, url);
      }
    } catch (error) {
      this.#state = { ...this.#state, lastError: error instanceof Error ? error.message : String(error) };
    }
    const disabledAdapters = await this.#killSwitch(url);
    await this.deps.cache.setDisabledAdapters(disabledAdapters);
    this.#state = { ...this.#state, disabledAdapters };
    return this.#state;
  }

  async #killSwitch(catalogueUrl: string): Promise<string[]> {
    try {
      const res = await this.deps.fetch(new URL('extension.json', catalogueUrl).href, {
        credentials: 'omit',
        referrerPolicy: 'no-referrer',
        cache: 'no-cache',
      });
      if (res.status === 404) return [];
      if (!res.ok) return this.#state.disabledAdapters;
      const parsed = KillSwitchSchema.safeParse(await res.json());
      return parsed.success ? parsed.data.disabledAdapters : this.#state.disabledAdapters;
    } catch {
      // Unreachable: keep the last known switches.
      return this.#state.disabledAdapters;
    }
  }
}

