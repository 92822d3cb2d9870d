// GitHub repository home pages (SITE-SHAPES §5). GitHub navigates softly, so the page check re-runs
// on turbo:render / soft-nav events (see features/page-check.ts).
import type { SiteAdapter } from './types';
import { cleanText, clip, visibleText } from '../utils/text';
import { metaContent } from '../utils/dom';

// First path segments that are GitHub's own pages, not owners (after refined-github/github-url-detection).
const RESERVED = new Set([
  'about', 'account', 'apps', 'blog', 'codespaces', 'collections', 'contact', 'customer-stories', 'dashboard',
  'enterprise', 'events', 'explore', 'features', 'github-copilot', 'issues', 'join', 'login', 'logout',
  'marketplace', 'new', 'notifications', 'orgs', 'organizations', 'pricing', 'pulls', 'search', 'security',
  'settings', 'site', 'sponsors', 'stars', 'topics', 'trending', 'users',
]);

export function githubRepoFromUrl(url: URL): { owner: string; repo: string } | undefined {
  if (url.searchParams.get('search') === '1') return undefined;
  const parts = url.pathname.split('/').filter(Boolean);
  const [owner, repo, section] = parts;
  if (!owner || !repo || RESERVED.has(owner.toLowerCase())) return undefined;
  if (parts.length === 2 || (section === 'tree' && parts.length >= 4)) return { owner, repo };
  return undefined;
}

export const github: SiteAdapter = {
  id: 'github',
  label: 'GitHub repositories',
  hosts: ['github.com'],
  softNavigation: true,
  matchesUrl: (url) => githubRepoFromUrl(url) !== undefined,
  anchor: (doc) => doc.querySelector('#repository-container-header, main h1, main'),
  extract(doc, url) {
    const repo = githubRepoFromUrl(url);
    if (!repo) return undefined;
    const about =
      visibleText(doc.querySelector('[class*="PageLayout-Pane"] .BorderGrid-row:first-child h2 + p.f4')) ||
      visibleText(doc.querySelector('.BorderGrid-cell h2 + p.f4')) ||
      metaContent(doc, 'og:description').replace(/ - [\w.-]+\/[\w.-]+$/, '');
    const topics = [...doc.querySelectorAll('a.topic-tag, a[href^="/topics/"]')]
      .map((a) => cleanText(a.textContent))
      .filter((t, i, all) => t && all.indexOf(t) === i);
    const readme = visibleText(doc.querySelector('#readme article.markdown-body, [data-testid="readme"] article, [data-testid="readme"]'));
    return {
      adapter: 'github',
      url: url.href,
      title: `${repo.owner}/${repo.repo}`,
      description: clip([about, readme].filter(Boolean).join(' '), 4000),
      cpvCodes: [],
      keywords: topics,
    };
  },
};
