// Turns catalogue components and match hits into what the overlay and popup render. Catalogue text is
// passed through as plain strings (the overlay sets it with textContent); URLs are kept only if http(s).
import { licenceLabel, type Component } from '@wheelhouse/shared/catalogue';
import type { PageNeed } from '../adapters/types';
import { safeHttpUrl, type Suggestion } from '../utils/suggestion';

export interface MatchHit {
  id: string;
  score: number;
  reasons: string[];
}

const MAX_ADOPTERS = 5;

export function toSuggestion(component: Component, hit: MatchHit, catalogueRepo: string, need?: PageNeed): Suggestion {
  const adopters = component.nhs.adopters.map((a) => a.organisation);
  const shownAdopters =
    adopters.length > MAX_ADOPTERS ? [...adopters.slice(0, MAX_ADOPTERS), `and ${adopters.length - MAX_ADOPTERS} more`] : adopters;
  return {
    id: component.id,
    name: component.name,
    summary: component.description.en.shortDescription,
    reasons: hit.reasons,
    licence: licenceLabel(component.legal.license),
    activity: activity(component),
    adopters: shownAdopters,
    evidence: component.nhs.evidence.flatMap((e) => {
      const url = safeHttpUrl(e.url);
      return url ? [{ label: e.date ? `${e.type} (${e.date})` : e.type, url }] : [];
    }),
    repoUrl: safeHttpUrl(component.url),
    catalogueUrl: `https://github.com/${catalogueRepo}/blob/main/catalogue/components/${encodeURIComponent(component.id)}.yaml`,
    reportUrl: reportUrl(component, catalogueRepo, need),
    score: hit.score,
  };
}

function activity(c: Component): string {
  const parts: string[] = [c.developmentStatus, `${c.maintenance.type} maintenance`];
  if (c.crawl?.archived) parts.push('archived');
  if (c.crawl?.lastActivity) parts.push(`last activity ${c.crawl.lastActivity.slice(0, 7)}`);
  if (c.nhs.statusNote) parts.push(c.nhs.statusNote);
  return parts.join(' · ');
}

/**
 * A prefilled "wrong suggestion" issue. It carries the component id, the adapter and the public page URL
 * only when the page is a procurement or programme page; never page text. Nothing is sent unless the user
 * submits the form on GitHub.
 */
function reportUrl(c: Component, catalogueRepo: string, need?: PageNeed): string {
  const lines = [`Component: \`${c.id}\``, ''];
  if (need && need.adapter !== 'generic' && need.adapter !== 'github' && need.adapter !== 'gitlab') {
    lines.push(`Suggested on: ${need.url}`, '');
  }
  lines.push('Why is this suggestion wrong?', '');
  const params = new URLSearchParams({ title: `Wrong suggestion: ${c.id}`, labels: 'wrong-suggestion', body: lines.join('\n') });
  return `https://github.com/${catalogueRepo}/issues/new?${params.toString()}`;
}
