/**
 * binding-required: a code, Coding or CodeableConcept with a required binding in the core definitions takes
 * its code from the bound value set (https://hl7.org/fhir/R4/terminologies.html#required). Checked offline
 * against the core value sets (terminology/); codes of systems we do not hold are not judged.
 */
import { defineRule, type ElementContext, type ResourceContext } from '../rule.js';
import type { Path } from '../issue.js';
import type { ValueSetInfo } from '../terminology/index.js';
import type { ElementData } from '../definitions/index.js';

type Obj = Record<string, unknown>;

function boundSet(ctx: ElementContext): { vs: ValueSetInfo; bound: string } | undefined {
  const b = ctx.definition.binding;
  if (!b || b.strength !== 'required' || !b.valueSet || !ctx.terminology) return undefined;
  const vs = ctx.terminology.valueSet(b.valueSet);
  return vs ? { vs, bound: b.valueSet } : undefined;
}

/** The bound canonical as messages show it: with the value set's version when the binding names none. */
function canonicalOf({ vs, bound }: { vs: ValueSetInfo; bound: string }): string {
  return bound.includes('|') ? bound : `${bound}${vs.version ? `|${vs.version}` : ''}`;
}

function codings(value: unknown): { coding: Obj; index: number }[] {
  const list = (value as Obj | undefined)?.['coding'];
  return Array.isArray(list) ? list.flatMap((c, index) => (c && typeof c === 'object' ? [{ coding: c as Obj, index }] : [])) : [];
}

/**
 * Extensions that carry an alternative code (cross-version extensions, alternate-codes): the HL7 validator
 * only warns when a required code is replaced by one of these.
 */
const ALTERNATIVE_CODE = /^http:\/\/hl7\.org\/fhir\/(?:[0-9.]+\/StructureDefinition\/extension-|StructureDefinition\/alternate-codes$)/;

/**
 * A required `code` given only as its `_name` companion (extensions, no value): the HL7 validator reports
 * "No code provided". The walker hands companions to no hook, so the parent object is inspected.
 */
function missingCodes(ctx: ResourceContext, obj: Obj, childrenPath: () => string, at: () => Path): void {
  for (const key in obj) {
    if (key.charCodeAt(0) !== 95 /* _ */) continue;
    const name = key.slice(1);
    const child = ctx.definitions.children(childrenPath())?.byName.get(name);
    if (!child || child.type !== 'code' || child.element.binding?.strength !== 'required' || !child.element.binding.valueSet) continue;
    const companion = obj[key];
    const values = obj[name];
    const hasAlternative = (c: unknown): boolean =>
      Array.isArray((c as Obj | null)?.['extension']) &&
      ((c as Obj)['extension'] as Obj[]).some((e) => typeof e?.['url'] === 'string' && ALTERNATIVE_CODE.test(e['url']));
    const report = (path: Path): void =>
      ctx.report({ path, message: `No code provided, and a code is required from the value set ${child.element.binding!.valueSet!}`, data: { valueSet: child.element.binding!.valueSet } });
    if (Array.isArray(companion)) {
      companion.forEach((c, i) => {
        if (c !== null && typeof c === 'object' && !hasAlternative(c) && (!Array.isArray(values) || values[i] === null || values[i] === undefined)) report([...at(), name, i]);
      });
    } else if (companion !== null && typeof companion === 'object' && !hasAlternative(companion) && values === undefined) {
      report([...at(), name]);
    }
  }
}

/** Whether an object has a `_name` companion key (this hook runs on every object; few have one). */
function hasCompanion(obj: Obj): boolean {
  for (const key in obj) if (key.charCodeAt(0) === 95 /* _ */) return true;
  return false;
}

function childrenPathOf(definition: ElementData, elementType: string): string {
  const ref = definition.contentReference;
  if (ref) return ref.slice(ref.indexOf('#') + 1);
  return elementType === 'BackboneElement' || elementType === 'Element' ? definition.path : elementType;
}

export const bindingRequired = defineRule({
  id: 'binding-required',
  severity: 'error',
  description: 'Codes with a required binding come from the bound core value set.',
  resource(ctx) {
    if (ctx.definitions.isResourceType(ctx.resourceType)) missingCodes(ctx, ctx.value, () => ctx.resourceType, () => ctx.path);
  },
  // The '*' hook looks for required-bound codes given only as `_name`: only elements whose children have one.
  anyElementApplies(definition, elementType, { definitions }) {
    const table = definitions.children(childrenPathOf(definition, elementType));
    if (!table) return false;
    for (const child of table.byName.values()) if (child.type === 'code' && child.element.binding?.strength === 'required' && child.element.binding.valueSet) return true;
    return false;
  },
  elements: {
    '*'(ctx) {
      const v = ctx.elementValue;
      if (v === null || typeof v !== 'object' || Array.isArray(v) || !hasCompanion(v as Obj)) return;
      missingCodes(ctx, v as Obj, () => childrenPathOf(ctx.definition, ctx.elementType), () => ctx.elementPathInDoc);
    },
    code(ctx) {
      const b = boundSet(ctx);
      const code = ctx.elementValue;
      if (!b || typeof code !== 'string') return;
      if (b.vs.hasCode(code) !== 'no') return;
      ctx.report({
        path: ctx.elementPathInDoc,
        message: `The value provided ('${code}') was not found in the value set '${b.vs.name}' (${canonicalOf(b)}), and a code is required from this value set`,
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
        message: `The Coding provided (${c['system']}#${c['code']}) was not found in the value set '${b.vs.name}' (${canonicalOf(b)}), and a code is required from this value set`,
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
        message: `None of the codings provided are in the value set '${b.vs.name}' (${canonicalOf(b)}), and a coding from this value set is required (codes = ${codes})`,
        data: { valueSet: b.vs.url },
      });
    },
  },
});
