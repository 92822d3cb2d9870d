/** The catalogue: manifest schema, vocabulary, check and build logic (browser-safe). */
export * from './schema.js';
export * from './vocabulary.js';
export * from './json-schema.js';
export { parseManifest, parseOrganisationsFile, MAX_MANIFEST_BYTES, type ManifestSource, type ParsedManifest, type Position } from './parse.js';
export { canonicalRepoUrl, canonicalGitHubSlug, gitHubRepoOf, repoUrlShapeProblem } from './repo-url.js';
export { checkLicence, type LicenceVerdict } from './spdx.js';
export {
  checkCatalogue,
  formatCheckIssue,
  manifestBaseName,
  nearVocabulary,
  CHECK_RULES,
  type CheckIssue,
  type CheckResult,
  type CheckRuleId,
  type CheckSeverity,
} from './check.js';
export {
  buildCatalogue,
  catalogueContentHash,
  CatalogueSchema,
  CatalogueVersionSchema,
  CATALOGUE_FORMAT,
  type BuildOptions,
  type BuildResult,
  type BuiltFile,
  type Catalogue,
  type CatalogueVersion,
  type SearchIndexBuilder,
} from './build.js';
export { sha256Hex, utf8Bytes } from './sha256.js';
export { setCrawlFacts } from './edit.js';
