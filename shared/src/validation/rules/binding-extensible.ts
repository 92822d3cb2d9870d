/**
 * binding-extensible: a CodeableConcept or Coding with an extensible binding in the core definitions should
 * use a code from the bound value set when one fits; like the HL7 validator, a warning when none of the
 * codings is in it (https://hl7.org/fhir/R4/terminologies.html#extensible). Value sets drawing on systems
 * we do not hold are not judged.
 */
import { defineRule, type ElementContext } from '../rule.js';
import type { ValueSetInfo } from '../terminology/index.js';

type Obj = Record<string, unknown>;

function boundSet(ctx: ElementContext): { vs: ValueSetInfo; canonical: string } | undefined {
  const b = ctx.definition.binding;
  if (!b || b.strength !== 'extensible' || !b.valueSet || !ctx.terminology) return undefined;
  const vs = ctx.terminology.valueSet(b.valueSet);
  return vs ? { vs, canonical: b.valueSet.includes('|') ? b.valueSet : `${b.valueSet}${vs.version ? `|${vs.version}` : ''}` } : undefined;
}

function check(ctx: ElementContext, codings: Obj[]): void {
  const b = boundSet(ctx);
  const list = codings.filter((c) => typeof c['code'] === 'string' && typeof c['system'] === 'string');
  if (!b || list.length === 0) return;
  if (list.some((c) => b.vs.has(c['system'] as string, c['code'] as string) !== 'no')) return;
  const codes = list.map((c) => `${String(c['system'])}#${String(c['code'])}`).join(', ');
  ctx.report({
    path: ctx.elementPathInDoc,
    severity: 'warning',
    message: `None of the codings provided are in the value set '${b.vs.name}' (${b.canonical}), and a coding should come from this value set unless it has no suitable code (codes = ${codes})`,
    data: { valueSet: b.vs.url },
  });
}

export const bindingExtensible = defineRule({
  id: 'binding-extensible',
  severity: 'warning',
  description: 'Codings with an extensible binding should come from the bound core value set.',
  elements: {
    Coding(ctx) {
      const c = ctx.elementValue;
      if (c !== null && typeof c === 'object' && !Array.isArray(c)) check(ctx, [c as Obj]);
    },
    CodeableConcept(ctx) {
      const list = (ctx.elementValue as Obj | null)?.['coding'];
      if (Array.isArray(list)) check(ctx, list.filter((c): c is Obj => c !== null && typeof c === 'object'));
    },
  },
});
