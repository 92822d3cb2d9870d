/**
 * coding-package-code: a Coding whose system is a CodeSystem loaded from a package or the workspace
 * (not a core one: those are code-system-code's) must not name a supplement (a supplement adds
 * designations and properties to another system, it has no codes of its own:
 * https://hl7.org/fhir/R4/codesystem.html#supplements), and, when that CodeSystem's content is
 * complete, must use a code it defines (https://hl7.org/fhir/R4/datatypes.html#Coding).
 * Fragments, examples and systems not loaded are not judged.
 */
import { packageCodeSystem } from '../../profiles/codesystems.js';
import { defineRule } from '../rule.js';

type Obj = Record<string, unknown>;

export const codingPackageCode = defineRule({
  id: 'coding-package-code',
  severity: 'error',
  description: 'Codings from a package or workspace CodeSystem: not a supplement, and a code the (complete) system defines.',
  elements: {
    Coding(ctx) {
      const c = ctx.elementValue as Obj | undefined;
      const system = c?.['system'];
      if (typeof system !== 'string') return;
      const cs = packageCodeSystem(ctx, system);
      if (!cs) return;
      const version = c?.['version'];
      if (typeof version === 'string' && cs.version !== undefined && version !== cs.version) return;
      if (cs.supplement) {
        ctx.report({ path: [...ctx.elementPathInDoc, 'system'], message: `CodeSystem ${system} is a supplement (of ${cs.supplement}), so it can't be used as a value in Coding.system`, data: { system } });
        return;
      }
      const code = c?.['code'];
      if (typeof code !== 'string' || !cs.complete || cs.has(code)) return;
      ctx.report({ path: [...ctx.elementPathInDoc, 'code'], message: `Unknown code '${code}' in the CodeSystem '${system}'${cs.version ? ` version '${cs.version}'` : ''} (its content is complete)`, data: { system, code } });
    },
  },
});
