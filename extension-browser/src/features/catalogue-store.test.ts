import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { browserCatalogueCache } from '../utils/catalogue-cache';
import { buildCatalogue } from '@wheelhouse/shared/catalogue';
import { buildIndex } from '@wheelhouse/shared/matching';
import { CatalogueStore, parseCatalogueDoc, type CatalogueDoc } from './catalogue-store';
import { component } from './testing';

const URL_ = 'https://catalogue.example/dist/catalogue.json';
const bundled: CatalogueDoc = { version: 'bundled-1', components: [component('bundled-one')] };

interface Call {
  url: string;
  headers: Record<string, string>;
  init: RequestInit | undefined;
}

/** A fake remote: a queue of responses per URL, recording each request. */
function remote(routes: Record<string, (() => Response)[]>) {
  const calls: Call[] = [];
  const fetchFn = (input: RequestInfo | URL, init?: RequestInit) => {
    const url = input instanceof Request ? input.url : input.toString();
    calls.push({ url, headers: { ...(init?.headers as Record<string, string>) }, init });
    const next = routes[url]?.shift();
    return next ? Promise.resolve(next()) : Promise.reject(new TypeError('network down'));
  };
  return { calls, fetch: fetchFn };
}

const json = (body: unknown, init: ResponseInit = {}) => () =>
  new Response(JSON.stringify(body), { status: 200, headers: { 'content-type': 'application/json' }, ...init });

function store(fetchFn: typeof fetch) {
  return new CatalogueStore({
    bundled,
    buildIndex,
    cache: browserCatalogueCache,
    fetch: fetchFn,
    now: () => new Date('2026-01-01T00:00:00Z'),
  });
}

beforeEach(() => fakeBrowser.reset());

describe('CatalogueStore', () => {
  it('starts from the bundled catalogue', async () => {
    const s = await store(remote({}).fetch).current();
    expect(s).toMatchObject({ source: 'bundled', doc: { version: 'bundled-1' }, disabledAdapters: [] });
  });

  it('refreshes with ETags: stores the copy, then sends If-None-Match and keeps it on 304', async () => {
    const doc = buildCatalogue([component('remote-one')]).catalogue;
    const r = remote({
      [URL_]: [json(doc, { headers: { etag: '"v2"' } }), () => new Response(null, { status: 304 })],
    });
    const s = store(r.fetch);
    const first = await s.refresh(URL_);
    expect(first).toMatchObject({ source: 'remote', doc: { version: doc.contentHash }, lastError: undefined });
    expect(r.calls[0]?.headers['if-none-match']).toBeUndefined();
    // The match index is built at refresh time, not when a page asks.
    expect(first.doc.index).toMatchObject({ format: 'wheelhouse-match-index' });
    expect(r.calls[0]?.init).toMatchObject({ credentials: 'omit', referrerPolicy: 'no-referrer' });
    const second = await s.refresh(URL_);
    expect(r.calls.find((c, i) => i > 0 && c.url === URL_)?.headers['if-none-match']).toBe('"v2"');
    expect(second.doc.version).toBe(doc.contentHash);
    // A new service worker (restart) loads the last good copy from storage.
    expect((await store(remote({}).fetch).current()).doc.version).toBe(doc.contentHash);
  });

  it('keeps the last good copy when the remote is invalid, hostile or unreachable', async () => {
    const good = buildCatalogue([component('good-one')]).catalogue;
    const hostile = { ...good, components: [{ ...component('evil'), name: '<script>alert(1)</script>', url: 'javascript:alert(1)' }] };
    const r = remote({ [URL_]: [json(good), json(hostile), () => new Response('oops', { status: 500 })] });
    const s = store(r.fetch);
    await s.refresh(URL_);
    const afterHostile = await s.refresh(URL_);
    expect(afterHostile.doc.version).toBe(good.contentHash);
    expect(afterHostile.lastError).toMatch(/catalogue rejected: components\.0\.(name|url)/);
    const after500 = await s.refresh(URL_);
    expect(after500.doc.version).toBe(good.contentHash);
    expect(after500.lastError).toMatch(/HTTP 500/);
    const afterDown = await s.refresh(URL_);
    expect(afterDown.lastError).toMatch(/network down/);
    expect(afterDown.doc.version).toBe(good.contentHash);
  });

  it('reads the remote kill switch beside the catalogue and remembers it', async () => {
    const r = remote({
      [URL_]: [() => new Response(null, { status: 304 })],
      'https://catalogue.example/dist/extension.json': [json({ disabledAdapters: ['github'] })],
    });
    const s = store(r.fetch);
    expect((await s.refresh(URL_)).disabledAdapters).toEqual(['github']);
    expect((await store(remote({}).fetch).current()).disabledAdapters).toEqual(['github']);
  });

  it('parses a bare array of components too, and rejects non-catalogues', () => {
    expect(parseCatalogueDoc({ version: 'x', components: [] })).toMatchObject({ ok: false });
    expect(parseCatalogueDoc([component('a')])).toMatchObject({ ok: true, doc: { version: 'unversioned' } });
    expect(parseCatalogueDoc({ hello: 'world' })).toMatchObject({ ok: false });
  });
});
