import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { PageNeed } from '../adapters/types';
import { browserCatalogueCache } from '../utils/catalogue-cache';
import type { MatchResponse } from '../utils/messages';
import { getSettings, updateSettings } from '../utils/storage';
import { buildIndex } from '@wheelhouse/shared/matching';
import { BackgroundService } from './background-service';
import { CatalogueStore } from './catalogue-store';
import type { LinkedFetch } from './linked-data';
import { createLocalMatcher } from './local-matcher';
import { component, memoryStore } from './testing';

// Unrelated components, so term rarity (IDF) means what it means in the real catalogue.
const FILLER = [
  'R helpers for matching addresses to Ordnance Survey records.',
  'Python library for hospital waiting list statistics.',
  'Terraform modules for AWS backups.',
  'Growth charts for children.',
  'Dashboard of covid case numbers.',
  'Cookie consent banner for websites.',
  'Pseudonymisation of patient identifiers in research data.',
  'Command line tool for running research jobs on GP data.',
].map((summary, i) => component(`filler-${i}`, { description: { en: { shortDescription: summary } } }));

const components = [
  ...FILLER,
  component('ers-fhir-api', {
    name: 'e-Referral Service FHIR API',
    description: { en: { shortDescription: 'Create and manage referrals through the NHS e-Referral Service (e-RS).' } },
    nhs: { services: ['e-RS'], matching: { terms: ['e-referral', 'referral management', 'advice and guidance'], antiTerms: [] } },
  }),
  component('nhsuk-frontend', {
    name: 'NHS.UK frontend',
    url: 'https://github.com/nhsuk/nhsuk-frontend',
    legal: { license: 'NOASSERTION' },
    description: { en: { shortDescription: 'Styles and components for the NHS design system.' } },
    nhs: {
      matching: { terms: ['design system', 'frontend components'], antiTerms: [] },
      adopters: [{ organisation: 'NHS England', source: 'https://www.nhs.uk/' }],
    },
  }),
];

function need(over: Partial<PageNeed> = {}): PageNeed {
  return {
    adapter: 'find-a-tender',
    url: 'https://www.find-tender.service.gov.uk/Notice/012345-2024',
    title: 'Electronic referral management system',
    description: 'Receive and triage e-referrals from GP practices through the NHS e-Referral Service (e-RS), with advice and guidance.',
    cpvCodes: ['48000000'],
    keywords: [],
    ...over,
  };
}

function service(inject = vi.fn(() => Promise.resolve()), pages = memoryStore(), fetchLinked?: LinkedFetch) {
  const store = new CatalogueStore({
    bundled: { version: 't', components },
    buildIndex,
    cache: browserCatalogueCache,
    fetch: () => Promise.reject(new TypeError('offline')),
    now: () => new Date(),
  });
  return {
    svc: new BackgroundService({ store, createMatcher: createLocalMatcher, getSettings, pages, injectOnDemand: inject, fetchLinked }),
    inject,
    pages,
  };
}

beforeEach(() => fakeBrowser.reset());

describe('BackgroundService', () => {
  it('matches a need locally and builds full suggestions', async () => {
    const res = await service().svc.match(need());
    expect(res.disabled).toBe(false);
    const first = res.suggestions[0]!;
    expect(first.id).toBe('ers-fhir-api');
    expect(first.reasons.join(' ')).toMatch(/referral|e-RS/i);
    expect(first.repoUrl).toBe('https://github.com/example/ers-fhir-api');
    expect(first.catalogueUrl).toMatch(/\/catalogue\/components\/ers-fhir-api\.yaml$/);
    const report = new URL(first.reportUrl!);
    expect(report.pathname).toMatch(/\/issues\/new$/);
    expect(report.searchParams.get('title')).toBe('Wrong suggestion: ers-fhir-api');
    // The report carries the public notice URL but never page text.
    expect(report.searchParams.get('body')).toContain('https://www.find-tender.service.gov.uk/Notice/012345-2024');
    expect(first.reportUrl).not.toContain('triage');
  });

  it('confirms reuse on the component\'s own repository and says "licence unclear" for NOASSERTION', async () => {
    const res = await service().svc.match(
      need({ adapter: 'github', url: 'https://github.com/nhsuk/nhsuk-frontend', title: 'nhsuk/nhsuk-frontend', description: 'x', cpvCodes: [] }),
    );
    const s = res.suggestions.find((x) => x.id === 'nhsuk-frontend');
    expect(s?.licence).toBe('licence unclear');
    expect(s?.adopters).toEqual(['NHS England']);
    expect(s?.reportUrl).not.toContain('github.com%2Fnhsuk');
  });

  it('abstains when nothing relates', async () => {
    const res = await service().svc.match(need({ title: 'Grounds maintenance', description: 'Grass cutting and hedge trimming at three hospital sites.', cpvCodes: ['77310000'] }));
    expect(res.suggestions).toEqual([]);
  });

  it('honours per-site switches and the remote kill switch', async () => {
    await updateSettings({ sites: { 'find-a-tender': false } });
    expect(await service().svc.match(need())).toEqual({ disabled: true, dismissed: false, collapsed: false, suggestions: [] });
    await updateSettings({ sites: {} });
    await browserCatalogueCache.setDisabledAdapters(['find-a-tender']);
    expect((await service().svc.match(need())).disabled).toBe(true);
    // The toolbar's on-demand check (generic) is never switched off by a site switch.
    expect((await service().svc.match(need({ adapter: 'generic' }))).disabled).toBe(false);
  });

  it('answers "hidden" for pages and sites the user hid, unless the user asked (toolbar)', async () => {
    const page = { key: 'https://www.find-tender.service.gov.uk/Notice/012345-2024', host: 'www.find-tender.service.gov.uk' };
    const { svc, pages } = service();
    await pages.setCollapsed(true);
    expect(await svc.match(need(), page)).toMatchObject({ dismissed: false, collapsed: true });
    expect(await svc.handle({ type: 'wheelhouse/hide', scope: 'page', page })).toEqual({ ok: true });
    expect(await svc.handle({ type: 'wheelhouse/hide', scope: 'page', page })).toEqual({ ok: true });
    expect(pages.dismissed.pages).toEqual([page.key]);
    expect(await svc.match(need(), page)).toEqual({ disabled: false, dismissed: true, collapsed: true, suggestions: [] });
    expect((await svc.match(need(), page, true)).suggestions[0]?.id).toBe('ers-fhir-api');
    const other = { key: 'https://www.find-tender.service.gov.uk/Notice/000001-2025', host: page.host };
    expect((await svc.match(need(), other)).dismissed).toBe(false);
    await svc.handle({ type: 'wheelhouse/hide', scope: 'site', page: other });
    expect(pages.dismissed.hosts).toEqual([page.host]);
    expect((await svc.match(need(), other)).dismissed).toBe(true);
    await svc.handle({ type: 'wheelhouse/collapse', collapsed: false });
    expect(pages.collapsed).toBe(false);
  });

  it("reads the page's own linked data before matching: from the page's origin only, and not for a hidden page", async () => {
    const page = { key: 'https://www.find-tender.service.gov.uk/Notice/067890-2024', host: 'www.find-tender.service.gov.uk' };
    const linked = `${page.key}/OCDS/ReleasePackage`;
    const ocds = {
      releases: [{ tender: { description: need().description, classification: { scheme: 'CPV', id: '48180000' } } }],
    };
    const fetchLinked = vi.fn((_url: string, _init: RequestInit) => Promise.resolve(new Response(JSON.stringify(ocds))));
    const { svc } = service(undefined, undefined, fetchLinked);
    // The markup gave a title only: the OCDS description is what matches.
    const sparse = need({ title: 'Notice 067890-2024', description: '', cpvCodes: [] });
    expect((await svc.match(sparse, page)).suggestions).toEqual([]);
    const res = (await svc.handle({ type: 'wheelhouse/match', need: sparse, page, linked })) as MatchResponse;
    expect(fetchLinked).toHaveBeenCalledWith(linked, expect.objectContaining({ credentials: 'omit', referrerPolicy: 'no-referrer' }));
    expect(res.suggestions[0]?.id).toBe('ers-fhir-api');
    await svc.match(sparse, page, false, 'https://evil.example/Notice/067890-2024/OCDS/ReleasePackage');
    await svc.match(sparse, page, false, 'not a url');
    expect(fetchLinked).toHaveBeenCalledTimes(1);
    await svc.hide('page', page);
    expect((await svc.match(sparse, page, false, linked)).dismissed).toBe(true);
    expect(fetchLinked).toHaveBeenCalledTimes(1);
  });

  it('searches the catalogue for the popup without an abstention threshold', async () => {
    const found = await service().svc.search('design system');
    expect(found.map((s) => s.id)).toContain('nhsuk-frontend');
    expect(await service().svc.search('')).toEqual([]);
  });

  it('routes messages, including the on-demand check of a tab', async () => {
    const { svc, inject } = service();
    expect(await svc.handle({ type: 'wheelhouse/check-tab', tabId: 7 })).toEqual({ ok: true });
    expect(inject).toHaveBeenCalledWith(7);
    expect(await svc.handle({ type: 'wheelhouse/status' })).toMatchObject({ source: 'bundled', components: components.length });
    const failing = service(vi.fn(() => Promise.reject(new Error('Cannot access a chrome:// URL'))));
    expect(await failing.svc.handle({ type: 'wheelhouse/check-tab', tabId: 1 })).toEqual({ ok: false, error: 'Cannot access a chrome:// URL' });
  });
});
