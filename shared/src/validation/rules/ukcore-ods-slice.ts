/**
 * ukcore-ods-slice: UK Core Organization allows at most one odsOrganisationCode and one odsSiteCode identifier; UK Core
 * Location at most one odsSiteCode; each with system and value.
 * Source: https://github.com/NHSDigital/FHIR-R4-UKCORE-STAGING-MAIN (UKCore-Organization, UKCore-Location)
 */
import { ODS_ORGANIZATION_SYSTEM, ODS_SITE_SYSTEM } from '../../identifiers/index.js';
import { arr, hasProfile, str } from '../nhs-rules-support.js';
import { defineRule } from '../rule.js';

const SLICES: Record<string, { profile: string; systems: Record<string, string> }> = {
  Organization: {
    profile: 'https://fhir.hl7.org.uk/StructureDefinition/UKCore-Organization',
    systems: { [ODS_ORGANIZATION_SYSTEM]: 'odsOrganisationCode', [ODS_SITE_SYSTEM]: 'odsSiteCode' },
  },
  Location: {
    profile: 'https://fhir.hl7.org.uk/StructureDefinition/UKCore-Location',
    systems: { [ODS_SITE_SYSTEM]: 'odsSiteCode' },
  },
};

export const ukcoreOdsSlice = defineRule({
  id: 'ukcore-ods-slice',
  severity: 'error',
  description:
    'UK Core Organization/Location: at most one identifier per ODS slice, each with system and value.',
  resource(ctx) {
    const slices = SLICES[ctx.resourceType];
    if (!slices || !hasProfile(ctx, slices.profile)) return;
    const counts = new Map<string, number>();
    arr(ctx.value, 'identifier').forEach((id, i) => {
      const system = str(id, 'system');
      const slice = system === undefined ? undefined : slices.systems[system];
      if (system === undefined || slice === undefined) return;
      const n = (counts.get(system) ?? 0) + 1;
      counts.set(system, n);
      const path = [...ctx.path, 'identifier', i];
      if (n === 2)
        ctx.report({
          path,
          message: `UK Core ${ctx.resourceType} allows only one ${slice} identifier (${system}).`,
        });
      if (str(id, 'value') === undefined)
        ctx.report({ path, message: `The ${slice} identifier needs a value.` });
    });
  },
});
