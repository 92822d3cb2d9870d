/**
 * ukcore-required-binding: UK Core required bindings that can be checked without a terminology server: birth sex
 * (Extension-UKCore-BirthSex), communication languages (all-languages = BCP-47) on UK Core Patient, RelatedPerson,
 * Practitioner and HealthcareService, and body height units (all-distance-units, UCUM).
 * Source: https://github.com/NHSDigital/FHIR-R4-UKCORE-STAGING-MAIN (structuredefinitions/, binding.strength = required)
 */
import type { Path } from '../issue.js';
import { arr, hasProfile, str } from '../nhs-rules-support.js';
import { defineRule, type ResourceContext } from '../rule.js';

const SD = 'https://fhir.hl7.org.uk/StructureDefinition/';
const BIRTH_SEX = `${SD}Extension-UKCore-BirthSex`;
const GENDER = 'http://terminology.hl7.org/CodeSystem/v3-AdministrativeGender';
const NULL_FLAVOR = 'http://terminology.hl7.org/CodeSystem/v3-NullFlavor';
const BCP47 = 'urn:ietf:bcp:47';
const BCP47_TAG = /^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*$/;
const UCUM = 'http://unitsofmeasure.org';
// UCUM length units (ValueSet all-distance-units is UCUM units of kind length); the ones seen in clinical use.
const LENGTH_UNITS = new Set([
  'm',
  'cm',
  'mm',
  'km',
  'um',
  'nm',
  'dm',
  '[in_i]',
  '[ft_i]',
  '[yd_i]',
  '[mi_i]',
  '[in_us]',
  '[ft_us]',
]);

/** Where each UK Core profile binds communication language (value set all-languages). */
const LANGUAGE_PATHS: Record<string, { profile: string; path: string[] }> = {
  Patient: { profile: `${SD}UKCore-Patient`, path: ['communication', 'language'] },
  RelatedPerson: { profile: `${SD}UKCore-RelatedPerson`, path: ['communication', 'language'] },
  Practitioner: { profile: `${SD}UKCore-Practitioner`, path: ['communication'] },
  HealthcareService: { profile: `${SD}UKCore-HealthcareService`, path: ['communication'] },
};

/** Every value at a property path (arrays flattened), with its document path. */
function valuesAt(value: unknown, props: readonly string[], base: Path): { value: unknown; path: Path }[] {
  let current: { value: unknown; path: Path }[] = [{ value, path: base }];
  for (const prop of props) {
    const next: { value: unknown; path: Path }[] = [];
    for (const c of current) {
      if (typeof c.value !== 'object' || c.value === null) continue;
      const v = (c.value as Record<string, unknown>)[prop];
      if (Array.isArray(v)) v.forEach((item, i) => next.push({ value: item, path: [...c.path, prop, i] }));
      else if (v !== undefined) next.push({ value: v, path: [...c.path, prop] });
    }
    current = next;
  }
  return current;
}

function checkLanguages(ctx: ResourceContext): void {
  const where = LANGUAGE_PATHS[ctx.resourceType];
  if (!where || !hasProfile(ctx, where.profile)) return;
  // A required binding on a CodeableConcept needs one coding from the value set; other codings may sit beside it.
  for (const { value, path } of valuesAt(ctx.value, where.path, ctx.path)) {
    const codings = arr(value, 'coding');
    if (codings.length === 0) continue;
    const bcp47 = codings.map((c, i) => ({ c, i })).filter(({ c }) => str(c, 'system') === BCP47);
    if (bcp47.length === 0) {
      ctx.report({
        path: [...path, 'coding'],
        message: `Communication language needs a coding with system ${BCP47} (required binding to all-languages); found ${codings.map((c) => str(c, 'system') ?? 'no system').join(', ')}.`,
      });
    }
    for (const { c, i } of bcp47) {
      const code = str(c, 'code');
      if (code === undefined || !BCP47_TAG.test(code)) {
        ctx.report({
          path: [...path, 'coding', i, 'code'],
          message: `"${code ?? ''}" is not a BCP-47 language tag (e.g. en, en-GB, cy).`,
        });
      }
    }
  }
}

function checkBirthSex(ctx: ResourceContext): void {
  arr(ctx.value, 'extension').forEach((ext, e) => {
    if (str(ext, 'url') !== BIRTH_SEX) return;
    const concept = (ext as Record<string, unknown>)['valueCodeableConcept'];
    const codings = arr(concept, 'coding');
    const inSet = (coding: unknown): boolean => {
      const system = str(coding, 'system');
      const code = str(coding, 'code') ?? '';
      return (
        (system === GENDER && ['F', 'M', 'UN'].includes(code)) || (system === NULL_FLAVOR && code === 'UNK')
      );
    };
    if (codings.length === 0 || codings.some(inSet)) return;
    ctx.report({
      path: [...ctx.path, 'extension', e, 'valueCodeableConcept'],
      message: `Birth sex ${codings.map((c) => `${str(c, 'system') ?? '(no system)'}|${str(c, 'code') ?? ''}`).join(', ')} is not in the required value set UKCore-BirthSex (${GENDER} F, M, UN or ${NULL_FLAVOR} UNK).`,
    });
  });
}

function checkBodyHeight(ctx: ResourceContext): void {
  if (ctx.resourceType !== 'Observation' || !hasProfile(ctx, `${SD}UKCore-Observation-VitalSigns-BodyHeight`))
    return;
  const q = (ctx.value as Record<string, unknown>)['valueQuantity'];
  if (q === undefined) return;
  const system = str(q, 'system');
  const code = str(q, 'code');
  if (system === UCUM && code !== undefined && LENGTH_UNITS.has(code)) return;
  ctx.report({
    path: [...ctx.path, 'valueQuantity'],
    message: `Body height units must be a UCUM length unit (${UCUM}, e.g. cm or m); got ${system ?? 'no system'}|${code ?? 'no code'}.`,
  });
}

export const ukcoreRequiredBinding = defineRule({
  id: 'ukcore-required-binding',
  severity: 'error',
  description: 'UK Core required bindings: birth sex, communication language, body height units.',
  resource(ctx) {
    checkBirthSex(ctx);
    checkLanguages(ctx);
    checkBodyHeight(ctx);
  },
});
