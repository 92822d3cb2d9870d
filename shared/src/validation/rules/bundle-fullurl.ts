/**
 * bundle-fullurl: Bundle.entry.fullUrl is an absolute URI; a RESTful fullUrl ends with the entry's
 * type and id; an entry whose resource uses relative references needs a fullUrl to resolve them against.
 * https://hl7.org/fhir/R4/bundle.html#bundle-unique (fullUrl) and #references
 */
import { defineRule } from '../rule.js';
import { ABSOLUTE_URI, RESTFUL_URL, relativeReferences } from '../references/index.js';

type Obj = Record<string, unknown>;

export const bundleFullurl = defineRule({
  id: 'bundle-fullurl',
  severity: 'error',
  description: 'Bundle entry fullUrl: absolute, consistent with the resource type and id, present when the resource uses relative references.',
  resource(ctx) {
    if (ctx.resourceType !== 'Bundle') return;
    const entries = ctx.value['entry'];
    if (!Array.isArray(entries)) return;
    entries.forEach((e: unknown, i) => {
      if (!e || typeof e !== 'object') return;
      const entry = e as Obj;
      const resource = entry['resource'] as Obj | undefined;
      const fullUrl = entry['fullUrl'];
      const at = [...ctx.path, 'entry', i];
      if (typeof fullUrl !== 'string') {
        if (!resource || typeof resource !== 'object' || fullUrl !== undefined) return;
        const relative = relativeReferences(resource);
        if (relative.length === 0) return;
        ctx.report({ path: at, message: 'Bundle entry missing fullUrl: its resource has relative references, which are resolved against the fullUrl' });
        for (const r of relative) {
          ctx.report({ path: [...at, 'resource', ...r.path], message: `Relative Reference appears inside Bundle whose entry is missing a fullUrl ('${r.reference}')` });
        }
        return;
      }
      if (!ABSOLUTE_URI.test(fullUrl)) {
        ctx.report({ path: [...at, 'fullUrl'], message: `The fullUrl must be an absolute URL (not '${fullUrl}')` });
        return;
      }
      const type = resource?.['resourceType'];
      const id = resource?.['id'];
      const m = RESTFUL_URL.exec(fullUrl);
      if (!m || typeof type !== 'string' || typeof id !== 'string' || !ctx.definitions.isResourceType(m[2]!)) return;
      if (m[2] !== type || m[3] !== id) {
        ctx.report({
          path: [...at, 'fullUrl'],
          message: `The fullUrl '${fullUrl}' looks like a RESTful server URL, so it must end with the correct type and id (/${type}/${id})`,
          data: { expected: `${type}/${id}` },
        });
      }
    });
  },
});
