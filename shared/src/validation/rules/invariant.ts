/**
 * invariant: the FHIRPath constraints (ElementDefinition.constraint) of the core definitions, per element,
 * as the HL7 validator reports them ("Constraint failed: per-1: '...'").
 * https://hl7.org/fhir/R4/conformance-rules.html#constraints
 */
import { defineRule, type ElementContext, type ResourceContext } from '../rule.js';
import { invariantCheckerFor, invariantEnv, type InvariantFailure } from '../invariants/index.js';
import type { Path } from '../issue.js';

function report(ctx: ResourceContext, path: Path, failures: readonly InvariantFailure[]): void {
  for (const f of failures) {
    ctx.report({
      path,
      severity: f.severity,
      message: `Constraint failed: ${f.key}: '${f.human}'`,
      data: { key: f.key, expression: f.expression },
    });
  }
}

export const invariant = defineRule({
  id: 'invariant',
  severity: 'error',
  description: 'FHIRPath invariants (constraints) from the FHIR R4 definitions, evaluated on every element.',
  resource(ctx) {
    if (!ctx.definitions.isResourceType(ctx.resourceType)) return;
    const checker = invariantCheckerFor(ctx.definitions, ctx.fhirpath);
    const applicable = checker.constraintsAt(ctx.resourceType, undefined, true);
    if (applicable.length > 0) report(ctx, ctx.path, checker.check(applicable, ctx.value, invariantEnv(ctx)));
    // The harness's validateContains=IGNORE (engine setting validateContained: false) skips contained resources.
    if (ctx.settings['validateContained'] === false) return;
    for (const { index, id } of checker.checkContained(ctx.value)) {
      ctx.report({
        path: [...ctx.path, 'contained', index],
        message: `The contained resource '${id}' is not referenced to from elsewhere in the containing resource nor does it refer to the containing resource (dom-3)`,
        data: { key: 'dom-3', id },
      });
    }
  },
  // Most elements carry no constraint (primitives only ele-1, which is skipped): the '*' hook runs only
  // where constraintsAt has one (issue 3; the answer is cached per path and type either way).
  anyElementApplies(definition, elementType, { definitions, fhirpath }) {
    return invariantCheckerFor(definitions, fhirpath).constraintsAt(definition.path, elementType, false).length > 0;
  },
  elements: {
    '*'(ctx: ElementContext) {
      const value = ctx.elementValue;
      if (value === null || value === undefined || Array.isArray(value)) return;
      // Primitive types carry only ele-1 (skipped), but a primitive element may declare its own
      // (Narrative.div: txt-1, txt-2); constraintsAt caches the empty answer per path.
      const checker = invariantCheckerFor(ctx.definitions, ctx.fhirpath);
      const applicable = checker.constraintsAt(ctx.definition.path, ctx.elementType, false);
      if (applicable.length === 0) return;
      report(ctx, ctx.elementPathInDoc, checker.check(applicable, value, invariantEnv(ctx)));
    },
  },
});
