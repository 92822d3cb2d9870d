/**
 * narrative-link: a hyperlink inside a narrative that points into the document (`href="#x"`) must
 * land somewhere: an element of a narrative in the same file with id or name `x` (or a resource id
 * `x`). The HL7 validator reports such links as "does not resolve"; generated narratives that link to
 * "See above" anchors another generator never wrote are the usual cause.
 * https://hl7.org/fhir/R4/narrative.html#Narrative ("internal references ... to elements within the narrative").
 * Lenient on purpose: any anchor anywhere in the file counts, so links between a Bundle's entries or
 * into contained resources are never a false error.
 */
import type { Path } from '../issue.js';
import { defineRule } from '../rule.js';

const ANCHOR = /\s(?:id|name)\s*=\s*(?:"([^"]*)"|'([^']*)')/g;
const HREF = /<a\b[^>]*?\shref\s*=\s*(?:"#([^"]*)"|'#([^']*)')/g;

const decode = (s: string): string => s.replace(/&amp;/g, '&').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>');

/**
 * Every narrative div of the document with its path, and every JSON id. `path` is one array extended
 * and restored in place; a div's path is copied when found.
 */
function collect(value: unknown, path: (string | number)[], divs: { div: string; path: Path }[], ids: Set<string>): void {
  if (typeof value !== 'object' || value === null) return;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const v: unknown = value[i];
      if (typeof v !== 'object' || v === null) continue;
      path.push(i);
      collect(v, path, divs, ids);
      path.pop();
    }
    return;
  }
  const obj = value as Record<string, unknown>;
  for (const k in obj) {
    const v = obj[k];
    if (typeof v !== 'object' || v === null) {
      if (k === 'id' && typeof v === 'string') ids.add(v);
      continue;
    }
    path.push(k);
    if (k === 'text' && !Array.isArray(v) && typeof (v as Record<string, unknown>)['div'] === 'string') {
      divs.push({ div: (v as Record<string, string>)['div']!, path: [...path, 'div'] });
    }
    collect(v, path, divs, ids);
    path.pop();
  }
}

export const narrativeLink = defineRule({
  id: 'narrative-link',
  severity: 'error',
  description: 'Hyperlinks to "#anchor" in a narrative resolve to an element id or name in the file.',
  resource(ctx) {
    if (ctx.ancestors.length > 0) return; // the whole file is looked at once, from its top-level resource
    const divs: { div: string; path: Path }[] = [];
    const targets = new Set<string>();
    collect(ctx.value, [...ctx.path], divs, targets);
    if (!divs.some((d) => d.div.includes('#'))) return;
    for (const d of divs) for (const m of d.div.matchAll(ANCHOR)) targets.add(decode(m[1] ?? m[2] ?? ''));
    for (const d of divs) {
      const seen = new Set<string>();
      for (const m of d.div.matchAll(HREF)) {
        const target = decode(m[1] ?? m[2] ?? '');
        if (target === '' || targets.has(target) || seen.has(target)) continue;
        seen.add(target);
        ctx.report({ path: d.path, message: `Hyperlink '#${target}' in the narrative does not resolve: no element in the file's narratives has id or name '${target}'` });
      }
    }
  },
});
