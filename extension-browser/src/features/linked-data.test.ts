import { describe, expect, it, vi } from 'vitest';
import { findATender } from '../adapters/find-a-tender';
import { loadFixture } from '../adapters/fixture.testing';
import type { PageNeed } from '../adapters/types';
import { LINKED_DATA_MAX_CHARS, withLinkedData, type LinkedDataInput } from './linked-data';

const site = new URL('https://www.find-tender.service.gov.uk/Notice/012345-2024');
const doc = loadFixture('find-a-tender-old');
const complete = findATender.extract(doc, site)!;
// The need of a notice whose markup gave no CPV codes: the linked data is read for it.
const markup: PageNeed = { ...complete, cpvCodes: [] };
const release = { releases: [{ tender: { title: 'Title from OCDS', description: 'Description from OCDS.' } }] };

function input(fetch: LinkedDataInput['fetch'], over: Partial<LinkedDataInput> = {}): LinkedDataInput {
  return { adapter: findATender, document: doc, url: site, location: site, need: markup, fetch, signal: new AbortController().signal, ...over };
}
const json = (body: unknown, status = 200) =>
  vi.fn((_url: string, _init: RequestInit) => Promise.resolve(new Response(JSON.stringify(body), { status })));

describe('withLinkedData', () => {
  it("fetches the notice's own OCDS release package without cookies or referrer, and prefers its fields", async () => {
    const fetch = json(release);
    const need: PageNeed = await withLinkedData(input(fetch));
    expect(fetch).toHaveBeenCalledTimes(1);
    const [url, init] = fetch.mock.calls[0]!;
    expect(url).toBe('https://www.find-tender.service.gov.uk/Notice/012345-2024/OCDS/ReleasePackage');
    expect(init).toMatchObject({ credentials: 'omit', redirect: 'error', referrerPolicy: 'no-referrer' });
    expect(init.body).toBeUndefined();
    expect(need).toMatchObject({ title: 'Title from OCDS', description: 'Description from OCDS.', cpvCodes: markup.cpvCodes });
  });

  it('reads nothing when the markup gave every field', async () => {
    const fetch = json(release);
    expect(await withLinkedData(input(fetch, { need: complete }))).toBe(complete);
    expect(fetch).not.toHaveBeenCalled();
    for (const gap of [{ title: '' }, { description: '' }, { cpvCodes: [] }, { buyer: undefined }]) {
      await withLinkedData(input(fetch, { need: { ...complete, ...gap } }));
    }
    expect(fetch).toHaveBeenCalledTimes(4);
  });

  it('on a loopback test page, fetches from where the site is served', async () => {
    const location = new URL('http://127.0.0.1:8123/www.find-tender.service.gov.uk/Notice/012345-2024');
    const fetch = json(release);
    await withLinkedData(input(fetch, { location }));
    expect(fetch.mock.calls[0]?.[0]).toBe('http://127.0.0.1:8123/www.find-tender.service.gov.uk/Notice/012345-2024/OCDS/ReleasePackage');
  });

  it('never fetches from another site, nor another notice', async () => {
    for (const href of ['https://evil.example/Notice/012345-2024/OCDS/ReleasePackage', '/Notice/999999-2024/OCDS/ReleasePackage']) {
      const page = new DOMParser().parseFromString(`<main><h1>T</h1><a href="${href}">OCDS</a></main>`, 'text/html');
      const fetch = json(release);
      expect(await withLinkedData(input(fetch, { document: page }))).toBe(markup);
      expect(fetch).not.toHaveBeenCalled();
    }
  });

  it('keeps the markup when the data is missing, not JSON, too large, or too slow', async () => {
    expect(await withLinkedData(input(json({}, 404)))).toBe(markup);
    expect(await withLinkedData(input(vi.fn(() => Promise.resolve(new Response('<html>')))))).toBe(markup);
    expect(await withLinkedData(input(vi.fn(() => Promise.resolve(new Response(' '.repeat(LINKED_DATA_MAX_CHARS + 1))))))).toBe(markup);
    const declaredTooLarge = new Response(JSON.stringify(release), { headers: { 'content-length': String(LINKED_DATA_MAX_CHARS + 1) } });
    const read = vi.spyOn(declaredTooLarge, 'text');
    expect(await withLinkedData(input(vi.fn(() => Promise.resolve(declaredTooLarge))))).toBe(markup);
    expect(read).not.toHaveBeenCalled();
    expect(await withLinkedData(input(vi.fn(() => Promise.reject(new TypeError('Failed to fetch')))))).toBe(markup);
    const hanging = vi.fn((_url: string, init: RequestInit) => new Promise<Response>((_resolve, reject) => init.signal?.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError')))));
    expect(await withLinkedData(input(hanging))).toBe(markup);
  });
});
