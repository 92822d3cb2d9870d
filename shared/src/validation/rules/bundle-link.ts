/**
 * bundle-link: Bundle.link relations occur at most once each, and the paging relations (first, previous,
 * next, last) belong to search sets and histories only.
 * https://hl7.org/fhir/R4/bundle-definitions.html#Bundle.link and https://hl7.org/fhir/R4/http.html#paging
 */
import { defineRule } from '../rule.js';

const PAGING = new Set(['first', 'previous', 'prev', 'next', 'last']);
const PAGED_TYPES = new Set(['searchset', 'history']);

export const bundleLink = defineRule({
  id: 'bundle-link',
  severity: 'error',
  description: 'Bundle.link: each relation once; paging relations only in search sets and histories.',
  resource(ctx) {
    if (ctx.resourceType !== 'Bundle') return;
    const links = ctx.value['link'];
    if (!Array.isArray(links)) return;
    const type = ctx.value['type'];
    const seen = new Set<string>();
    links.forEach((l: unknown, i) => {
      const relation = l && typeof l === 'object' ? (l as Record<string, unknown>)['relation'] : undefined;
      if (typeof relation !== 'string') return;
      const at = [...ctx.path, 'link', i];
      if (seen.has(relation)) {
        ctx.report({ path: at, message: `The link relationship type '${relation}' can only occur once` });
      }
      seen.add(relation);
      if (typeof type === 'string' && !PAGED_TYPES.has(type) && PAGING.has(relation)) {
        ctx.report({ path: [...at, 'relation'], message: `The link relationship type '${relation}' used in search sets is prohibited in this context (a ${type} Bundle)` });
      }
    });
  },
});
