/**
 * Literal-reference helpers shared by the reference and Bundle rules.
 * Literal references: https://hl7.org/fhir/R4/references.html#literal
 */
import type { Path } from '../issue.js';

/** An absolute URI: a scheme (RFC 3986 section 3.1) then ':'. */
export const ABSOLUTE_URI = /^[a-zA-Z][a-zA-Z0-9+.-]*:/;

/** [base/]Type/id[/_history/version] with an http(s) base: groups 1 base, 2 type, 3 id, 4 version. */
export const RESTFUL_URL = /^(https?:\/\/.+\/)?([A-Z][A-Za-z]+)\/([A-Za-z0-9\-.]{1,64})(?:\/_history\/([A-Za-z0-9\-.]{1,64}))?$/;

/** A relative literal reference: Type/id[/_history/version] (R4 references.html, "Literal references"). */
export const RELATIVE_REFERENCE = /^([A-Z][A-Za-z]+)\/([A-Za-z0-9\-.]{1,64})(?:\/_history\/([A-Za-z0-9\-.]{1,64}))?$/;

/**
 * Reference.reference values under a resource that are relative (not absolute, not '#fragment', not a search
 * URL), with their paths relative to the resource. Contained resources are skipped (they resolve in their
 * container). Iterative.
 */
export function relativeReferences(resource: Readonly<Record<string, unknown>>): { path: Path; reference: string }[] {
  const out: { path: Path; reference: string }[] = [];
  const stack: { value: unknown; path: Path }[] = [{ value: resource, path: [] }];
  while (stack.length > 0) {
    const { value, path } = stack.pop()!;
    if (Array.isArray(value)) {
      value.forEach((v, i) => stack.push({ value: v, path: [...path, i] }));
      continue;
    }
    if (!value || typeof value !== 'object') continue;
    for (const [key, v] of Object.entries(value as Record<string, unknown>)) {
      if (key === 'contained' && path.length === 0) continue;
      if (key === 'reference' && typeof v === 'string' && RELATIVE_REFERENCE.test(v)) {
        out.push({ path, reference: v });
      } else if (v && typeof v === 'object') {
        stack.push({ value: v, path: [...path, key] });
      }
    }
  }
  return out;
}
