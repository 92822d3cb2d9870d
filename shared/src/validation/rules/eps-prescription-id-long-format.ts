/**
 * eps-prescription-id-long-format: the long-form prescription id (system https://fhir.nhs.uk/Id/prescription, in
 * Extension-DM-PrescriptionId) and line item ids (prescription-order-item-number) are UUIDs; item ids are unique per Bundle.
 * Source: https://github.com/NHSDigital/electronic-prescription-service-api (packages/specification/schemas/)
 */
import {
  checkLongPrescriptionId,
  PRESCRIPTION_LONG_SYSTEM,
  PRESCRIPTION_ORDER_ITEM_SYSTEM,
} from '../../identifiers/index.js';
import type { Path } from '../issue.js';
import { arr, identifierOf, reportFindings, str } from '../nhs-rules-support.js';
import { defineRule } from '../rule.js';

export const epsPrescriptionIdLongFormat = defineRule({
  id: 'eps-prescription-id-long-format',
  severity: 'error',
  description:
    'EPS long-form prescription ids and line item ids are UUIDs; line item ids are unique in a Bundle.',
  elements: {
    Identifier(ctx) {
      const { system, value } = identifierOf(ctx);
      if (
        value === undefined ||
        (system !== PRESCRIPTION_LONG_SYSTEM && system !== PRESCRIPTION_ORDER_ITEM_SYSTEM)
      )
        return;
      reportFindings(ctx, 'eps-prescription-id-long-format', checkLongPrescriptionId(value), () => [
        ...ctx.elementPathInDoc,
        'value',
      ]);
    },
  },
  resource(ctx) {
    if (ctx.resourceType !== 'Bundle') return;
    const seen = new Map<string, Path>();
    arr(ctx.value, 'entry').forEach((entry, e) => {
      const resource = (entry as { resource?: unknown } | null)?.resource;
      if (str(resource, 'resourceType') !== 'MedicationRequest') return;
      arr(resource, 'identifier').forEach((id, i) => {
        const value = str(id, 'value');
        if (str(id, 'system') !== PRESCRIPTION_ORDER_ITEM_SYSTEM || value === undefined) return;
        const path: Path = [...ctx.path, 'entry', e, 'resource', 'identifier', i, 'value'];
        const first = seen.get(value.toLowerCase());
        if (first) {
          ctx.report({
            path,
            message: `Line item id ${value} is used by more than one MedicationRequest in this Bundle; each item needs its own UUID.`,
          });
        } else seen.set(value.toLowerCase(), path);
      });
    });
  },
});
