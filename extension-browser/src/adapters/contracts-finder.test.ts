import { describe, expect, it } from 'vitest';
import { contractsFinder } from './contracts-finder';
import { loadFixture } from './fixture.testing';

const url = new URL('https://www.contractsfinder.service.gov.uk/Notice/3f2a9c4e-1b7d-4e8a-9c0f-2d5e6a7b8c9d');

describe('contracts-finder adapter', () => {
  it('matches notice URLs (GUID) only', () => {
    expect(contractsFinder.matchesUrl(url)).toBe(true);
    expect(contractsFinder.matchesUrl(new URL('https://www.contractsfinder.service.gov.uk/Notice/Attachment/3f2a9c4e'))).toBe(false);
    expect(contractsFinder.matchesUrl(new URL('https://www.contractsfinder.service.gov.uk/Search'))).toBe(false);
  });

  it('reads title, buyer, industry CPV codes and the Description block', () => {
    const need = contractsFinder.extract(loadFixture('contracts-finder'), url);
    expect(need).toMatchObject({
      adapter: 'contracts-finder',
      title: 'Breast screening appointment and results management system',
      buyer: 'Midshire and Vale Hospitals NHS Trust',
      cpvCodes: ['48000000', '48180000'],
    });
    expect(need?.description).toMatch(/^The breast screening programme needs a system/);
    expect(need?.description).not.toContain('market engagement');
  });
});
