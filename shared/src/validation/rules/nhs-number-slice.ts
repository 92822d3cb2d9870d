/**
 * nhs-number-slice: UK Core Patient allows at most one identifier with system https://fhir.nhs.uk/Id/nhs-number, with
 * both system and value, and at most one verification status extension on it.
 * Source: https://github.com/NHSDigital/FHIR-R4-UKCORE-STAGING-MAIN (UKCore-Patient, identifier:nhsNumber)
 */
import { NHS_NUMBER_SYSTEM, VERIFICATION_STATUS_EXTENSION } from '../../identifiers/index.js';
import { arr, hasProfile, str } from '../nhs-rules-support.js';
import { defineRule } from '../rule.js';

const UKCORE_PATIENT = 'https://fhir.hl7.org.uk/StructureDefinition/UKCore-Patient';

export const nhsNumberSlice = defineRule({
  id: 'nhs-number-slice',
  severity: 'error',
  description:
    'UK Core Patient: at most one NHS number identifier, with system and value, and at most one verification status.',
  resource(ctx) {
    if (ctx.resourceType !== 'Patient' || !hasProfile(ctx, UKCORE_PATIENT)) return;
    let count = 0;
    arr(ctx.value, 'identifier').forEach((id, i) => {
      if (str(id, 'system') !== NHS_NUMBER_SYSTEM) return;
      count++;
      const path = [...ctx.path, 'identifier', i];
      if (count === 2) {
        ctx.report({
          path,
          message:
            'UK Core Patient allows only one NHS number identifier (slice identifier:nhsNumber, max 1).',
        });
      }
      if (str(id, 'value') === undefined) {
        ctx.report({
          path,
          message:
            'The NHS number identifier needs a value (slice identifier:nhsNumber requires system and value).',
        });
      }
      const statuses = arr(id, 'extension').filter((e) => str(e, 'url') === VERIFICATION_STATUS_EXTENSION);
      if (statuses.length > 1) {
        ctx.report({
          path: [...path, 'extension'],
          message: 'An NHS number carries at most one verification status extension.',
        });
      }
    });
  },
});
