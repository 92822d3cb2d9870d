/**
 * FHIRPath invariants (ElementDefinition.constraint) that a loaded profile adds; the core ones are
 * the invariant rule's. https://hl7.org/fhir/R4/profiling.html#constraints — evaluated with the
 * engine's fhirpath.js seam; an expression that cannot be compiled is skipped, not reported.
 */
import { reportProfileInvariants } from '../../profiles/rule-support.js';
import { defineRule } from '../rule.js';

export const profileInvariant = defineRule({
  id: 'profile-invariant',
  severity: 'error',
  description: 'Invariants (FHIRPath constraints) added by the profiles a resource is validated against.',
  resource(ctx) {
    reportProfileInvariants(ctx);
  },
});
