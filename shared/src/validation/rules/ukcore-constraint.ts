/**
 * ukcore-constraint: the UK Core profiles' own invariants (ukcore-imm-001, ukcore-obs-vs-001, ...) at their declared
 * severity, for resources that claim the profile. Needs the UK Core index (settings.ukCore).
 * Source: https://github.com/NHSDigital/FHIR-R4-UKCORE-STAGING-MAIN (ElementDefinition.constraint)
 */
import { FhirPathCompiler, invariantEnv } from '../invariants/index.js';
import type { Path } from '../issue.js';
import { hasProfile, ukCoreFacts } from '../nhs-rules-support.js';
import { defineRule } from '../rule.js';

// One compiler per facts object (the host's), so compiled expressions are cached without module state.
const compilers = new WeakMap<object, FhirPathCompiler>();

function elementsAt(value: unknown, props: readonly string[], base: Path): { value: unknown; path: Path }[] {
  let current: { value: unknown; path: Path }[] = [{ value, path: base }];
  for (const prop of props) {
    current = current.flatMap((c) => {
      const v: unknown =
        typeof c.value === 'object' && c.value !== null
          ? (c.value as Record<string, unknown>)[prop]
          : undefined;
      if (Array.isArray(v))
        return (v as unknown[]).map((item, i) => ({ value: item, path: [...c.path, prop, i] }));
      return v === undefined ? [] : [{ value: v, path: [...c.path, prop] }];
    });
  }
  return current;
}

export const ukcoreConstraint = defineRule({
  id: 'ukcore-constraint',
  severity: 'error',
  description: 'UK Core profile invariants (FHIRPath) hold for resources that claim the profile.',
  resource(ctx) {
    const facts = ukCoreFacts(ctx);
    if (!facts) return;
    for (const c of facts.constraints) {
      const [type, ...props] = c.path.split('.');
      if (type !== ctx.resourceType || !hasProfile(ctx, c.structure)) continue;
      let compiler = compilers.get(facts);
      if (!compiler) compilers.set(facts, (compiler = new FhirPathCompiler(ctx.fhirpath)));
      const fn = compiler.compile(c.expression, props.length === 0 ? undefined : c.path);
      if (fn instanceof Error) continue;
      for (const el of elementsAt(ctx.value, props, ctx.path)) {
        const result = fn(el.value, invariantEnv(ctx));
        const holds =
          result.length === 1 ? result[0] === true : result.length > 0 && result.every((r) => r === true);
        if (holds) continue;
        ctx.report({
          path: el.path,
          severity: c.severity,
          message: `UK Core constraint ${c.key} failed: ${c.human ?? c.expression}`,
          data: { key: c.key, expression: c.expression, profile: c.structure },
        });
      }
    }
  },
});
