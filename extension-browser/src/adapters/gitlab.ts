// GitLab project pages (SITE-SHAPES §5). Sidebar and README render client-side: the page check waits
// for them (features/page-check.ts) before reading.
import type { SiteAdapter } from './types';
import { cleanText, clip, visibleText } from '../utils/text';
import { metaContent } from '../utils/dom';

export function gitlabProjectFromUrl(url: URL): string | undefined {
  const [projectPath, rest] = url.pathname.split('/-/');
  const parts = (projectPath ?? '').split('/').filter(Boolean);
  if (parts.length < 2) return undefined;
  if (['explore', 'users', 'groups', 'dashboard', 'admin', 'help', 'search'].includes(parts[0]!.toLowerCase())) return undefined;
  if (rest !== undefined && !rest.startsWith('tree/')) return undefined;
  return parts.join('/');
}

export const gitlab: SiteAdapter = {
  id: 'gitlab',
  label: 'GitLab projects',
  hosts: ['gitlab.com'],
  softNavigation: true,
  matchesUrl: (url) => gitlabProjectFromUrl(url) !== undefined,
  anchor: (doc) => doc.querySelector('main#content-body, main'),
  extract(doc, url) {
    const project = gitlabProjectFromUrl(url);
    if (!project) return undefined;
    // Only project pages carry the SoftwareSourceCode microdata or the home panel.
    const main = doc.querySelector('main#content-body, main');
    const title =
      visibleText(doc.querySelector('h1.home-panel-title, [itemprop="name"]')) || metaContent(doc, 'og:title') || project;
    const about =
      visibleText(doc.querySelector('.home-panel-description-markdown, [itemprop="description"]')) ||
      metaContent(doc, 'og:description');
    const topics = [...doc.querySelectorAll('a[href*="/explore/projects/topics/"]')]
      .map((a) => cleanText(a.textContent))
      .filter((t, i, all) => t && all.indexOf(t) === i);
    const readme = visibleText(main?.querySelector('article.readme-holder, #readme, .blob-viewer[data-type="rich"]'));
    return {
      adapter: 'gitlab',
      url: url.href,
      title,
      description: clip([about, readme].filter(Boolean).join(' '), 4000),
      cpvCodes: [],
      keywords: topics,
    };
  },
};
