// The one list of site adapters. A new site is one file here plus one line below.
import type { AdapterId, SiteAdapter } from './types';
import { findATender } from './find-a-tender';
import { contractsFinder } from './contracts-finder';
import { digitalMarketplace } from './digital-marketplace';
import { github } from './github';
import { gitlab } from './gitlab';
import { nhsEngland } from './nhs-england';
import { generic } from './generic';

export const SITE_ADAPTERS: readonly SiteAdapter[] = [
  findATender,
  contractsFinder,
  digitalMarketplace,
  github,
  gitlab,
  nhsEngland,
];

export { generic as GENERIC_ADAPTER };

/** Content-script match patterns for the site adapters (the only hosts the extension runs on by itself). */
export const SITE_MATCHES: string[] = SITE_ADAPTERS.flatMap((a) => a.hosts.map((h) => `https://${h}/*`));

export function adapterForHost(hostname: string): SiteAdapter | undefined {
  return SITE_ADAPTERS.find((a) => a.hosts.includes(hostname));
}

export function adapterById(id: AdapterId): SiteAdapter | undefined {
  return id === 'generic' ? generic : SITE_ADAPTERS.find((a) => a.id === id);
}

export type { AdapterId, PageNeed, SiteAdapter } from './types';
