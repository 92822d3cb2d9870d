/**
 * profile-discriminator-path: in a profile's differential, a slicing discriminator path must name an
 * element of what is sliced: `type` is no element of Extension, so slicing `extension` on it matches
 * nothing (https://hl7.org/fhir/R4/profiling.html#discriminator: the path is a FHIRPath restricted to
 * element names, extension(url), resolve() and ofType()). Only the first name of a plain dotted path is
 * judged, against the core definition of the sliced element's single type or backbone; paths with
 * functions, `$this`, and elements with several types are not judged.
 */
import { defineRule } from '../rule.js';

type Obj = Record<string, unknown>;
const list = (v: unknown): Obj[] => (Array.isArray(v) ? v.filter((x): x is Obj => typeof x === 'object' && x !== null && !Array.isArray(x)) : []);

export const profileDiscriminatorPath = defineRule({
  id: 'profile-discriminator-path',
  severity: 'error',
  description: "A slicing discriminator path names an element of the sliced element's type.",
  resource(ctx) {
    if (ctx.resourceType !== 'StructureDefinition' || ctx.value['derivation'] !== 'constraint') return;
    list((ctx.value['differential'] as Obj | undefined)?.['element']).forEach((e, i) => {
      const slicing = e['slicing'] as Obj | undefined;
      const path = e['path'];
      if (!slicing || typeof path !== 'string') return;
      const element = ctx.definitions.element(path);
      const types = element?.types ?? [];
      if (!element || element.contentReference || types.length !== 1) return;
      const code = types[0]!.code;
      const children = ctx.definitions.children(code === 'BackboneElement' || code === 'Element' ? path : code);
      if (!children || children.elements.length === 0) return;
      list(slicing['discriminator']).forEach((d, j) => {
        const p = d['path'];
        if (typeof p !== 'string' || !/^[a-zA-Z][a-zA-Z0-9]*(\.[a-zA-Z][a-zA-Z0-9]*)*$/.test(p)) return;
        const first = p.split('.')[0]!;
        const known = children.byName.has(first) || children.elements.some((c) => c.name === first || (c.name.endsWith('[x]') && c.name.slice(0, -3) === first));
        if (known) return;
        ctx.report({
          path: [...ctx.path, 'differential', 'element', i, 'slicing', 'discriminator', j, 'path'],
          message: `The discriminator path '${p}' does not name an element of ${path} (${code === 'BackboneElement' || code === 'Element' ? 'its children' : `type ${code}`}: ${children.elements.map((c) => c.name).join(', ')})`,
        });
      });
    });
  },
});
