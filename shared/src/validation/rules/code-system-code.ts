/**
 * code-system-code: a Coding whose system is a core FHIR code system (http://hl7.org/fhir/..., complete in
 * R4 4.0.1) uses a code that system defines (https://hl7.org/fhir/R4/datatypes.html#Coding). Code systems
 * published elsewhere (terminology.hl7.org, SNOMED CT, LOINC, ...) evolve or are external: not judged.
 */
import { defineRule } from '../rule.js';

type Obj = Record<string, unknown>;

const CORE_PREFIX = 'http://hl7.org/fhir/';

export const codeSystemCode = defineRule({
  id: 'code-system-code',
  severity: 'error',
  description: 'Codings from a core FHIR code system use codes that system defines.',
  elements: {
    Coding(ctx) {
      const c = ctx.elementValue as Obj | undefined;
      const system = c?.['system'];
      const code = c?.['code'];
      if (!ctx.terminology || typeof system !== 'string' || typeof code !== 'string' || !system.startsWith(CORE_PREFIX)) return;
      const version = c?.['version'];
      const cs = ctx.terminology.codeSystem(system);
      if (!cs || (typeof version === 'string' && cs.version !== undefined && version !== cs.version)) return;
      if (cs.has(code)) return;
      ctx.report({
        path: [...ctx.elementPathInDoc, 'code'],
        message: `Unknown code '${code}' in the CodeSystem '${system}' version '${cs.version ?? ctx.fhirVersion}'`,
        data: { system, code },
      });
    },
  },
});
