/**
 * ukcore-ethnic-category: Extension-UKCore-EthnicCategory at most once on a Patient; codes from the England or Wales
 * ethnic category code systems must exist there (extensible binding to UKCore-EthnicCategory).
 * Source: https://github.com/NHSDigital/FHIR-R4-UKCORE-STAGING-MAIN (Extension-UKCore-EthnicCategory, CodeSystem UKCore-EthnicCategoryEngland/Wales)
 */
import { arr, str, ukCoreFacts } from '../nhs-rules-support.js';
import { defineRule } from '../rule.js';

const EXTENSION = 'https://fhir.hl7.org.uk/StructureDefinition/Extension-UKCore-EthnicCategory';
const ENGLAND = 'https://fhir.hl7.org.uk/CodeSystem/UKCore-EthnicCategoryEngland';
const WALES = 'https://fhir.hl7.org.uk/CodeSystem/UKCore-EthnicCategoryWales';
// NHS Data Dictionary ETHNIC CATEGORY (England): A–H, J–N, P, R, S, Z, 99; used when no UK Core index is loaded.
const ENGLAND_CODES = new Set([...'ABCDEFGHJKLMNPRSZ'].concat('99'));

export const ukcoreEthnicCategory = defineRule({
  id: 'ukcore-ethnic-category',
  severity: 'warning',
  description:
    'Patient ethnic category: at most one extension, with codes that exist in the England/Wales code systems.',
  resource(ctx) {
    if (ctx.resourceType !== 'Patient') return;
    const facts = ukCoreFacts(ctx);
    const codesOf = (system: string): ReadonlySet<string> | undefined =>
      facts?.codeSystems.get(system)?.codes ?? (system === ENGLAND ? ENGLAND_CODES : undefined);
    let count = 0;
    arr(ctx.value, 'extension').forEach((ext, e) => {
      if (str(ext, 'url') !== EXTENSION) return;
      const path = [...ctx.path, 'extension', e];
      if (++count === 2)
        ctx.report({
          path,
          message:
            'A Patient has at most one ethnic category extension (Extension-UKCore-EthnicCategory, max 1).',
        });
      const concept = (ext as Record<string, unknown>)['valueCodeableConcept'];
      arr(concept, 'coding').forEach((coding, c) => {
        const system = str(coding, 'system');
        const code = str(coding, 'code');
        if (system !== ENGLAND && system !== WALES) return;
        const codes = codesOf(system);
        if (codes === undefined || code === undefined || codes.has(code)) return;
        ctx.report({
          path: [...path, 'valueCodeableConcept', 'coding', c, 'code'],
          message: `Ethnic category code "${code}" is not in ${system} (${[...codes].join(', ')}).`,
          ...(codes.has(code.toUpperCase())
            ? { fix: { title: `Use "${code.toUpperCase()}"`, replacement: code.toUpperCase() } }
            : {}),
        });
      });
    });
  },
});
