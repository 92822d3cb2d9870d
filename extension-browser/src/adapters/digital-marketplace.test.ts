import { describe, expect, it } from 'vitest';
import { digitalMarketplace } from './digital-marketplace';
import { loadFixture } from './fixture.testing';

describe('digital-marketplace adapter', () => {
  it('matches opportunities and G-Cloud services, not search lists', () => {
    const at = (p: string) => digitalMarketplace.matchesUrl(new URL(`https://www.digitalmarketplace.service.gov.uk${p}`));
    expect(at('/digital-outcomes-and-specialists/opportunities/9876')).toBe(true);
    expect(at('/g-cloud/services/123456789012345')).toBe(true);
    expect(at('/g-cloud/search')).toBe(false);
    expect(at('/digital-outcomes-and-specialists/opportunities')).toBe(false);
  });

  it('reads an opportunity: organisation as buyer, summary of the work as description', () => {
    const url = new URL('https://www.digitalmarketplace.service.gov.uk/digital-outcomes-and-specialists/opportunities/9876');
    const need = digitalMarketplace.extract(loadFixture('digital-marketplace-opportunity'), url);
    expect(need).toMatchObject({
      title: 'Clinical terminology server for SNOMED CT',
      buyer: 'Northern Care Alliance NHS Foundation Trust',
      cpvCodes: [],
    });
    expect(need?.description).toContain('SNOMED CT and dm+d');
    expect(need?.description).toContain('consistent coded data');
    expect(need?.description).not.toContain('cookies');
  });

  it('reads a G-Cloud service: no buyer (the caption is the supplier)', () => {
    const url = new URL('https://www.digitalmarketplace.service.gov.uk/g-cloud/services/123456789012345');
    const need = digitalMarketplace.extract(loadFixture('digital-marketplace-service'), url);
    expect(need?.title).toBe('Hosted FHIR server and integration engine');
    expect(need?.buyer).toBeUndefined();
    expect(need?.description).toContain('HL7 v2 to FHIR conversion');
  });
});
