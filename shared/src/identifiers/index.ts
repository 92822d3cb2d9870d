/**
 * NHS identifier checks: pure functions, browser-safe. Each returns `Finding`s carrying the NHS rule ids of
 * docs/rules (NHS-RULES.md); the validation rules and `wheelhouse identifier` are thin wrappers over them.
 */
export * from './finding.js';
export * from './nhs-number.js';
export * from './snomed.js';
export * from './ods.js';
export * from './eps.js';
export * from './ubrn.js';
export * from './systems.js';
export * from './canonical.js';
export * from './verification-status.js';
// UK Core facts (types, indexing); the zod-validated file reader ukCoreFactsFromIndex is ./ukcore-index.ts,
// outside this barrel, which the engine's rules import (validation starts without zod, issue 3).
export * from './ukcore-facts.js';
export * from './hl7v2.js';
export * from './http-headers.js';
export * from './check.js';
