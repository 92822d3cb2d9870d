// GitHub repository home pages (SITE-SHAPES §5). GitHub navigates softly, so the page check re-runs
// on turbo:render / soft-nav events (see features/page-check.ts).
import type { SiteAdapter } from './types';
import { cleanText, clip, visibleText } from '../utils/text';
import { metaContent } from '../utils/dom';
import { jsonArray, jsonObject, jsonText, type JsonObject } from '../utils/json';

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

/** GitHub's React views embed their data as JSON (SITE-SHAPES §5; refined-github reads it too). */
const EMBEDDED_DATA =
  'script[type="application/json"][data-target="react-app.embeddedData"], script[type="application/json"][data-target="react-partial.embeddedData"]';
/** Larger page data is skipped: parsing it would cost the page more main-thread time than the sidebar is worth. */
const MAX_EMBEDDED_CHARS = 1_000_000;

export interface RepoAbout {
  description: string;
  topics: string[];
}

/**
 * The About box (description, topics) from the page's embedded data, only when that data names this
 * repository: after a soft navigation the script can still describe the repository the user came from.
 */
export function embeddedAbout(doc: Document, repo: { owner: string; repo: string }): RepoAbout | undefined {
  for (const script of doc.querySelectorAll(EMBEDDED_DATA)) {
    const text = script.textContent ?? '';
    // Most React views (issues, code) carry no About box: skip them without parsing.
    if (text.length > MAX_EMBEDDED_CHARS || !text.includes('"sidebarAbout"')) continue;
    let data: unknown;
    try {
      data = JSON.parse(text);
    } catch {
      continue;
    }
    const root = jsonObject(data);
    const payload = jsonObject(root?.payload) ?? jsonObject(jsonObject(root?.props)?.initialPayload);
    if (!payload) continue;
    // The payload itself or one of its route objects (e.g. `codeViewRepoRoute`) holds `repo` and `sidebarAbout`.
    const scopes = [payload, ...Object.values(payload).map(jsonObject)].filter((o): o is JsonObject => o !== undefined);
    const named = scopes.map((o) => jsonObject(o.repo)).find((r) => r && jsonText(r.ownerLogin) && jsonText(r.name));
    const same = (a: unknown, b: string) => jsonText(a).toLowerCase() === b.toLowerCase();
    if (!named || !same(named.ownerLogin, repo.owner) || !same(named.name, repo.repo)) continue;
    const about = scopes.map((o) => jsonObject(o.sidebarAbout)).find((a) => a !== undefined);
    if (!about) continue;
    const topics = jsonArray(about.topics)
      .map((t) => jsonText(t) || jsonText(jsonObject(t)?.name))
      .filter((t, i, all) => t && all.indexOf(t) === i);
    return { description: jsonText(about.description), topics };
  }
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
    const embedded = embeddedAbout(doc, repo);
    const about =
      embedded?.description ||
      visibleText(doc.querySelector('[class*="PageLayout-Pane"] .BorderGrid-row:first-child h2 + p.f4')) ||
      visibleText(doc.querySelector('.BorderGrid-cell h2 + p.f4')) ||
      metaContent(doc, 'og:description').replace(/ - [\w.-]+\/[\w.-]+$/, '');
    const topics = embedded?.topics.length
      ? embedded.topics
      : [...doc.querySelectorAll('a.topic-tag, a[href^="/topics/"]')]
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
