import { describe, expect, it, vi } from 'vitest';
import { SITE_ADAPTERS } from '../adapters';
import { findATender } from '../adapters/find-a-tender';
import { LINKED_DATA_MERGE } from '../adapters/linked-data-merge';
import { loadFixture } from '../adapters/fixture.testing';
import { needFromOcds } from '../adapters/ocds';
import type { PageNeed } from '../adapters/types';
import { LINKED_DATA_MAX_CHARS, linkedDataUrl, readLinkedData } from './linked-data';

const site = new URL('https://www.find-tender.service.gov.uk/Notice/012345-2024');
const doc = loadFixture('find-a-tender-old');
const complete = findATender.extract(doc, site)!;
// The need of a notice whose markup gave no CPV codes: the linked data is read for it.
const markup: PageNeed = { ...complete, cpvCodes: [] };
const release = { releases: [{ tender: { title: 'Title from OCDS', description: 'Description from OCDS.' } }] };
const OCDS_URL = 'https://www.find-tender.service.gov.uk/Notice/012345-2024/OCDS/ReleasePackage';

const json = (body: unknown, status = 200) =>
  vi.fn((_url: string, _init: RequestInit) => Promise.resolve(new Response(JSON.stringify(body), { status })));

describe('linkedDataUrl (content script)', () => {
  it("names the notice's own OCDS release package when the markup lacks a field, and nothing when it gave every field", () => {
    expect(linkedDataUrl(findATender, doc, site, site, markup)).toBe(OCDS_URL);
    expect(linkedDataUrl(findATender, doc, site, site, complete)).toBeUndefined();
    for (const gap of [{ title: '' }, { description: '' }, { cpvCodes: [] }, { buyer: undefined }]) {
      expect(linkedDataUrl(findATender, doc, site, site, { ...complete, ...gap })).toBe(OCDS_URL);
    }
  });

  it('on a loopback test page, names where the site is served', () => {
    const location = new URL('http://127.0.0.1:8123/www.find-tender.service.gov.uk/Notice/012345-2024');
    expect(linkedDataUrl(findATender, doc, site, location, markup)).toBe(
      'http://127.0.0.1:8123/www.find-tender.service.gov.uk/Notice/012345-2024/OCDS/ReleasePackage',
    );
  });

  it('never names another site, nor another notice', () => {
    for (const href of ['https://evil.example/Notice/012345-2024/OCDS/ReleasePackage', '/Notice/999999-2024/OCDS/ReleasePackage']) {
      const page = new DOMParser().parseFromString(`<main><h1>T</h1><a href="${href}">OCDS</a></main>`, 'text/html');
      expect(linkedDataUrl(findATender, page, site, site, markup)).toBeUndefined();
    }
  });
});

describe('readLinkedData (background)', () => {
  it('has a reader for every adapter whose pages link data (else the link would be sent and never read)', () => {
    const linking = SITE_ADAPTERS.filter((a) => a.linkedData).map((a) => a.id);
    expect(linking.length).toBeGreaterThan(0);
    expect(Object.keys(LINKED_DATA_MERGE).sort()).toEqual([...linking].sort());
  });

  it('fetches without cookies or referrer, sends nothing, and prefers the linked fields', async () => {
    const fetch = json(release);
    const need = await readLinkedData(markup, OCDS_URL, needFromOcds, fetch);
    expect(fetch).toHaveBeenCalledTimes(1);
    const [url, init] = fetch.mock.calls[0]!;
    expect(url).toBe(OCDS_URL);
    expect(init).toMatchObject({ credentials: 'omit', redirect: 'error', referrerPolicy: 'no-referrer' });
    expect(init.body).toBeUndefined();
    expect(need).toMatchObject({ title: 'Title from OCDS', description: 'Description from OCDS.', cpvCodes: markup.cpvCodes });
  });

  it('keeps the markup when the data is missing, not JSON, too large, or too slow', async () => {
    expect(await readLinkedData(markup, OCDS_URL, needFromOcds, json({}, 404))).toBe(markup);
    expect(await readLinkedData(markup, OCDS_URL, needFromOcds, vi.fn(() => Promise.resolve(new Response('<html>'))))).toBe(markup);
    expect(await readLinkedData(markup, OCDS_URL, needFromOcds, vi.fn(() => Promise.resolve(new Response(' '.repeat(LINKED_DATA_MAX_CHARS + 1)))))).toBe(markup);
    const declaredTooLarge = new Response(JSON.stringify(release), { headers: { 'content-length': String(LINKED_DATA_MAX_CHARS + 1) } });
    const read = vi.spyOn(declaredTooLarge, 'text');
    expect(await readLinkedData(markup, OCDS_URL, needFromOcds, vi.fn(() => Promise.resolve(declaredTooLarge)))).toBe(markup);
    expect(read).not.toHaveBeenCalled();
    expect(await readLinkedData(markup, OCDS_URL, needFromOcds, vi.fn(() => Promise.reject(new TypeError('Failed to fetch'))))).toBe(markup);
    const hanging = vi.fn((_url: string, init: RequestInit) => new Promise<Response>((_resolve, reject) => init.signal?.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError')))));
    expect(await readLinkedData(markup, OCDS_URL, needFromOcds, hanging)).toBe(markup);
  });
});
