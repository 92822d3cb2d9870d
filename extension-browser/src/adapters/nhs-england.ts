// NHS England / NHS Digital programme pages: transform.england.nhs.uk, digital.nhs.uk,
// www.england.nhs.uk (SITE-SHAPES §6).
import type { SiteAdapter } from './types';
import { cleanText, clip, visibleText } from '../utils/text';
import { metaContent } from '../utils/dom';

export const nhsEngland: SiteAdapter = {
  id: 'nhs-england',
  label: 'NHS England and NHS Digital programme pages',
  hosts: ['transform.england.nhs.uk', 'digital.nhs.uk', 'www.england.nhs.uk'],
  // Home pages and search lists hold no single need.
  matchesUrl: (url) => url.pathname.split('/').filter(Boolean).length >= 1 && !/\/search\/?$/.test(url.pathname),
  anchor: (doc) => doc.querySelector('main h1, article h1, h1'),
  extract(doc, url) {
    const main =
      doc.querySelector('main#main-content > article, main#maincontent, section#main-content, main#main-content, main') ?? doc.body;
    const title = visibleText(main.querySelector('h1')) || metaContent(doc, 'og:title');
    if (!title) return undefined;
    const summary =
      visibleText(main.querySelector('[data-uipath="document.summary"], .excerpt, .nhsuk-lede-text')) ||
      metaContent(doc, 'og:description') ||
      metaContent(doc, 'description');
    const body = visibleText(
      main.querySelector('.nhsuk-grid-column-two-thirds, article .nhsd-t-col-xs-12, .document-content, article') ?? main,
    );
    const tags = [...main.querySelectorAll('.topics .tag a, a[rel="tag"]')].map((a) => cleanText(a.textContent)).filter(Boolean);
    return {
      adapter: 'nhs-england',
      url: url.href,
      title,
      description: clip([summary, body.replace(title, '')].filter(Boolean).join(' '), 4000),
      cpvCodes: [],
      buyer: 'NHS England',
      keywords: tags,
    };
  },
};
