/**
 * eps-bundle-consistency: an EPS prescription Bundle has 1–4 MedicationRequests that share groupIdentifier, authoredOn,
 * subject, requester, dispenseRequest performer and validity period and prescription type; each is `active` and has
 * medicationCodeableConcept or medicationReference, never both.
 * Source: https://github.com/NHSDigital/electronic-prescription-service-api (packages/coordinator/src/services/validation/bundle-validator.ts)
 */
import { PRESCRIPTION_ORDER_NUMBER_SYSTEM } from '../../identifiers/index.js';
import type { Path } from '../issue.js';
import { arr, str } from '../nhs-rules-support.js';
import { defineRule } from '../rule.js';

const PRESCRIPTION_TYPE = 'https://fhir.nhs.uk/StructureDefinition/Extension-DM-PrescriptionType';

type Json = Record<string, unknown>;

/** The fields every MedicationRequest of one prescription must share, as [label, document sub-path, value]. */
function shared(mr: Json): [string, (string | number)[], unknown][] {
  const dispense = (mr['dispenseRequest'] ?? {}) as Json;
  const typeIndex = arr(mr, 'extension').findIndex((e) => str(e, 'url') === PRESCRIPTION_TYPE);
  const type = typeIndex >= 0 ? (arr(mr, 'extension')[typeIndex] as Json)['valueCoding'] : undefined;
  return [
    ['groupIdentifier', ['groupIdentifier'], mr['groupIdentifier']],
    ['authoredOn', ['authoredOn'], mr['authoredOn']],
    ['subject', ['subject'], mr['subject']],
    ['requester', ['requester'], mr['requester']],
    ['dispenseRequest.performer', ['dispenseRequest', 'performer'], dispense['performer']],
    ['dispenseRequest.validityPeriod', ['dispenseRequest', 'validityPeriod'], dispense['validityPeriod']],
    ['prescription type', typeIndex >= 0 ? ['extension', typeIndex] : ['extension'], type],
  ];
}

function same(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

export const epsBundleConsistency = defineRule({
  id: 'eps-bundle-consistency',
  severity: 'error',
  description:
    'EPS prescription Bundles: 1–4 active MedicationRequests sharing the prescription-level fields.',
  resource(ctx) {
    if (ctx.resourceType !== 'Bundle') return;
    const requests: { mr: Json; path: Path }[] = [];
    arr(ctx.value, 'entry').forEach((entry, e) => {
      const resource = (entry as { resource?: unknown } | null)?.resource;
      if (str(resource, 'resourceType') === 'MedicationRequest')
        requests.push({ mr: resource as Json, path: [...ctx.path, 'entry', e, 'resource'] });
    });
    // One prescription = the MedicationRequests sharing a short-form prescription id (a searchset may hold several).
    const prescriptions = new Map<string, { mr: Json; path: Path }[]>();
    for (const r of requests) {
      const group = r.mr['groupIdentifier'];
      const id = str(group, 'value');
      if (str(group, 'system') !== PRESCRIPTION_ORDER_NUMBER_SYSTEM || id === undefined) continue;
      const list = prescriptions.get(id.toUpperCase()) ?? [];
      list.push(r);
      prescriptions.set(id.toUpperCase(), list);
    }
    for (const [id, items] of prescriptions) {
      if (items.length > 4) {
        ctx.report({
          path: items[4]?.path ?? ctx.path,
          message: `An EPS prescription holds at most 4 MedicationRequests; prescription ${id} has ${items.length} in this Bundle.`,
        });
      }
      const first = items[0];
      if (!first) continue;
      const reference = shared(first.mr);
      for (const { mr, path } of items) {
        const status = str(mr, 'status');
        if (status !== 'active') {
          ctx.report({
            path: [...path, 'status'],
            message: `EPS MedicationRequest status must be "active", not "${status ?? '(missing)'}".`,
          });
        }
        if (mr['medicationCodeableConcept'] !== undefined && mr['medicationReference'] !== undefined) {
          ctx.report({
            path: [...path, 'medicationReference'],
            message:
              'An EPS MedicationRequest has medicationCodeableConcept or medicationReference, not both.',
          });
        }
        if (mr === first.mr) continue;
        shared(mr).forEach(([label, sub, value], i) => {
          const expected = reference[i]?.[2];
          if (same(value, expected)) return;
          ctx.report({
            path: value === undefined ? path : [...path, ...sub],
            message: `Every MedicationRequest of prescription ${id} shares ${label}; this one differs from the first (${JSON.stringify(expected) ?? 'absent'}).`,
          });
        });
      }
    }
  },
});
