/**
 * dom-3 natively: "If the resource is contained in another resource, it SHALL be referred to from elsewhere
 * in the resource or SHALL refer to the containing resource" (https://hl7.org/fhir/R4/domainresource.html#invs).
 * The R4 expression applies `as(canonical)` to whole collections, which fhirpath.js (rightly) rejects, so this
 * walks the JSON instead: a contained resource with id X passes when any string in the containing resource
 * (Reference.reference, canonical, uri, other contained resources) is `#X`, when the narrative links to it
 * (`href="#X"`), or when it refers to its container (`#`). Lenient on purpose: never a false error.
 */

/** Contained resources (index, id) that nothing refers to. */
export function checkDom3(resource: Readonly<Record<string, unknown>>): { index: number; id: string }[] {
  const contained = resource['contained'];
  if (!Array.isArray(contained) || contained.length === 0) return [];
  const refs = new Set<string>();
  collectStrings(resource, refs);
  const div = (resource['text'] as { div?: unknown } | undefined)?.div;
  const narrative = typeof div === 'string' ? div : '';
  const out: { index: number; id: string }[] = [];
  contained.forEach((c: unknown, index) => {
    if (!c || typeof c !== 'object') return;
    const id = (c as Record<string, unknown>)['id'];
    if (typeof id !== 'string' || id === '') return;
    if (refs.has(`#${id}`) || narrative.includes(`"#${id}"`) || narrative.includes(`'#${id}'`)) return;
    const own = new Set<string>();
    collectStrings(c, own);
    if (own.has('#')) return;
    out.push({ index, id });
  });
  return out;
}

/** Every string value under `root` that starts with '#' (iterative: documents may nest deeply). */
function collectStrings(root: unknown, into: Set<string>): void {
  const stack: unknown[] = [root];
  while (stack.length > 0) {
    const v = stack.pop();
    if (typeof v === 'string') {
      if (v.startsWith('#')) into.add(v);
    } else if (Array.isArray(v)) {
      for (const x of v) stack.push(x);
    } else if (v && typeof v === 'object') {
      for (const x of Object.values(v)) stack.push(x);
    }
  }
}
