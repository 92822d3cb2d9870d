/** wheelhouse.config.json: schema, defaults and a pure parser with located errors (browser-safe). */
export * from './schema.js';
export * from './defaults.js';
export * from './parse.js';
