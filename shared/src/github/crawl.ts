/**
 * `wheelhouse catalogue crawl`, as logic over an injected client: refresh repository facts for every
 * component (GraphQL, many repositories per request) and discover repositories carrying a publiccode.yml
 * in configured organisations (REST listing with ETags, so unchanged pages cost nothing against the
 * rate limit; publiccode.yml presence again batched over GraphQL, and cached by last push).
 */
import { z } from 'zod';
import { canonicalGitHubSlug, canonicalRepoUrl, CrawlFactsSchema, gitHubRepoOf, type Component, type CrawlFacts } from '../catalogue/index.js';
import type { CountingClient, RequestStats } from './backoff.js';
import { headerOf, isGraphqlError, isHttpError, type Clock, type Logger } from './client.js';

const OrgRepoSchema = z.object({
  full_name: z.string(),
  html_url: z.string(),
  fork: z.boolean(),
  archived: z.boolean(),
  pushed_at: z.string().nullable(),
});
type OrgRepo = z.infer<typeof OrgRepoSchema>;

/** Persisted between runs (the workflow keeps it in the Actions cache). */
export const CrawlCacheSchema = z.object({
  version: z.literal(1),
  /** Conditional-request cache for REST listing pages, by request URL. */
  pages: z.record(z.string(), z.object({ etag: z.string(), repos: z.array(OrgRepoSchema), next: z.string().nullable() })).default({}),
  /** publiccode.yml presence by owner/name, valid while the repository's last push is unchanged. */
  publiccode: z.record(z.string(), z.object({ pushedAt: z.string().nullable(), present: z.boolean() })).default({}),
});
export type CrawlCache = z.infer<typeof CrawlCacheSchema>;

export function emptyCrawlCache(): CrawlCache {
  return { version: 1, pages: {}, publiccode: {} };
}

const RepoNodeSchema = z.object({
  nameWithOwner: z.string(),
  url: z.string(),
  isArchived: z.boolean(),
  isFork: z.boolean(),
  isMirror: z.boolean(),
  mirrorUrl: z.string().nullable(),
  pushedAt: z.string().nullable(),
  stargazerCount: z.number(),
  licenseInfo: z.object({ spdxId: z.string().nullable() }).nullable(),
  parent: z.object({ nameWithOwner: z.string() }).nullable(),
  repositoryTopics: z.object({ nodes: z.array(z.object({ topic: z.object({ name: z.string() }) })) }),
  publiccode: z.object({ __typename: z.string() }).nullable(),
});
type RepoNode = z.infer<typeof RepoNodeSchema>;

const PresenceNodeSchema = z.object({ nameWithOwner: z.string(), pushedAt: z.string().nullable(), publiccode: z.object({ __typename: z.string() }).nullable() });

const REPO_FACTS_FRAGMENT = `fragment RepoFacts on Repository {
  nameWithOwner url isArchived isFork isMirror mirrorUrl pushedAt stargazerCount
  licenseInfo { spdxId }
  parent { nameWithOwner }
  repositoryTopics(first: 20) { nodes { topic { name } } }
  publiccode: object(expression: "HEAD:publiccode.yml") { __typename }
}`;

const PRESENCE_FRAGMENT = `fragment Presence on Repository {
  nameWithOwner pushedAt
  publiccode: object(expression: "HEAD:publiccode.yml") { __typename }
}`;

/** One GraphQL query for many repositories, by alias (r0, r1, ...), asking for its own cost. */
export function repositoryBatchQuery(count: number, fragment: 'RepoFacts' | 'Presence'): string {
  const variables = Array.from({ length: count }, (_, i) => `$o${i}: String!, $n${i}: String!`).join(', ');
  const fields = Array.from({ length: count }, (_, i) => `  r${i}: repository(owner: $o${i}, name: $n${i}) { ...${fragment} }`).join('\n');
  const text = fragment === 'RepoFacts' ? REPO_FACTS_FRAGMENT : PRESENCE_FRAGMENT;
  return `query Wheelhouse${fragment}(${variables}) {\n  rateLimit { cost remaining resetAt }\n${fields}\n}\n${text}`;
}

export interface DiscoveredRepository {
  readonly repository: string;
  readonly url: string;
  readonly organisation: string;
  readonly pushedAt: string | null;
}

export interface CrawlProblem {
  readonly id: string;
  readonly url: string;
  readonly reason: string;
}

export interface CrawlResult {
  /** Fresh facts by component id. */
  readonly facts: ReadonlyMap<string, CrawlFacts>;
  readonly problems: readonly CrawlProblem[];
  readonly discovered: readonly DiscoveredRepository[];
  readonly stats: RequestStats;
  /** Remaining primary budget after the crawl, from GET /rate_limit (which is free). */
  readonly budget?: { readonly core: RateBudget; readonly graphql: RateBudget };
}

export interface RateBudget {
  readonly limit: number;
  readonly remaining: number;
  readonly reset: number;
}

export interface CrawlOptions {
  readonly organisations?: readonly string[];
  readonly cache?: CrawlCache;
  /** Repositories per GraphQL query (default 50; GitHub allows far more, but smaller batches fail more gracefully). */
  readonly batchSize?: number;
  readonly clock: Clock;
  readonly logger: Logger;
}

function chunk<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/** Runs a batch query; repositories GitHub cannot find come back as null, not as a failure. */
async function batch(client: CountingClient, slugs: readonly { owner: string; name: string }[], fragment: 'RepoFacts' | 'Presence'): Promise<unknown[]> {
  const variables: Record<string, string> = {};
  slugs.forEach((s, i) => {
    variables[`o${i}`] = s.owner;
    variables[`n${i}`] = s.name;
  });
  let data: unknown;
  try {
    data = await client.graphql(repositoryBatchQuery(slugs.length, fragment), variables);
  } catch (error) {
    if (!isGraphqlError(error) || !error.errors.every((e) => e.type === 'NOT_FOUND') || error.data === undefined) throw error;
    data = error.data;
  }
  const record = (data ?? {}) as Record<string, unknown>;
  return slugs.map((_, i) => record[`r${i}`] ?? null);
}

const TOPIC = /^[a-z0-9][a-z0-9-]{0,49}$/;

function factsFrom(node: RepoNode, checkedAt: string): CrawlFacts {
  const mirror = node.isMirror && node.mirrorUrl && /^https?:\/\//.test(node.mirrorUrl) ? node.mirrorUrl : null;
  return {
    checkedAt,
    repository: node.nameWithOwner,
    licence: node.licenseInfo?.spdxId ?? null,
    lastActivity: node.pushedAt,
    archived: node.isArchived,
    fork: node.isFork,
    parent: node.parent?.nameWithOwner ?? null,
    mirrorUrl: mirror,
    stars: node.stargazerCount,
    topics: node.repositoryTopics.nodes.map((n) => n.topic.name).filter((t) => TOPIC.test(t)).slice(0, 20),
    publiccodeYml: node.publiccode !== null,
  };
}

/** Same facts apart from when they were read: no need to rewrite the manifest. */
export function sameCrawlFacts(a: CrawlFacts | undefined, b: CrawlFacts): boolean {
  if (!a) return false;
  const { checkedAt: _a, ...restA } = a;
  const { checkedAt: _b, ...restB } = b;
  return JSON.stringify(restA) === JSON.stringify(restB);
}

async function listOrganisation(client: CountingClient, org: string, cache: CrawlCache, logger: Logger): Promise<OrgRepo[]> {
  const repos: OrgRepo[] = [];
  let url: string | null = `/orgs/${encodeURIComponent(org)}/repos?type=public&sort=full_name&per_page=100`;
  const seen = new Set<string>();
  while (url !== null && !seen.has(url)) {
    seen.add(url);
    const cached: CrawlCache['pages'][string] | undefined = cache.pages[url];
    try {
      const response = await client.request(`GET ${url}`, cached ? { headers: { 'if-none-match': cached.etag } } : {});
      const page = z.array(OrgRepoSchema).parse(response.data);
      const next = nextLink(headerOf(response.headers, 'link'));
      const etag = headerOf(response.headers, 'etag');
      if (etag) cache.pages[url] = { etag, repos: page, next };
      repos.push(...page);
      url = next;
    } catch (error) {
      if (isHttpError(error) && error.status === 304 && cached) {
        repos.push(...cached.repos);
        url = cached.next;
        continue;
      }
      if (isHttpError(error) && error.status === 404) {
        logger.warn(`organisation ${org} not found on GitHub; skipped`);
        return repos;
      }
      throw error;
    }
  }
  return repos;
}

/** The rel="next" target of a Link header (RFC 8288), as GitHub sends for pagination. */
export function nextLink(link: string | undefined): string | null {
  if (!link) return null;
  for (const part of link.split(',')) {
    const match = /<([^>]+)>\s*;\s*rel="?([^";]+)"?/.exec(part.trim());
    if (match?.[2]?.split(/\s+/).includes('next')) return match[1] ?? null;
  }
  return null;
}

async function rateBudget(client: CountingClient): Promise<CrawlResult['budget']> {
  try {
    const response = await client.request('GET /rate_limit');
    const parsed = z
      .object({ resources: z.object({ core: z.object({ limit: z.number(), remaining: z.number(), reset: z.number() }), graphql: z.object({ limit: z.number(), remaining: z.number(), reset: z.number() }) }) })
      .safeParse(response.data);
    return parsed.success ? { core: parsed.data.resources.core, graphql: parsed.data.resources.graphql } : undefined;
  } catch {
    return undefined;
  }
}

/** Crawls GitHub for every component and organisation. Throws only when GitHub itself fails (after back-off). */
export async function crawlCatalogue(client: CountingClient, components: readonly Component[], options: CrawlOptions): Promise<CrawlResult> {
  const { clock, logger } = options;
  const cache = options.cache ?? emptyCrawlCache();
  const batchSize = Math.max(1, Math.min(options.batchSize ?? 50, 100));
  const checkedAt = new Date(clock.now()).toISOString();
  const facts = new Map<string, CrawlFacts>();
  const problems: CrawlProblem[] = [];

  const onGitHub: { component: Component; owner: string; name: string }[] = [];
  for (const component of components) {
    const repo = gitHubRepoOf(component.url);
    if (repo) onGitHub.push({ component, ...repo });
    else problems.push({ id: component.id, url: component.url, reason: 'not a github.com repository: facts are not crawled' });
  }

  const batches = chunk(onGitHub, batchSize);
  for (const [i, group] of batches.entries()) {
    logger.info(`repository facts: batch ${i + 1} of ${batches.length} (${group.length} repositories)`);
    const nodes = await batch(client, group, 'RepoFacts');
    group.forEach((entry, j) => {
      const parsed = RepoNodeSchema.safeParse(nodes[j]);
      if (nodes[j] === null) problems.push({ id: entry.component.id, url: entry.component.url, reason: 'repository not found (deleted, renamed away or private)' });
      else if (!parsed.success) problems.push({ id: entry.component.id, url: entry.component.url, reason: `unexpected answer from GitHub: ${parsed.error.issues[0]?.message ?? ''}` });
      else {
        // What GitHub says goes into manifests: it must pass the same schema as everything else.
        const checked = CrawlFactsSchema.safeParse(factsFrom(parsed.data, checkedAt));
        if (checked.success) facts.set(entry.component.id, checked.data);
        else problems.push({ id: entry.component.id, url: entry.component.url, reason: `facts from GitHub fail the manifest schema: ${checked.error.issues[0]?.message ?? ''}` });
      }
    });
  }

  // Discovery: public, non-fork, non-archived repositories in the organisations that are not listed yet.
  const listed = new Set<string>();
  for (const component of components) {
    const canonical = canonicalRepoUrl(component.url);
    if (canonical) listed.add(canonical);
    if (component.crawl) listed.add(canonicalGitHubSlug(component.crawl.repository));
  }
  for (const f of facts.values()) listed.add(canonicalGitHubSlug(f.repository));

  const candidates: (OrgRepo & { organisation: string })[] = [];
  for (const org of options.organisations ?? []) {
    const repos = await listOrganisation(client, org, cache, logger);
    logger.info(`organisation ${org}: ${repos.length} public repositories`);
    for (const r of repos) if (!r.fork && !r.archived && !listed.has(canonicalGitHubSlug(r.full_name))) candidates.push({ ...r, organisation: org });
  }
  const unknown = candidates.filter((c) => cache.publiccode[c.full_name]?.pushedAt !== c.pushed_at);
  for (const group of chunk(unknown, 100)) {
    const slugs = group.map((c) => {
      const [owner = '', name = ''] = c.full_name.split('/');
      return { owner, name };
    });
    const nodes = await batch(client, slugs, 'Presence');
    group.forEach((c, j) => {
      const parsed = PresenceNodeSchema.safeParse(nodes[j]);
      cache.publiccode[c.full_name] = { pushedAt: c.pushed_at, present: parsed.success && parsed.data.publiccode !== null };
    });
  }
  const discovered = candidates
    .filter((c) => cache.publiccode[c.full_name]?.present === true)
    .map((c) => ({ repository: c.full_name, url: c.html_url, organisation: c.organisation, pushedAt: c.pushed_at }))
    .sort((a, b) => (a.repository < b.repository ? -1 : 1));

  const budget = await rateBudget(client);
  return { facts, problems, discovered, stats: client.stats, ...(budget ? { budget } : {}) };
}
