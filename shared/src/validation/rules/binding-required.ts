/**
 * binding-required: a code, Coding or CodeableConcept with a required binding in the core definitions takes
 * its code from the bound value set (https://hl7.org/fhir/R4/terminologies.html#required). Checked offline
 * against the core value sets (terminology/); codes of systems we do not hold are not judged.
 */
import { defineRule, type ElementContext } from '../rule.js';
import type { ValueSetInfo } from '../terminology/index.js';

type Obj = Record<string, unknown>;

function boundSet(ctx: ElementContext): { vs: ValueSetInfo; canonical: string } | undefined {
  const b = ctx.definition.binding;
  if (!b || b.strength !== 'required' || !b.valueSet || !ctx.terminology) return undefined;
  const vs = ctx.terminology.valueSet(b.valueSet);
  return vs ? { vs, canonical: b.valueSet.includes('|') ? b.valueSet : `${b.valueSet}${vs.version ? `|${vs.version}` : ''}` } : undefined;
}

function codings(value: unknown): { coding: Obj; index: number }[] {
  const list = (value as Obj | undefined)?.['coding'];
  return Array.isArray(list) ? list.flatMap((c, index) => (c && typeof c === 'object' ? [{ coding: c as Obj, index }] : [])) : [];
}

export const bindingRequired = defineRule({
  id: 'binding-required',
  severity: 'error',
  description: 'Codes with a required binding come from the bound core value set.',
  elements: {
    code(ctx) {
      const b = boundSet(ctx);
      const code = ctx.elementValue;
      if (!b || typeof code !== 'string') return;
      if (b.vs.hasCode(code) !== 'no') return;
      ctx.report({
        path: ctx.elementPathInDoc,
        message: `The value provided ('${code}') was not found in the value set '${b.vs.name}' (${b.canonical}), and a code is required from this value set`,
        data: { valueSet: b.vs.url, code },
      });
    },
    Coding(ctx) {
      const b = boundSet(ctx);
      const c = ctx.elementValue as Obj;
      if (!b || typeof c?.['code'] !== 'string' || typeof c['system'] !== 'string') return;
      if (b.vs.has(c['system'], c['code']) !== 'no') return;
      ctx.report({
        path: ctx.elementPathInDoc,
        message: `The Coding provided (${c['system']}#${c['code']}) was not found in the value set '${b.vs.name}' (${b.canonical}), and a code is required from this value set`,
        data: { valueSet: b.vs.url, system: c['system'], code: c['code'] },
      });
    },
    CodeableConcept(ctx) {
      const b = boundSet(ctx);
      if (!b) return;
      const list = codings(ctx.elementValue).filter(({ coding }) => typeof coding['code'] === 'string' && typeof coding['system'] === 'string');
      if (list.length === 0) return;
      const answers = list.map(({ coding }) => b.vs.has(coding['system'] as string, coding['code'] as string));
      if (answers.some((a) => a !== 'no')) return;
      const codes = list.map(({ coding }) => `${String(coding['system'])}#${String(coding['code'])}`).join(', ');
      ctx.report({
        path: ctx.elementPathInDoc,
        message: `None of the codings provided are in the value set '${b.vs.name}' (${b.canonical}), and a coding from this value set is required (codes = ${codes})`,
        data: { valueSet: b.vs.url },
      });
    },
  },
});
