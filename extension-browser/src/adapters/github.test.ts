import { describe, expect, it } from 'vitest';
import { github, githubRepoFromUrl } from './github';
import { loadFixture } from './fixture.testing';

describe('github adapter', () => {
  it('recognises repository home and tree pages only', () => {
    const at = (p: string) => githubRepoFromUrl(new URL(`https://github.com${p}`));
    expect(at('/nhsuk/nhsuk-frontend')).toEqual({ owner: 'nhsuk', repo: 'nhsuk-frontend' });
    expect(at('/nhsuk/nhsuk-frontend/tree/main')).toEqual({ owner: 'nhsuk', repo: 'nhsuk-frontend' });
    expect(at('/nhsuk/nhsuk-frontend/issues')).toBeUndefined();
    expect(at('/nhsuk/nhsuk-frontend/tree')).toBeUndefined();
    expect(at('/settings/profile')).toBeUndefined();
    expect(at('/topics/nhs')).toBeUndefined();
    expect(at('/nhsuk')).toBeUndefined();
    expect(at('/nhsuk/nhsuk-frontend?search=1')).toBeUndefined();
  });

  it('reads the About text, topics and README', () => {
    const need = github.extract(loadFixture('github'), new URL('https://github.com/nhsuk/nhsuk-frontend'));
    expect(need).toMatchObject({ adapter: 'github', title: 'nhsuk/nhsuk-frontend', keywords: ['nhs', 'design-system', 'frontend'] });
    expect(need?.description).toMatch(/^NHS\.UK frontend contains the code you need/);
    expect(need?.description).toContain('Nunjucks templates');
  });

  it("reads About from GitHub's embedded page data when the sidebar is not rendered", () => {
    const url = new URL('https://github.com/NHSDigital/eps-prescription-tracker-ui');
    const need = github.extract(loadFixture('github-react'), url);
    expect(need).toMatchObject({
      title: 'NHSDigital/eps-prescription-tracker-ui',
      keywords: ['electronic-prescription-service', 'prescriptions', 'react'],
    });
    expect(need?.description).toMatch(/^Web app where clinicians and dispensing staff/);
  });

  it('ignores embedded data about another repository (left over after soft navigation) or malformed', () => {
    const doc = loadFixture('github-react');
    // The user soft-navigated to another repository; the script still describes the first one.
    const other = github.extract(doc, new URL('https://github.com/NHSDigital/eps-fhir-validator-lambda'));
    expect(other).toMatchObject({ title: 'NHSDigital/eps-fhir-validator-lambda', description: '', keywords: [] });
    const script = doc.querySelector('script[data-target="react-app.embeddedData"]')!;
    for (const text of ['{"payload":{"sidebarAbout":', '{"payload":{"sidebarAbout":{"description":"x"}}}', '{"payload":{"repo":{"ownerLogin":"NHSDigital","name":"eps-prescription-tracker-ui"},"sidebarAbout":7}}']) {
      script.textContent = text;
      expect(github.extract(doc, new URL('https://github.com/NHSDigital/eps-prescription-tracker-ui'))?.description).toBe('');
    }
  });

  it('has no description before the sidebar renders (the page check then waits)', () => {
    const need = github.extract(loadFixture('github-late'), new URL('https://github.com/NHSDigital/nhs-notify'));
    expect(need?.title).toBe('NHSDigital/nhs-notify');
    expect(need?.description).toBe('');
  });
});
