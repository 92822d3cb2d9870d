/** GitHub access for the catalogue: crawl and publish over an injected Octokit-compatible client (browser-safe). */
export * from './client.js';
export { withBackoff, retryDelay, emptyStats, type BackoffOptions, type CountingClient, type RequestStats } from './backoff.js';
export {
  crawlCatalogue,
  repositoryBatchQuery,
  nextLink,
  sameCrawlFacts,
  emptyCrawlCache,
  CrawlCacheSchema,
  type CrawlCache,
  type CrawlOptions,
  type CrawlProblem,
  type CrawlResult,
  type DiscoveredRepository,
  type RateBudget,
} from './crawl.js';
export {
  publishManifest,
  pullRequestBody,
  base64Utf8,
  ManifestInvalidError,
  PublishError,
  MANIFEST_DIR,
  type PublishOptions,
  type PublishPlan,
  type PublishResult,
} from './publish.js';
