// Any other page, checked on demand from the toolbar button (activeTab): headline, meta description and
// main text.
import type { SiteAdapter } from './types';
import { cpvCodesIn, clip, visibleText } from '../utils/text';
import { metaContent } from '../utils/dom';

export const generic: SiteAdapter = {
  id: 'generic',
  label: 'Other pages (toolbar button)',
  hosts: [],
  matchesUrl: () => true,
  anchor: (doc) => doc.querySelector('main h1, article h1, h1'),
  extract(doc, url) {
    const main = doc.querySelector('main, [role="main"], article') ?? doc.body;
    if (!main) return undefined;
    const title = visibleText(main.querySelector('h1')) || metaContent(doc, 'og:title') || doc.title.trim();
    const summary = metaContent(doc, 'og:description') || metaContent(doc, 'description');
    const body = visibleText(main);
    if (!title && !body) return undefined;
    return {
      adapter: 'generic',
      url: url.href,
      title: title || url.hostname,
      description: clip([summary, body].filter(Boolean).join(' '), 4000),
      cpvCodes: cpvCodesIn(body),
      keywords: [],
    };
  },
};
