/**
 * The rule contract (STYLE.md 2): one rule per file in rules/<rule-id>.ts, listed in rules/index.ts.
 * A rule hooks resources, elements by FHIR type, or the walker's structural findings, and reports
 * by JSON path; the engine turns paths into offsets and locations.
 */
import type { Definitions, ElementData } from './definitions/index.js';
import type { Fix, Path, Severity } from './issue.js';
import type { JsonDocument } from './parse.js';
import type { ConformanceSource } from './run.js';
import type { Terminology } from './terminology/index.js';
import type { FhirPathProvider } from './invariants/fhirpath-engine.js';

/** Engine-wide switches (from wheelhouse.config.json / CLI); helpers add fields as they need them. */
export interface EngineSettings {
  /** NHS PDS compatibility checks (NHS rules helper). */
  pdsCompatibility: boolean;
  /** Extension URLs under these domains are not reported as unresolved. */
  allowUnresolvedExtensionDomains: string[];
  /** false: contained resources are not validated (HL7 validator "validateContains IGNORE"). Default true. */
  validateContained?: boolean;
  [key: string]: unknown;
}

export const DEFAULT_SETTINGS: EngineSettings = Object.freeze({
  pdsCompatibility: false,
  allowUnresolvedExtensionDomains: [],
});

export interface ReportArgs {
  path: Path;
  message: string;
  severity?: Severity;
  /** `replacement` = the new JSON value for the node at `path`; the engine turns it into text edits. */
  fix?: { title: string; replacement: unknown } | Fix;
  data?: Record<string, unknown>;
  /** Which part of a property the range covers: its value (default) or its key. */
  range?: 'value' | 'key';
}

/** An enclosing resource (the container of a contained resource, the Bundle of an entry). */
export interface ResourceFrame {
  resourceType: string;
  value: Readonly<Record<string, unknown>>;
  path: Path;
}

export interface ResourceContext {
  resourceType: string;
  /** Plain JSON of the resource. */
  value: Readonly<Record<string, unknown>>;
  /** Path of the resource object in the document. */
  path: Path;
  /** meta.profile + profiles asked for (--profile, config defaults). */
  profiles: readonly string[];
  fhirVersion: string;
  settings: EngineSettings;
  definitions: Definitions;
  /** fhirpath.js for FHIRPath the engine's own evaluator does not cover (ValidatorDeps.fhirpath). */
  fhirpath: FhirPathProvider;
  /** The parsed document (text and offset tree), for rules that need raw text; built on first use. */
  readonly document: JsonDocument;
  /** The text of the value at `path` as written (e.g. a JSON number "1.0"); undefined if it is not there. */
  sourceText?(path: Path): string | undefined;
  /** Enclosing resources, innermost first (empty for the top-level resource). */
  ancestors: readonly ResourceFrame[];
  /** Core value sets and code systems, when the host loaded them (terminology/; binding rules skip without). */
  terminology?: Terminology;
  /** Packages, workspace profiles and value sets, when the host loaded them (profiles rules skip without). */
  conformance?: ConformanceSource;
  report(r: ReportArgs): void;
}

export interface ElementContext extends ResourceContext {
  /** FHIR element path, e.g. 'Patient.identifier' or 'Extension.valueCodeableConcept.coding'. */
  elementPath: string;
  /** The element's FHIR type, e.g. 'Identifier', 'date'. */
  elementType: string;
  /** Plain JSON value of this element (one item, for repeating elements). */
  elementValue: unknown;
  /** Path of this element in the document. */
  elementPathInDoc: Path;
  /** The element's definition in the base spec. */
  definition: ElementData;
  parent?: { elementPath: string; value: unknown; path: Path };
}

/** What the structural walker finds; structural rules turn these into messages. */
export type StructureEvent =
  | { kind: 'resource-type-missing'; path: Path }
  | { kind: 'resource-type-unknown'; path: Path; resourceType: string; known: readonly string[] }
  | { kind: 'resource-type-abstract'; path: Path; resourceType: string }
  | {
      kind: 'unknown-property';
      path: Path;
      key: string;
      /** Element path of the object holding the property ('Patient', 'Patient.contact'). */
      parentElementPath: string;
      /** Valid property names here. */
      allowed: readonly string[];
      /** When the key looks like a choice `value[x]` with a type not allowed: the element and its types. */
      choice?: { elementPath: string; stem: string; types: readonly string[] };
    }
  | { kind: 'null-value'; path: Path; elementPath: string }
  | { kind: 'empty-value'; path: Path; elementPath: string; what: 'string' | 'object' | 'array' }
  | { kind: 'array-expected'; path: Path; elementPath: string; max: string }
  | { kind: 'array-unexpected'; path: Path; elementPath: string }
  | { kind: 'wrong-json-type'; path: Path; elementPath: string; fhirType: string; expected: 'string' | 'number' | 'boolean' | 'object'; actual: string }
  | { kind: 'companion-mismatch'; path: Path; elementPath: string; detail: string }
  | { kind: 'cardinality-min'; path: Path; elementPath: string; min: number; count: number }
  | { kind: 'cardinality-max'; path: Path; elementPath: string; max: string; count: number };

export type StructureKind = StructureEvent['kind'];
export type StructureHooks = { [K in StructureKind]?: (ctx: ResourceContext, event: Extract<StructureEvent, { kind: K }>) => void };

export interface Rule {
  id: string;
  /** Default severity; config may override or turn off. */
  severity: Severity;
  description: string;
  /** Docs URL; defaults to `${DOCS_BASE}/docs/rules/<id>.md`. */
  docs?: string;
  /** Called once per resource (top level, contained, Bundle entry resources, Parameters resources). */
  resource?(ctx: ResourceContext): void;
  /** Called for every element whose FHIR type is a key here ('Identifier', 'code', ...); '*' = every element. */
  elements?: Partial<Record<string, (ctx: ElementContext) => void>>;
  /**
   * Narrows the '*' hook: whether it can do anything on elements of this definition and type. Asked once
   * per pair in a validation; false skips the hook on those elements (the invariant rule: elements without
   * constraints). It must answer true wherever the hook could report; a throwing answer counts as true.
   */
  anyElementApplies?(definition: ElementData, elementType: string, env: { definitions: Definitions; fhirpath: FhirPathProvider }): boolean;
  /** Called for the structural walker's findings of the given kinds. */
  structure?: StructureHooks;
}

/** Declares a rule (identity function that keeps the type). */
export function defineRule(rule: Rule): Rule {
  return rule;
}
