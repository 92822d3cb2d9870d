/** Profiles: StructureDefinition types, snapshot generation and snapshot comparison. */
export * from './types.js';
export * from './snapshot.js';
export * from './compare.js';
