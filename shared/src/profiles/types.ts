/**
 * The parts of FHIR R4 conformance resources the profile code reads. Resources stay plain JSON
 * (extra properties kept), so these interfaces list only what we touch.
 * Spec: https://hl7.org/fhir/R4/structuredefinition.html, https://hl7.org/fhir/R4/elementdefinition.html
 */

export interface ElementDefinitionType {
  code: string;
  profile?: string[];
  targetProfile?: string[];
  aggregation?: string[];
  extension?: { url: string; [key: string]: unknown }[];
}

export interface Discriminator {
  type: 'value' | 'exists' | 'pattern' | 'type' | 'profile';
  path: string;
}

export interface Slicing {
  discriminator?: Discriminator[];
  description?: string;
  ordered?: boolean;
  rules: 'closed' | 'open' | 'openAtEnd';
}

export interface ElementBinding {
  strength: 'required' | 'extensible' | 'preferred' | 'example';
  valueSet?: string;
  description?: string;
  extension?: unknown[];
}

export interface ElementConstraint {
  key: string;
  severity: 'error' | 'warning';
  human: string;
  expression?: string;
  xpath?: string;
  source?: string;
}

export interface ElementDefinition {
  id?: string;
  path: string;
  sliceName?: string;
  sliceIsConstraining?: boolean;
  min?: number;
  max?: string;
  base?: { path: string; min: number; max: string };
  contentReference?: string;
  type?: ElementDefinitionType[];
  binding?: ElementBinding;
  slicing?: Slicing;
  constraint?: ElementConstraint[];
  mustSupport?: boolean;
  isModifier?: boolean;
  isSummary?: boolean;
  maxLength?: number;
  short?: string;
  [key: string]: unknown;
}

export interface StructureDefinition {
  resourceType: 'StructureDefinition';
  id?: string;
  url: string;
  version?: string;
  name?: string;
  type: string;
  kind?: 'primitive-type' | 'complex-type' | 'resource' | 'logical';
  abstract?: boolean;
  derivation?: 'specialization' | 'constraint';
  baseDefinition?: string;
  fhirVersion?: string;
  context?: { type: string; expression: string }[];
  snapshot?: { element: ElementDefinition[] };
  differential?: { element: ElementDefinition[] };
  [key: string]: unknown;
}

/** A conformance resource as loaded from a package or workspace (plain JSON). */
export interface ConformanceResource {
  resourceType: string;
  url?: string;
  version?: string;
  id?: string;
  [key: string]: unknown;
}

export function isStructureDefinition(r: unknown): r is StructureDefinition {
  return typeof r === 'object' && r !== null && (r as { resourceType?: unknown }).resourceType === 'StructureDefinition';
}
