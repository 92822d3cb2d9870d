/**
 * conceptmap-code: the codes a ConceptMap maps from (group.element.code) are in its source value set
 * (sourceCanonical / sourceUri), when that value set is loaded from a package or the workspace and can
 * be expanded offline (https://hl7.org/fhir/R4/conceptmap-definitions.html#ConceptMap.source_x_).
 * Target codes are not judged against the target value set: the HL7 validator does not either (a map
 * may point at codes a narrower target set leaves out), and value sets over code systems that are not
 * available offline are not checked.
 */
import { ConformanceStore } from '../../packages/store.js';
import { ValueSetChecker } from '../../profiles/valueset.js';
import { defineRule } from '../rule.js';

type Obj = Record<string, unknown>;
const list = (v: unknown): Obj[] => (Array.isArray(v) ? v.filter((x): x is Obj => typeof x === 'object' && x !== null && !Array.isArray(x)) : []);

const checkers = new WeakMap<ConformanceStore, ValueSetChecker>();

export const conceptmapCode = defineRule({
  id: 'conceptmap-code',
  severity: 'error',
  description: "A ConceptMap's source codes are in its source value set.",
  resource(ctx) {
    if (ctx.resourceType !== 'ConceptMap') return;
    const store = ctx.conformance instanceof ConformanceStore ? ctx.conformance : undefined;
    if (!store) return;
    let checker = checkers.get(store);
    if (!checker) checkers.set(store, (checker = new ValueSetChecker(store)));
    const vs = (key: 'source'): string | undefined => {
      const v = ctx.value[`${key}Canonical`] ?? ctx.value[`${key}Uri`];
      return typeof v === 'string' && checker.has(v) ? v : undefined;
    };
    const source = vs('source');
    if (!source) return;
    const check = (valueSet: string, system: unknown, code: unknown, path: (string | number)[], which: string): void => {
      if (typeof code !== 'string') return;
      const result = checker.check(valueSet, [{ ...(typeof system === 'string' ? { system } : {}), code }]);
      if (result.status === 'not-member') ctx.report({ path, message: `The ${which} code '${code}'${typeof system === 'string' ? ` (${system})` : ''} is not in the ${which} value set ${valueSet}` });
    };
    list(ctx.value['group']).forEach((group, g) => {
      list(group['element']).forEach((element, e) => {
        const path = [...ctx.path, 'group', g, 'element', e];
        check(source, group['source'], element['code'], [...path, 'code'], 'source');
      });
    });
  },
});
