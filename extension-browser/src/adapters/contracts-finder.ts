// Contracts Finder notices (SITE-SHAPES §2): no JSON-LD, no OCDS link; labelled blocks.
import type { SiteAdapter } from './types';
import { cpvCodesIn, clip, visibleText } from '../utils/text';
import { findLabel, textAfterLabel, textOfFollowing, titleWithoutSuffix } from '../utils/dom';

export const contractsFinder: SiteAdapter = {
  id: 'contracts-finder',
  label: 'Contracts Finder notices',
  hosts: ['www.contractsfinder.service.gov.uk'],
  // On the lower-cased path: a case-insensitive regex with classes costs a fresh script world ~0.3 ms to compile.
  matchesUrl: (url) => /^\/notice\/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\/?$/.test(url.pathname.toLowerCase()),
  anchor: (doc) => doc.querySelector('#all-content-wrapper > h1, h1'),
  extract(doc, url) {
    const title =
      visibleText(doc.querySelector('#all-content-wrapper > h1, h1.govuk-heading-l')) ||
      titleWithoutSuffix(doc, '- Contracts Finder');
    if (!title) return undefined;
    const buyer = visibleText(doc.querySelector('#home-breadcrumb-description h2.breadcrumb-description')) || undefined;
    const descHeading = findLabel(doc, '.content-block > h3, .content-block h3', /^description$/);
    const description = descHeading ? textOfFollowing(descHeading) : '';
    const industry = textAfterLabel(doc, 'h4 > strong, h4', /^industry$/);
    return {
      adapter: 'contracts-finder',
      url: url.href,
      title,
      description: clip(description, 4000),
      cpvCodes: cpvCodesIn(industry),
      buyer,
      keywords: [],
    };
  },
};
