/**
 * bundle-search-entry: in a search set, an entry with search.mode 'match' has an id and an entry with
 * search.mode 'outcome' is an OperationOutcome; matches have a type the self link searched for.
 * https://hl7.org/fhir/R4/bundle.html#searchset and https://hl7.org/fhir/R4/search.html#errors
 */
import { defineRule } from '../rule.js';

type Obj = Record<string, unknown>;

/** Resource types a search URL asks for: its path's last segment, or the `_type` parameter. */
function searchedTypes(url: string, isType: (t: string) => boolean): string[] | undefined {
  const [path, query = ''] = url.split('?', 2) as [string, string?];
  const last = path.split('/').pop() ?? '';
  if (isType(last)) return [last];
  for (const part of query.split('&')) {
    const [k, v] = part.split('=', 2);
    if (k === '_type' && v) return decodeURIComponent(v).split(',').filter(isType);
  }
  return undefined;
}

export const bundleSearchEntry = defineRule({
  id: 'bundle-search-entry',
  severity: 'error',
  description: 'Search set entries: matches have ids and the searched type; outcomes are OperationOutcomes.',
  resource(ctx) {
    if (ctx.resourceType !== 'Bundle' || ctx.value['type'] !== 'searchset') return;
    const entries = ctx.value['entry'];
    if (!Array.isArray(entries)) return;
    const links = Array.isArray(ctx.value['link']) ? (ctx.value['link'] as Obj[]) : [];
    const self = links.find((l) => l && l['relation'] === 'self')?.['url'];
    const types = typeof self === 'string' ? searchedTypes(self, (t) => ctx.definitions.isResourceType(t)) : undefined;
    entries.forEach((e: unknown, i) => {
      if (!e || typeof e !== 'object') return;
      const mode = ((e as Obj)['search'] as Obj | undefined)?.['mode'];
      const resource = (e as Obj)['resource'] as Obj | undefined;
      const rt = resource?.['resourceType'];
      if (typeof rt !== 'string') return;
      const at = [...ctx.path, 'entry', i, 'resource'];
      if (mode === 'outcome' && rt !== 'OperationOutcome') {
        ctx.report({ path: at, message: `This is not an OperationOutcome (${rt}): entries with search.mode 'outcome' must be` });
      }
      if (mode !== 'match') return;
      if (typeof resource?.['id'] !== 'string') ctx.report({ path: at, message: 'Search results must have ids' });
      if (types && types.length > 0 && !types.includes(rt)) {
        ctx.report({ path: at, message: `This is not a matching resource type for the specified search (${rt} expecting [${types.join(', ')}])` });
      }
    });
  },
});
