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

  it('has no description before the sidebar renders (the page check then waits)', () => {
    const need = github.extract(loadFixture('github-late'), new URL('https://github.com/NHSDigital/nhs-notify'));
    expect(need?.title).toBe('NHSDigital/nhs-notify');
    expect(need?.description).toBe('');
  });
});
