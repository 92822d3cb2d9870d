/**
 * measure-report: a MeasureReport against the Measure it names (loaded from a package or the
 * workspace), as the HL7 validator checks it: no group measureScore when the Measure's scoring is
 * 'cohort' (a cohort measure only counts: https://hl7.org/fhir/R4/measure-definitions.html#Measure.scoring),
 * and each group's stratifiers match the Measure group's stratifiers by code, both ways
 * (https://hl7.org/fhir/R4/measurereport-definitions.html#MeasureReport.group.stratifier.code).
 * A Measure that is not loaded is not judged.
 */
import { ConformanceStore } from '../../packages/store.js';
import { defineRule } from '../rule.js';

type Obj = Record<string, unknown>;
const list = (v: unknown): Obj[] => (Array.isArray(v) ? v.filter((x): x is Obj => typeof x === 'object' && x !== null && !Array.isArray(x)) : []);
const obj = (v: unknown): Obj | undefined => (typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Obj) : undefined);

/** system|code keys of one or more CodeableConcepts. */
function codes(concepts: unknown): Set<string> {
  const out = new Set<string>();
  for (const cc of Array.isArray(concepts) ? concepts : [concepts]) {
    for (const c of list(obj(cc)?.['coding'])) if (typeof c['code'] === 'string') out.add(`${typeof c['system'] === 'string' ? c['system'] : ''}|${c['code']}`);
  }
  return out;
}
const overlaps = (a: Set<string>, b: Set<string>): boolean => [...a].some((k) => b.has(k));
const shown = (concept: unknown): string => [...codes(concept)].map((k) => k.split('|')[1]).join(', ');

export const measureReport = defineRule({
  id: 'measure-report',
  severity: 'error',
  description: 'A MeasureReport matches its Measure: no measureScore for cohort measures; stratifiers match the Measure by code.',
  resource(ctx) {
    if (ctx.resourceType !== 'MeasureReport') return;
    const store = ctx.conformance instanceof ConformanceStore ? ctx.conformance : undefined;
    const url = ctx.value['measure'];
    if (!store || typeof url !== 'string') return;
    const measure = store.resource(url, 'Measure') as Obj | undefined;
    if (measure?.['resourceType'] !== 'Measure') return;
    const cohort = codes(measure['scoring']).has('http://terminology.hl7.org/CodeSystem/measure-scoring|cohort');
    const measureGroups = list(measure['group']);
    list(ctx.value['group']).forEach((group, i) => {
      const path = [...ctx.path, 'group', i];
      if (cohort && group['measureScore'] !== undefined) {
        ctx.report({ path: [...path, 'measureScore'], message: "No measureScore when the scoring of the measure is 'cohort' (a cohort measure only counts its population)" });
      }
      // The Measure group this report group is for: by code, or the only one.
      const groupCodes = codes(group['code']);
      const def = measureGroups.find((g) => groupCodes.size > 0 && overlaps(groupCodes, codes(g['code']))) ?? (measureGroups.length === 1 ? measureGroups[0] : undefined);
      if (!def) return;
      const defined = list(def['stratifier']);
      if (defined.length === 0) return;
      const matched = new Set<Obj>();
      list(group['stratifier']).forEach((s, j) => {
        const mine = codes(s['code']);
        const match = defined.find((d) => mine.size > 0 && overlaps(mine, codes(d['code'])));
        if (match) matched.add(match);
        else ctx.report({ path: [...path, 'stratifier', j], message: `This stratifier${mine.size ? ` (code ${shown(s['code'])})` : ' has no code, so it'} does not match a stratifier of the Measure group by code` });
      });
      for (const d of defined) {
        if (matched.has(d)) continue;
        ctx.report({ path, message: `The MeasureReport does not include a stratifier for the Measure's stratifier ${codes(d['code']).size ? `with code '${shown(d['code'])}'` : 'without a code'}${typeof d['id'] === 'string' ? ` (id = '${d['id']}')` : ''}` });
      }
    });
  },
});
