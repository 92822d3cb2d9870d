/**
 * FHIRPath invariants (ElementDefinition.constraint) of the core definitions, evaluated per element as the
 * HL7 validator does (https://hl7.org/fhir/R4/conformance-rules.html#constraints). Constraints are looked up
 * once per (element path, type) and each expression is compiled once (./fhirpath-engine.ts); common
 * expressions run on hand-written evaluators that give fhirpath.js's answers (./fast-paths.ts).
 */
import type { ConstraintData, Definitions, ElementData } from '../definitions/index.js';
import { FhirPathCompiler, type FhirPathProvider, type InvariantEnv } from './fhirpath-engine.js';
import { fastPathFor, type FastPath } from './fast-paths.js';
import { compileMini, EvaluationError, Unsupported } from './mini-fhirpath.js';
import { checkDom3 } from './dom-3.js';

/**
 * Constraints the engine does not evaluate with FHIRPath, and why:
 * - ele-1 (`hasValue() or children()...`), ext-1 (extension has value xor children): the structural rules
 *   report empty elements and extension content with better messages.
 * - dom-6 (narrative SHOULD be present): best practice; the reference harness ignores best-practice warnings.
 * - dom-3 (contained resources are referenced): checked natively (./dom-3.ts) with the HL7 validator's
 *   message; the R4 expression applies `as()` to collections, which fhirpath.js rejects.
 */
export const SKIPPED_CONSTRAINTS: ReadonlySet<string> = new Set(['ele-1', 'ext-1', 'dom-6', 'dom-3']);

/** A constraint that applies at an element, with how it is evaluated. */
export interface ApplicableConstraint {
  constraint: ConstraintData & { expression: string };
  /** Base path for fhirpath.js; undefined at a resource root. */
  base: string | undefined;
  fast: FastPath | undefined;
  /** Run-time fallbacks of the fast path so far (it is dropped when they dominate). */
  fallbacks: number;
  /** Successful fast-path evaluations so far. */
  hits: number;
  /** Position of an earlier constraint of the same list with the same expression (its result is reused); -1: none. */
  sameAs: number;
  /** Whether a later constraint of the same list has the same expression (keep this one's result). */
  shared: boolean;
}

export interface InvariantFailure {
  key: string;
  severity: 'error' | 'warning';
  human: string;
  expression: string;
  /** Extra detail for the message (dom-3: the contained id). */
  detail?: string;
}

export interface InvariantStats {
  /** Constraint evaluations, by fast path and by fhirpath.js. */
  fast: number;
  /** Fast-path evaluations that left the subset at run time and went to fhirpath.js. */
  fallbacks: number;
  fhirpath: number;
  /** Expressions fhirpath.js could not compile or evaluate (never reported as failures). */
  engineErrors: number;
  compiled: number;
}

const SPECIAL_PROFILES: Record<string, string> = {
  'http://hl7.org/fhir/StructureDefinition/SimpleQuantity': 'SimpleQuantity',
  'http://hl7.org/fhir/StructureDefinition/MoneyQuantity': 'MoneyQuantity',
};

export class InvariantChecker {
  private readonly definitions: Definitions;
  private readonly compiler: FhirPathCompiler;
  private readonly byElement = new Map<string, Map<string, readonly ApplicableConstraint[]>>();
  private readonly miniCache = new Map<string, FastPath | undefined>();
  readonly stats: InvariantStats = { fast: 0, fallbacks: 0, fhirpath: 0, engineErrors: 0, compiled: 0 };
  /** false: every invariant goes to fhirpath.js (the equivalence tests compare both ways). */
  private readonly fastPaths: boolean;
  /** Keys of constraints fhirpath.js failed on, with the reason (for diagnostics and tests). */
  readonly engineErrors = new Map<string, string>();

  constructor(definitions: Definitions, provider: FhirPathProvider, options: { fastPaths?: boolean } = {}) {
    this.definitions = definitions;
    this.fastPaths = options.fastPaths !== false;
    this.compiler = new FhirPathCompiler(provider);
  }

  /**
   * Constraints at an element: those declared on the element itself (resource roots carry the inherited
   * dom-* ones, backbone elements their own) plus, for a complex datatype, those of the datatype's root.
   */
  constraintsAt(
    elementPath: string,
    elementType: string | undefined,
    isResourceRoot: boolean,
  ): readonly ApplicableConstraint[] {
    let byType = this.byElement.get(elementPath);
    if (!byType)
      this.byElement.set(elementPath, (byType = new Map<string, readonly ApplicableConstraint[]>()));
    let list = byType.get(elementType ?? '');
    if (list) return list;
    const out: ApplicableConstraint[] = [];
    const seen = new Set<string>();
    const add = (constraints: readonly ConstraintData[] | undefined, base: string | undefined): void => {
      for (const c of constraints ?? []) {
        if (!c.expression || SKIPPED_CONSTRAINTS.has(c.key) || seen.has(c.key)) continue;
        seen.add(c.key);
        const correction = CORRECTED_EXPRESSIONS[c.key];
        const expression = correction && correction.from === c.expression ? correction.to : c.expression;
        const constraint = { ...c, expression };
        // The mini evaluator navigates from the focus's children: a backbone element's own, else its type's
        // (Organization.telecom's org-3 runs on a ContactPoint).
        const at = base ?? elementPath;
        const ofType =
          elementType !== undefined &&
          elementType !== 'BackboneElement' &&
          elementType !== 'Element' &&
          this.definitions.children(elementType) !== undefined;
        const childrenPath = ofType ? elementType : at;
        const fast = this.fastPaths
          ? (fastPathFor(expression, at) ?? this.mini(expression, childrenPath))
          : undefined;
        const sameAs = out.findIndex((o) => o.constraint.expression === expression);
        if (sameAs >= 0) out[sameAs]!.shared = true;
        out.push({ constraint, base, fast, fallbacks: 0, hits: 0, sameAs, shared: false });
      }
    };
    let element: ElementData | undefined = isResourceRoot
      ? this.definitions.type(elementPath)?.elements[0]
      : this.definitions.element(elementPath);
    // A contentReference element (Questionnaire.item.item) has the constraints of the element it reuses.
    let ownPath = elementPath;
    if (element?.contentReference) {
      ownPath = element.contentReference.slice(element.contentReference.indexOf('#') + 1);
      element = this.definitions.element(ownPath);
    }
    add(element?.constraints, isResourceRoot ? undefined : ownPath);
    if (!isResourceRoot && elementType) {
      const type = this.definitions.type(elementType);
      if (type && type.kind === 'complex-type') add(type.elements[0]?.constraints, elementType);
      for (const t of element?.types ?? []) {
        for (const profile of t.profile ?? []) {
          const name = SPECIAL_PROFILES[profile];
          if (name && t.code === elementType)
            add(this.definitions.type(name)?.elements[0]?.constraints, elementType);
        }
      }
    }
    list = out;
    byType.set(elementType ?? '', list);
    return list;
  }

  /** compileMini once per (expression, children path): datatype constraints recur on many element paths. */
  private mini(expression: string, childrenPath: string): FastPath | undefined {
    const key = `${childrenPath}\u0000${expression}`;
    if (this.miniCache.has(key)) return this.miniCache.get(key);
    const fast = compileMini(expression, childrenPath, this.definitions);
    this.miniCache.set(key, fast);
    return fast;
  }

  /** Evaluates the constraints at one element; returns those that failed. */
  check(applicable: readonly ApplicableConstraint[], value: unknown, env: InvariantEnv): InvariantFailure[] {
    // Allocated on the first failure: most elements pass all their constraints (issue 3: this runs on
    // every element that carries one).
    let failures: InvariantFailure[] | undefined;
    // Constraints sharing an expression on one element (txt-1 and txt-2 are both htmlChecks()) run once:
    // results by position, kept only when a later constraint of the list has the same expression.
    let results: (unknown[] | undefined)[] | undefined;
    for (let i = 0; i < applicable.length; i++) {
      const a = applicable[i]!;
      const { constraint } = a;
      let result: unknown[];
      let fast: unknown[] | undefined = a.sameAs >= 0 ? results?.[a.sameAs] : undefined;
      if (!fast && a.fast) {
        try {
          fast = a.fast(value, env);
          this.stats.fast++;
          a.hits++;
        } catch (error) {
          // fhirpath.js fails on this input too: the constraint is not evaluated, as with fhirpath.js.
          if (error instanceof EvaluationError) {
            this.noteEngineError(constraint.key, error);
            continue;
          }
          if (!(error instanceof Unsupported)) throw error;
          this.stats.fallbacks++;
          // A fast path that mostly leaves the subset costs more than it saves: drop it once it has failed
          // three times and more often than once per four successes.
          if (++a.fallbacks >= 3 && a.fallbacks * 4 > a.hits) a.fast = undefined;
        }
      }
      if (fast) {
        result = fast;
      } else {
        const fn = this.compiler.compile(constraint.expression, a.base);
        this.stats.compiled = this.compiler.compiled;
        if (fn instanceof Error) {
          this.noteEngineError(constraint.key, fn);
          continue;
        }
        this.stats.fhirpath++;
        try {
          result = fn(value, env);
        } catch (error) {
          this.noteEngineError(constraint.key, error);
          continue;
        }
      }
      if (a.shared) (results ??= [])[i] = result;
      if (isFailure(result, constraint.key)) {
        (failures ??= []).push({
          key: constraint.key,
          severity: constraint.severity,
          human: constraint.human,
          expression: constraint.expression,
        });
      }
    }
    return failures ?? [];
  }

  /** dom-3 on a resource root: contained resources must be referenced (see ./dom-3.ts). */
  checkContained(resource: Readonly<Record<string, unknown>>): { index: number; id: string }[] {
    return checkDom3(resource);
  }

  private noteEngineError(key: string, error: unknown): void {
    this.stats.engineErrors++;
    if (!this.engineErrors.has(key))
      this.engineErrors.set(key, error instanceof Error ? error.message : String(error));
  }
}

/**
 * Constraints whose empty result is a failure. The HL7 validator fails any empty result
 * (FHIRPathEngine.convertToBoolean), but fhirpath.js returns empty more often than the Java engine does
 * when navigation finds nothing (ref-1 on a Reference with only a display is empty here, true there), so
 * empty passes except where the emptiness comes from the comparison itself: per-1 with a start and an
 * end of different precision (`'2023-06-21' <= '2023-06-21T06:20:00Z'` is empty), which the reference
 * reports.
 */
export const EMPTY_FAILS: ReadonlySet<string> = new Set(['per-1']);

/**
 * R4 expressions the HL7 validator evaluates in corrected form (its human text and behaviour agree with
 * the correction, the published expression does not): que-12 says "more than one enableWhen" but tests
 * `count() > 2`. que-7 tests `answer is Boolean` (System.Boolean): the HL7 engine matches a FHIR boolean
 * there, fhirpath.js types answerBoolean as FHIR.boolean and does not, so every 'exists' enableWhen failed.
 */
export const CORRECTED_EXPRESSIONS: Readonly<Record<string, { from: string; to: string }>> = {
  'que-12': {
    from: 'enableWhen.count() > 2 implies enableBehavior.exists()',
    to: 'enableWhen.count() > 1 implies enableBehavior.exists()',
  },
  'que-7': {
    from: "operator = 'exists' implies (answer is Boolean)",
    to: "operator = 'exists' implies (answer is boolean)",
  },
};

/** A single `false` fails; an empty result fails only for EMPTY_FAILS; anything else passes. */
export function isFailure(result: readonly unknown[], key?: string): boolean {
  if (result.length === 0) return key !== undefined && EMPTY_FAILS.has(key);
  return result.length === 1 && result[0] === false;
}
