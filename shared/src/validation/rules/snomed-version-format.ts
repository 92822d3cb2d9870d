/**
 * snomed-version-format: Coding.version for SNOMED CT is http://snomed.info/sct/<module>[/version/YYYYMMDD], the
 * module a valid SCTID, no trailing slash.
 * Source: https://confluence.snomedtools.org/display/DOCURI/2.3+Edition+and+Version-Relative+Component+URIs
 */
import { checkSnomedVersion, SNOMED_SYSTEM } from '../../identifiers/index.js';
import { reportFindings, str } from '../nhs-rules-support.js';
import { defineRule } from '../rule.js';

export const snomedVersionFormat = defineRule({
  id: 'snomed-version-format',
  severity: 'error',
  description: 'SNOMED CT Coding.version is an edition URI, optionally with /version/YYYYMMDD.',
  elements: {
    Coding(ctx) {
      const version = str(ctx.elementValue, 'version');
      if (version === undefined || str(ctx.elementValue, 'system') !== SNOMED_SYSTEM) return;
      reportFindings(ctx, 'snomed-version-format', checkSnomedVersion(version), () => [
        ...ctx.elementPathInDoc,
        'version',
      ]);
    },
  },
});
