/**
 * valueset-compose-code: codes a ValueSet compose names must exist: for a core FHIR code system we hold,
 * the code must be defined; for SNOMED CT, a concept code or concept filter value must at least be a
 * well-formed SCTID (6-18 digits, Verhoeff check digit) - whether it exists is for a terminology server.
 * https://hl7.org/fhir/R4/valueset.html#compose
 */
import { defineRule } from '../rule.js';
import { isSnomedExpression, isVerhoeffValid } from '../../identifiers/snomed.js';

type Obj = Record<string, unknown>;
const SNOMED = 'http://snomed.info/sct';
const CONCEPT_OPS = new Set(['is-a', 'descendent-of', 'is-not-a', 'generalizes', '=']);

function snomedProblem(code: string): string | undefined {
  if (isSnomedExpression(code)) return undefined;
  if (!/^[1-9][0-9]{5,17}$/.test(code)) return 'not an SCTID: 6 to 18 digits with no leading zero';
  if (!isVerhoeffValid(code)) return 'its Verhoeff check digit is wrong';
  return undefined;
}

export const valuesetComposeCode = defineRule({
  id: 'valueset-compose-code',
  severity: 'error',
  description: 'Codes in ValueSet.compose exist (core code systems) or are well-formed (SNOMED CT).',
  resource(ctx) {
    if (ctx.resourceType !== 'ValueSet') return;
    const compose = ctx.value['compose'] as Obj | undefined;
    for (const part of ['include', 'exclude'] as const) {
      const list = compose?.[part];
      if (!Array.isArray(list)) continue;
      list.forEach((item: Obj | null, i) => {
        if (!item || typeof item !== 'object') return;
        const inc = item;
        const system = inc['system'];
        if (typeof system !== 'string' || inc['version'] !== undefined) return;
        const at = [...ctx.path, 'compose', part, i];
        const cs = system.startsWith('http://hl7.org/fhir/') ? ctx.terminology?.codeSystem(system) : undefined;
        const concepts = Array.isArray(inc['concept']) ? (inc['concept'] as (Obj | null)[]) : [];
        concepts.forEach((c, j) => {
          const code = c?.['code'];
          if (typeof code !== 'string') return;
          if (system === SNOMED) {
            const problem = snomedProblem(code);
            if (problem) ctx.report({ path: [...at, 'concept', j], message: `The code '${code}' is not valid in the system ${system} (${problem})` });
          } else if (cs && !cs.has(code)) {
            ctx.report({ path: [...at, 'concept', j], message: `The code '${code}' is not valid in the system ${system} (Unknown code '${code}' in the CodeSystem '${system}' version '${cs.version ?? ctx.fhirVersion}')` });
          }
        });
        if (system !== SNOMED || !Array.isArray(inc['filter'])) return;
        (inc['filter'] as (Obj | null)[]).forEach((f, j) => {
          const value = f?.['value'];
          if (f?.['property'] !== 'concept' || typeof value !== 'string' || !CONCEPT_OPS.has(String(f['op']))) return;
          const problem = snomedProblem(value);
          if (problem) {
            ctx.report({ path: [...at, 'filter', j], message: `The value for a filter based on property 'concept' must be a valid code from the system '${system}', and '${value}' is not (${problem})` });
          }
        });
      });
    }
  },
});
