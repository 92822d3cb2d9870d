/**
 * @wheelhouse/shared: the engine behind the CLI, the language server and the browser extension.
 * Import a module by its subpath (`@wheelhouse/shared/validation`, `/identifiers`, `/catalogue`,
 * `/matching`); Node-only adapters live in `@wheelhouse/shared/node`.
 */
export const WHEELHOUSE_VERSION = '0.1.0';
