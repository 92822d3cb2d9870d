/**
 * valueset-filter-value: a ValueSet compose filter on a property the (loaded, non-core) CodeSystem
 * declares as type Coding takes a value `system(|version)#code`, and that code exists when its system
 * is loaded with complete content. https://hl7.org/fhir/R4/valueset-definitions.html#ValueSet.compose.include.filter.value
 * ("the value is a code when the property type is code or Coding").
 */
import { packageCodeSystem } from '../../profiles/codesystems.js';
import { defineRule } from '../rule.js';

type Obj = Record<string, unknown>;
const list = (v: unknown): Obj[] => (Array.isArray(v) ? v.filter((x): x is Obj => typeof x === 'object' && x !== null) : []);

export const valuesetFilterValue = defineRule({
  id: 'valueset-filter-value',
  severity: 'error',
  description: 'Filters on Coding-typed CodeSystem properties use system(|version)#code values with a known code.',
  resource(ctx) {
    if (ctx.resourceType !== 'ValueSet') return;
    const compose = ctx.value['compose'] as Obj | undefined;
    for (const part of ['include', 'exclude'] as const) {
      list(compose?.[part]).forEach((inc, i) => {
        const system = inc['system'];
        if (typeof system !== 'string') return;
        const cs = packageCodeSystem(ctx, system);
        if (!cs) return;
        list(inc['filter']).forEach((f, j) => {
          const property = f['property'];
          const value = f['value'];
          if (typeof property !== 'string' || typeof value !== 'string' || cs.properties.get(property) !== 'Coding' || (f['op'] !== '=' && f['op'] !== 'in')) return;
          const path = [...ctx.path, 'compose', part, i, 'filter', j];
          for (const v of f['op'] === 'in' ? value.split(',').map((s) => s.trim()) : [value]) {
            const m = /^([^|#\s]+)(?:\|[^#]*)?#(.+)$/.exec(v);
            if (!m) {
              ctx.report({ path: [...path, 'value'], message: `The value for a filter based on property '${property}' must be in the format system(|version)#code, not '${v}'` });
              continue;
            }
            const target = packageCodeSystem(ctx, m[1]!);
            if (target?.complete && !target.supplement && !target.has(m[2]!)) {
              ctx.report({ path: [...path, 'value'], message: `The value for a filter based on property '${property}' is '${v}', which is not a valid code (Unknown code '${m[2]!}' in the CodeSystem '${m[1]!}')` });
            }
          }
        });
      });
    }
  },
});
