import { describe, expect, it } from 'vitest';
import { nhsEngland } from './nhs-england';
import { loadFixture } from './fixture.testing';

describe('nhs-england adapter', () => {
  it('reads title, lede, body and tags; ignores banners and side columns', () => {
    const url = new URL('https://transform.england.nhs.uk/key-tools-and-info/eps-next-steps/');
    expect(nhsEngland.matchesUrl(url)).toBe(true);
    expect(nhsEngland.matchesUrl(new URL('https://digital.nhs.uk/'))).toBe(false);
    const need = nhsEngland.extract(loadFixture('nhs-england'), url);
    expect(need).toMatchObject({
      adapter: 'nhs-england',
      title: 'Electronic Prescription Service: next steps for digital prescribing',
      buyer: 'NHS England',
      keywords: ['Medicines', 'Prescribing'],
    });
    expect(need?.description).toMatch(/^The Electronic Prescription Service \(EPS\) sends prescriptions/);
    expect(need?.description).toContain('EPS FHIR API');
    expect(need?.description).not.toMatch(/newsletter|cookies/i);
  });

  it('reads a digital.nhs.uk page: document title and summary', () => {
    const url = new URL('https://digital.nhs.uk/services/personal-demographics-service');
    const need = nhsEngland.extract(loadFixture('nhs-digital'), url);
    expect(need?.title).toBe('Personal Demographics Service');
    expect(need?.description).toMatch(/^The Personal Demographics Service \(PDS\) is the national electronic database/);
    expect(need?.description).toContain('PDS FHIR API');
    expect(need?.description).not.toMatch(/cookies|Follow us/i);
  });
});
