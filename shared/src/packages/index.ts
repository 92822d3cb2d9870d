/** FHIR packages: specs and versions, the conformance store, tarball reading, load issues. */
export * from './spec.js';
export * from './store.js';
export * from './issues.js';
export * from './tar.js';
export * from './resources.js';
