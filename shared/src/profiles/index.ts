/** Profiles: StructureDefinition types, snapshot generation and snapshot comparison. */
export * from './types.js';
export * from './snapshot.js';
export * from './compare.js';
export * from './validate.js';
export * from './valueset.js';
export * from './extensions.js';
