// Find a Tender notices: old TED-form and Procurement Act 2023 (UK1–17) bodies (SITE-SHAPES §1).
import type { SiteAdapter } from './types';
import { cleanText, cpvCodesIn, clip, visibleText } from '../utils/text';
import { labelsIn, titleWithoutSuffix } from '../utils/dom';

const LABELS = 'h2, h3, h4, h5, dt, strong';

export const findATender: SiteAdapter = {
  id: 'find-a-tender',
  label: 'Find a Tender notices',
  hosts: ['www.find-tender.service.gov.uk', 'find-tender.service.gov.uk'],
  matchesUrl: (url) => /^\/notice\/\d{6}-\d{4}\/?$/.test(url.pathname.toLowerCase()),
  anchor: (doc) => doc.querySelector('main h1, h1'),
  // Each notice links its own OCDS release package (`/Notice/<id>/OCDS/ReleasePackage`, SITE-SHAPES §1).
  linkedData: {
    find(doc, url) {
      const path = url.pathname.endsWith('/') ? url.pathname.slice(0, -1) : url.pathname;
      const wanted = `${path}/ocds/releasepackage`.toLowerCase();
      // The selector engine skips the page's other links (hundreds on a real notice) without a JS loop over them.
      for (const a of doc.querySelectorAll('a[href*="ocds" i]')) {
        const link = new URL(a.getAttribute('href') ?? '', url);
        if (link.origin === url.origin && link.pathname.toLowerCase() === wanted) return link;
      }
      return undefined;
    },
  },
  extract(doc, url) {
    const main = doc.querySelector('main.notice-view, main') ?? doc.body;
    const labels = labelsIn(main, LABELS);
    const title =
      visibleText(main.querySelector('h1.govuk-heading-l, h1')) ||
      labels.textAfter('ii.1.1) title') ||
      titleWithoutSuffix(doc, '- Find a Tender');
    if (!title) return undefined;
    const buyer =
      visibleText(main.querySelector('.govuk-grid-column-three-quarters ul.govuk-list > li')) ||
      firstLine(main.querySelector('#contracting_authority_0 + div.govuk-body')) ||
      undefined;
    const description = [
      labels.textAfter('short description'),
      labels.textAfter('description of the procurement'),
      labelsIn(main, 'h3, h4, dt').textAfter(/^description$/),
    ]
      .filter((s, i, all) => s && all.indexOf(s) === i)
      .join(' ');
    const cpvText = [
      labels.textAfter('main cpv code'),
      labels.textAfter('additional cpv code'),
      labels.textAfter('cpv classifications'),
    ].join(' ');
    return {
      adapter: 'find-a-tender',
      url: url.href,
      title,
      description: clip(description, 4000),
      cpvCodes: cpvCodesIn(cpvText),
      buyer,
      keywords: [],
    };
  },
};

function firstLine(el: Element | null): string {
  if (!el) return '';
  const first = el.querySelector('p, li, strong') ?? el;
  // The first line of the text as written (cleanText would make it all one line).
  return cleanText(first.textContent?.trim().split('\n')[0]);
}
