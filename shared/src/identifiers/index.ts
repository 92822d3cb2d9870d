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
export * from './ukcore-facts.js';
export * from './hl7v2.js';
export * from './http-headers.js';
export * from './check.js';
