/**
 * valueset-parameter-expression: a ValueSet filter value given as an expression (cqf-expression on
 * compose.include.filter.value) is FHIRPath, parses, and only uses parameters the ValueSet declares with
 * the tools extension valueset-parameter. https://build.fhir.org/ig/FHIR/fhir-tools-ig/StructureDefinition-valueset-parameter.html
 */
import { defineRule } from '../rule.js';
import type { Path } from '../issue.js';

type Obj = Record<string, unknown>;
const PARAMETER_EXT = 'http://hl7.org/fhir/tools/StructureDefinition/valueset-parameter';
const EXPRESSION_EXT = 'http://hl7.org/fhir/StructureDefinition/cqf-expression';
/** Environment variables FHIRPath defines for FHIR (fhirpath.html#vars), not ValueSet parameters. */
const BUILT_IN = new Set(['resource', 'rootResource', 'context', 'ucum', 'sct', 'loinc', 'terminologies', 'factory', 'server']);

function list(v: unknown): Obj[] {
  return Array.isArray(v) ? v.filter((x): x is Obj => x !== null && typeof x === 'object') : [];
}

export const valuesetParameterExpression = defineRule({
  id: 'valueset-parameter-expression',
  severity: 'error',
  description: 'ValueSet filter expressions are valid FHIRPath over declared valueset-parameter names.',
  resource(ctx) {
    if (ctx.resourceType !== 'ValueSet') return;
    const declared = new Set<string>();
    for (const ext of list(ctx.value['extension'])) {
      if (ext['url'] !== PARAMETER_EXT) continue;
      for (const part of list(ext['extension'])) if (part['url'] === 'name' && typeof part['valueCode'] === 'string') declared.add(part['valueCode']);
    }
    const compose = ctx.value['compose'] as Obj | undefined;
    for (const part of ['include', 'exclude'] as const) {
      list(compose?.[part]).forEach((inc, i) => {
        list(inc['filter']).forEach((filter, j) => {
          list((filter['_value'] as Obj | undefined)?.['extension']).forEach((ext, k) => {
            if (ext['url'] !== EXPRESSION_EXT) return;
            const expr = ext['valueExpression'] as Obj | undefined;
            const at: Path = [...ctx.path, 'compose', part, i, 'filter', j, '_value', 'extension', k, 'valueExpression'];
            const language = expr?.['language'];
            const text = expr?.['expression'];
            if (typeof language === 'string' && language !== 'text/fhirpath') {
              ctx.report({ path: at, message: `A ValueSet expression language must be 'text/fhirpath' not '${language}'` });
              return;
            }
            if (typeof text !== 'string') return;
            for (const m of text.matchAll(/%([A-Za-z][\w-]*)/g)) {
              const name = m[1]!;
              if (!declared.has(name) && !BUILT_IN.has(name)) {
                ctx.report({ path: at, message: `The filter parameter expression '${text}' refers to the unknown parameter '${name}'` });
              }
            }
            const { fhirpath, model } = ctx.fhirpath(); // a load failure is the host's, not the expression's
            try {
              fhirpath.compile(text, model);
            } catch (error) {
              const detail = error instanceof Error ? error.message.split('\n')[0] : String(error);
              ctx.report({ path: at, message: `The value of the expression '${text}' is not a valid FHIRPath: ${detail}` });
            }
          });
        });
      });
    }
  },
});
