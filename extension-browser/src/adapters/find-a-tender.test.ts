import { describe, expect, it } from 'vitest';
import { findATender } from './find-a-tender';
import { loadFixture } from './fixture.testing';

const url = new URL('https://www.find-tender.service.gov.uk/Notice/012345-2024');

describe('find-a-tender adapter', () => {
  it('matches notice URLs only', () => {
    expect(findATender.matchesUrl(url)).toBe(true);
    expect(findATender.matchesUrl(new URL('https://www.find-tender.service.gov.uk/Notice/012345-2024?origin=SearchResults'))).toBe(true);
    expect(findATender.matchesUrl(new URL('https://www.find-tender.service.gov.uk/Notice/012345-2024/PDF'))).toBe(false);
    expect(findATender.matchesUrl(new URL('https://www.find-tender.service.gov.uk/Notice/Attachment/ABC'))).toBe(false);
    expect(findATender.matchesUrl(new URL('https://www.find-tender.service.gov.uk/Search/Results'))).toBe(false);
  });

  it('reads an old TED-form notice: title, buyer, CPV codes in order, descriptions', () => {
    const need = findATender.extract(loadFixture('find-a-tender-old'), url);
    expect(need).toMatchObject({
      adapter: 'find-a-tender',
      title: 'Electronic Referral Management System',
      buyer: 'Riverside University Hospitals NHS Foundation Trust',
      cpvCodes: ['48000000', '72000000', '48180000'],
    });
    expect(need?.description).toContain('NHS e-Referral Service (e-RS)');
    expect(need?.description).toContain('Implementation, hosting and support');
    // Banners and popups are not part of the need.
    expect(need?.description).not.toMatch(/cookies|Sign in to save/);
    // Screen-reader duplicates ("two.1.4)") are not read twice.
    expect(need?.description).not.toContain('two.1.4');
  });

  it('reads a Procurement Act 2023 notice', () => {
    const need = findATender.extract(loadFixture('find-a-tender-pa'), new URL('https://www.find-tender.service.gov.uk/Notice/054321-2025'));
    expect(need).toMatchObject({
      title: 'School age immunisation recording system',
      buyer: 'Northshire Community Health NHS Trust',
      cpvCodes: ['72260000', '85100000'],
    });
    expect(need?.description).toMatch(/^The school age immunisation service needs a digital system/);
  });

  it("finds the notice's own OCDS release package link", () => {
    expect(findATender.linkedData?.find(loadFixture('find-a-tender-old'), url)?.href).toBe(
      'https://www.find-tender.service.gov.uk/Notice/012345-2024/OCDS/ReleasePackage',
    );
    const other = new DOMParser().parseFromString('<a href="/Notice/000001-2024/OCDS/ReleasePackage">OCDS</a>', 'text/html');
    expect(findATender.linkedData?.find(other, url)).toBeUndefined();
  });

  it("reads the buyer from the first line of the contracting authority's block when the summary list has none", () => {
    const doc = new DOMParser().parseFromString(
      '<main><h1>Referral system</h1><h3 id="contracting_authority_0">Contracting authority</h3>' +
        '<div class="govuk-body"><p>\n  Riverside University Hospitals NHS Foundation Trust\n  1 River Road\n  Riverside</p></div></main>',
      'text/html',
    );
    expect(findATender.extract(doc, url)?.buyer).toBe('Riverside University Hospitals NHS Foundation Trust');
    // The path's case is the site's to choose; the notice id pattern is what matters.
    expect(findATender.matchesUrl(new URL('https://www.find-tender.service.gov.uk/notice/012345-2024/'))).toBe(true);
  });

  it('returns nothing for a page without a title', () => {
    const doc = new DOMParser().parseFromString('<html><body><main></main></body></html>', 'text/html');
    expect(findATender.extract(doc, url)).toBeUndefined();
  });
});
