/**
 * @wheelhouse/shared/validation: the FHIR validation engine (text -> Issue[]). No Node, no DOM, no LSP;
 * the definitions index is passed in (load it with `loadR4Definitions` from @wheelhouse/shared/node).
 */
export * from './issue.js';
export * from './rule.js';
export * from './run.js';
export * from './parse.js';
export * from './docs.js';
export { NHS_ENGINE_RULE_IDS } from './nhs-rules-support.js';
export { createDefinitions } from './definitions/index.js';
export type * from './definitions/index.js';
export { rules } from './rules/index.js';
export { jsonTypeOfPrimitive } from './walk.js';
export { createTerminology, type Terminology, type TerminologyFile, type ValueSetInfo, type CodeSystemInfo, type Membership } from './terminology/index.js';
// ValidatorDeps.fhirpath: the providers are in @wheelhouse/shared/node (on demand) and @wheelhouse/shared/fhirpath (static).
export { MissingFhirPathProviderError, type FhirPathProvider, type FhirPathBinding } from './invariants/fhirpath-engine.js';
