/**
 * read-code-deprecated: Read v2 (last release April 2016) and CTV3 (retired after April 2018) codes.
 * Source: https://digital.nhs.uk/data-and-information/information-standards/terminology-and-classifications/read-codes
 */
import { checkCodingSystem } from '../../identifiers/index.js';
import { reportFindings, str } from '../nhs-rules-support.js';
import { defineRule } from '../rule.js';

export const readCodeDeprecated = defineRule({
  id: 'read-code-deprecated',
  severity: 'warning',
  description: 'Codings use SNOMED CT rather than the retired Read v2 or CTV3 code systems.',
  elements: {
    Coding(ctx) {
      const system = str(ctx.elementValue, 'system');
      if (system === undefined) return;
      reportFindings(ctx, 'read-code-deprecated', checkCodingSystem(system), () => [
        ...ctx.elementPathInDoc,
        'system',
      ]);
    },
  },
});
