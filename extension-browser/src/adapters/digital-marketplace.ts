// Digital Marketplace opportunities (DOS briefs) and G-Cloud services (SITE-SHAPES §3).
import type { SiteAdapter } from './types';
import { cleanText, cpvCodesIn, clip, visibleText } from '../utils/text';
import { labelsIn } from '../utils/dom';

const OPPORTUNITY = /^\/digital-outcomes-and-specialists\/opportunities\/\d+\/?$/;
const SERVICE = /^\/g-cloud\/services\/[\w-]+\/?$/;

export const digitalMarketplace: SiteAdapter = {
  id: 'digital-marketplace',
  label: 'Digital Marketplace opportunities and services',
  hosts: ['www.digitalmarketplace.service.gov.uk'],
  matchesUrl: (url) => OPPORTUNITY.test(url.pathname) || SERVICE.test(url.pathname),
  anchor: (doc) => doc.querySelector('main h1, h1'),
  extract(doc, url) {
    const main = doc.querySelector('main') ?? doc.body;
    const title = visibleText(main.querySelector('h1.govuk-heading-l, h1'));
    if (!title) return undefined;
    const caption = visibleText(main.querySelector('span.govuk-caption-l')) || undefined;
    if (OPPORTUNITY.test(url.pathname)) {
      const keys = labelsIn(main, '.govuk-summary-list__key, dt');
      const description = [
        keys.textAfter('summary of the work'),
        keys.textAfter('why the work is being done'),
        keys.textAfter('problem to be solved'),
      ]
        .filter(Boolean)
        .join(' ');
      const organisation = keys.textAfter('organisation the work is for');
      return {
        adapter: 'digital-marketplace',
        url: url.href,
        title,
        description: clip(description, 4000),
        cpvCodes: cpvCodesIn(description),
        buyer: organisation || caption,
        keywords: [],
      };
    }
    // A G-Cloud service: the caption is the supplier, so there is no buyer.
    const summary = visibleText(main.querySelector('p.govuk-body'));
    const features = [...main.querySelectorAll('ul.govuk-list li')].slice(0, 20).map((li) => cleanText(li.textContent));
    return {
      adapter: 'digital-marketplace',
      url: url.href,
      title,
      description: clip([summary, ...features].filter(Boolean).join('. '), 4000),
      cpvCodes: [],
      keywords: [],
    };
  },
};
