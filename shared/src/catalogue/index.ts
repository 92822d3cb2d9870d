/** The catalogue: manifest schema, vocabulary, check and build logic (browser-safe). */
export * from './schema.js';
export * from './vocabulary.js';
export * from './json-schema.js';
