/** FHIR XML: parsing with positions into the engine's tree, XML -> JSON conversion, XML findings. */
export * from './parse.js';
