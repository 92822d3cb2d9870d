/**
 * `wheelhouse catalogue check|build|crawl|publish` (issue 5). The logic is in @wheelhouse/shared/catalogue
 * and @wheelhouse/shared/github; this file reads files, builds the Octokit client and prints.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { Octokit } from 'octokit';
import {
  buildCatalogue,
  checkCatalogue,
  componentJsonSchema,
  formatCheckIssue,
  manifestBaseName,
  parseOrganisationsFile,
  setCrawlFacts,
  sha256Hex,
  type CheckResult,
  type ManifestSource,
} from '@wheelhouse/shared/catalogue';
import {
  crawlCatalogue,
  CrawlCacheSchema,
  emptyCrawlCache,
  ManifestInvalidError,
  PublishError,
  publishManifest,
  RateLimitExhaustedError,
  describeGitHubError,
  sameCrawlFacts,
  withBackoff,
  type Clock,
  type CountingClient,
  type CrawlCache,
  type Logger,
  type RequestStats,
} from '@wheelhouse/shared/github';
import { buildIndex } from '@wheelhouse/shared/matching';
import { ConfigFileError, loadConfig, readManifestDir, readManifestFile, writeBuiltFiles, writeTextFile } from '@wheelhouse/shared/node';
import { UsageError, type Command, type CommandIO } from './command.js';

const usage = `Usage: wheelhouse catalogue <check|build|crawl|publish> [options]

  check [files...]        Check manifests: schema, id = file name, unique ids, SPDX licence, URL shape,
                          duplicate repositories (case, .git, www, renames, mirrors), forks of listed ones.
                          Prints file:line:col: severity rule: message. Exit 0 clean or warnings only,
                          1 errors, 2 unreadable input.
  build                   Check, then write catalogue.json, search-index.json, version.json and
                          component.schema.json to --out. Same manifests, same bytes.
  crawl                   Refresh licence, last activity, archived, stars and topics of every component from
                          GitHub (GraphQL batches), rewrite manifests whose facts changed, list repositories
                          with a publiccode.yml in the organisations file (REST + ETags), report requests spent.
  publish <manifest>      Check one manifest, fork the catalogue repository, branch, commit and open a pull
                          request with a checklist. Removes what it made if a step fails.

Options:
  --dir <path>            Manifests folder (default: catalogue/components at or above the working directory)
  --format <text|json>    check: output format (default text)
  --out <path>            build: output folder (default: catalogue/dist beside --dir)
  --organisations <file>  crawl: organisations file (default: catalogue/organisations.yaml beside --dir)
  --cache <file>          crawl: ETag and publiccode.yml cache (default: catalogue/.cache/crawl.json)
  --discovered <file>     crawl: where to write discovered repositories (default: <out>/discovered.json)
  --batch-size <n>        crawl: repositories per GraphQL query (default 50)
  --repository <o/n>      publish: catalogue repository (default: config catalogue.repository)
  --dry-run               crawl: write nothing; publish: check and plan, no writes on GitHub
  --api-url <url>         GitHub API base URL (default https://api.github.com; tests use a local stand-in)

Token (crawl, publish): GITHUB_TOKEN, else GH_TOKEN, else \`gh auth token\`.`;

const SUBCOMMANDS = ['check', 'build', 'crawl', 'publish'] as const;
type Subcommand = (typeof SUBCOMMANDS)[number];

type Values = {
  dir?: string | undefined;
  format?: string | undefined;
  out?: string | undefined;
  organisations?: string | undefined;
  cache?: string | undefined;
  discovered?: string | undefined;
  'batch-size'?: string | undefined;
  repository?: string | undefined;
  'dry-run'?: boolean | undefined;
  'api-url'?: string | undefined;
};

function parse(args: readonly string[]): { sub: Subcommand; values: Values; positionals: string[] } {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...args],
      allowPositionals: true,
      strict: true,
      options: {
        dir: { type: 'string' },
        format: { type: 'string' },
        out: { type: 'string' },
        organisations: { type: 'string' },
        cache: { type: 'string' },
        discovered: { type: 'string' },
        'batch-size': { type: 'string' },
        repository: { type: 'string' },
        'dry-run': { type: 'boolean' },
        'api-url': { type: 'string' },
      },
    });
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  const [sub, ...positionals] = parsed.positionals;
  if (sub === undefined) throw new UsageError('say which: check, build, crawl or publish');
  if (!(SUBCOMMANDS as readonly string[]).includes(sub)) throw new UsageError(`unknown catalogue command "${sub}"; use check, build, crawl or publish`);
  const values = parsed.values;
  if (values.format !== undefined && values.format !== 'text' && values.format !== 'json') throw new UsageError(`--format must be text or json, not "${values.format}"`);
  if (values['api-url'] !== undefined && !/^https?:\/\/[^\s]+$/.test(values['api-url'])) throw new UsageError(`--api-url must be an http(s) URL, not "${values['api-url']}"`);
  return { sub: sub as Subcommand, values, positionals };
}

/** Nearest catalogue/components at or above `cwd`. */
function defaultDir(cwd: string): string {
  for (let dir = resolve(cwd); ; dir = dirname(dir)) {
    const candidate = join(dir, 'catalogue', 'components');
    if (existsSync(candidate) && statSync(candidate).isDirectory()) return candidate;
    if (dirname(dir) === dir) return join(resolve(cwd), 'catalogue', 'components');
  }
}

/** Reports on stderr, so stdout stays machine-readable. */
function stderrLogger(io: CommandIO): Logger {
  return { info: (m) => io.stderr(`  ${m}\n`), warn: (m) => io.stderr(`  warning: ${m}\n`) };
}

const realClock: Clock = {
  now: () => Date.now(),
  sleep: (ms) => new Promise((done) => setTimeout(done, ms)),
};

/** GITHUB_TOKEN, GH_TOKEN, or what the GitHub CLI holds; undefined when none. */
export function findToken(env: CommandIO['env']): string | undefined {
  const fromEnv = env.GITHUB_TOKEN?.trim() || env.GH_TOKEN?.trim();
  if (fromEnv) return fromEnv;
  try {
    const token = execFileSync('gh', ['auth', 'token'], { encoding: 'utf8', timeout: 10_000, stdio: ['ignore', 'pipe', 'ignore'], env: { ...env } }).trim();
    return token || undefined;
  } catch {
    return undefined;
  }
}

function githubClient(token: string, apiUrl: string | undefined, io: CommandIO): CountingClient {
  const octokit = new Octokit({
    auth: token,
    baseUrl: apiUrl ?? 'https://api.github.com',
    userAgent: 'wheelhouse-catalogue',
    // Back-off is done by withBackoff (shared/src/github/backoff.ts) on an injectable clock.
    throttle: { enabled: false },
    retry: { enabled: false },
    log: { debug: () => undefined, info: () => undefined, warn: () => undefined, error: () => undefined },
  });
  return withBackoff(octokit, { clock: realClock, logger: stderrLogger(io) });
}

function readSources(values: Values, positionals: readonly string[], io: CommandIO): { dir: string; sources: ManifestSource[] } {
  const dir = values.dir !== undefined ? resolve(io.cwd, values.dir) : defaultDir(io.cwd);
  if (positionals.length > 0) return { dir, sources: positionals.map((p) => readManifestFile(resolve(io.cwd, p), io.cwd)) };
  return { dir, sources: readManifestDir(dir, io.cwd) };
}

function printIssues(result: CheckResult, io: CommandIO): void {
  for (const issue of result.issues) io.stdout(`${formatCheckIssue(issue)}\n`);
}

function summary(result: CheckResult, files: number): string {
  return `${files} manifest(s): ${result.errorCount} error(s), ${result.warningCount} warning(s)\n`;
}

function runCheck(values: Values, positionals: readonly string[], io: CommandIO): number {
  const { sources } = readSources(values, positionals, io);
  const result = checkCatalogue(sources);
  if (values.format === 'json') {
    io.stdout(`${JSON.stringify({ manifests: sources.length, errors: result.errorCount, warnings: result.warningCount, issues: result.issues }, null, 2)}\n`);
  } else {
    printIssues(result, io);
    io.stderr(summary(result, sources.length));
  }
  return result.errorCount > 0 ? 1 : 0;
}

function runBuild(values: Values, io: CommandIO): number {
  const { dir, sources } = readSources(values, [], io);
  const result = checkCatalogue(sources);
  if (result.errorCount > 0) {
    printIssues(result, io);
    io.stderr(`wheelhouse catalogue build: ${summary(result, sources.length)}fix the errors; nothing was written\n`);
    return 1;
  }
  const out = values.out !== undefined ? resolve(io.cwd, values.out) : join(dirname(dir), 'dist');
  const built = buildCatalogue(result.components, { searchIndex: buildIndex });
  const schemaText = `${JSON.stringify(componentJsonSchema(), null, 2)}\n`;
  const files = [...built.files, { name: 'component.schema.json', text: schemaText, sha256: sha256Hex(schemaText) }];
  writeBuiltFiles(out, files);
  for (const f of files) io.stdout(`${join(out, f.name)}  sha256:${f.sha256}\n`);
  io.stderr(`${built.catalogue.count} components, content hash ${built.catalogue.contentHash}${result.warningCount > 0 ? ` (${result.warningCount} warning(s); run check)` : ''}\n`);
  return 0;
}

function readOrganisations(file: string): string[] {
  if (!existsSync(file)) return [];
  return parseOrganisationsFile(readFileSync(file, 'utf8'), file);
}

function readCache(file: string, logger: Logger): CrawlCache {
  if (!existsSync(file)) return emptyCrawlCache();
  try {
    return CrawlCacheSchema.parse(JSON.parse(readFileSync(file, 'utf8')));
  } catch {
    logger.warn(`ignoring unreadable crawl cache ${file}`);
    return emptyCrawlCache();
  }
}

function statsLine(stats: RequestStats): string {
  return (
    `requests: ${stats.requests} (REST ${stats.rest}, of which ${stats.notModified} not modified; GraphQL ${stats.graphql} = ${stats.graphqlPoints} point(s)); ` +
    `retries ${stats.retries}, waited ${Math.round(stats.waitedMs / 1000)} s\n`
  );
}

async function runCrawl(values: Values, io: CommandIO): Promise<number> {
  const { dir, sources } = readSources(values, [], io);
  const check = checkCatalogue(sources);
  if (check.errorCount > 0) {
    printIssues(check, io);
    io.stderr(`wheelhouse catalogue crawl: fix the check errors first (${check.errorCount})\n`);
    return 1;
  }
  const token = findToken(io.env);
  if (!token) {
    io.stderr('wheelhouse catalogue crawl: no GitHub token: set GITHUB_TOKEN or run `gh auth login`\n');
    return 2;
  }
  const logger = stderrLogger(io);
  const root = dirname(dir);
  const organisationsFile = values.organisations !== undefined ? resolve(io.cwd, values.organisations) : join(root, 'organisations.yaml');
  const cacheFile = values.cache !== undefined ? resolve(io.cwd, values.cache) : join(root, '.cache', 'crawl.json');
  const discoveredFile = values.discovered !== undefined ? resolve(io.cwd, values.discovered) : join(root, 'dist', 'discovered.json');
  const batchSize = values['batch-size'] !== undefined ? Number(values['batch-size']) : 50;
  if (!Number.isInteger(batchSize) || batchSize < 1 || batchSize > 100) throw new UsageError(`--batch-size must be 1 to 100, not "${values['batch-size']}"`);

  const cache = readCache(cacheFile, logger);
  const client = githubClient(token, values['api-url'], io);
  let result;
  try {
    result = await crawlCatalogue(client, check.components, { organisations: readOrganisations(organisationsFile), cache, batchSize, clock: realClock, logger });
  } catch (error) {
    const message = error instanceof RateLimitExhaustedError ? error.message : describeGitHubError(error, 'crawl');
    io.stderr(`wheelhouse catalogue crawl: ${message}\n`);
    io.stderr(statsLine(client.stats));
    return 2;
  }

  const byId = new Map(sources.map((s) => [manifestBaseName(s.path), s]));
  let changed = 0;
  for (const component of check.components) {
    const facts = result.facts.get(component.id);
    const source = byId.get(component.id);
    if (!facts || !source || sameCrawlFacts(component.crawl, facts)) continue;
    changed++;
    if (!values['dry-run']) writeTextFile(resolve(io.cwd, source.path), setCrawlFacts(source.text, facts));
  }
  if (!values['dry-run']) {
    writeBuiltFiles(dirname(discoveredFile), [{ name: discoveredFile.split(/[\\/]/).pop() ?? 'discovered.json', text: `${JSON.stringify(result.discovered, null, 2)}\n`, sha256: '' }]);
    writeBuiltFiles(dirname(cacheFile), [{ name: cacheFile.split(/[\\/]/).pop() ?? 'crawl.json', text: JSON.stringify(cache), sha256: '' }]);
  }
  for (const p of result.problems) io.stdout(`problem ${p.id}: ${p.reason} (${p.url})\n`);
  for (const d of result.discovered) io.stdout(`discovered ${d.repository}: carries a publiccode.yml, not in the catalogue (${d.url})\n`);
  io.stdout(
    `${check.components.length} components: ${result.facts.size} crawled, ${changed} with changed facts${values['dry-run'] ? ' (dry run: nothing written)' : ''}; ` +
      `${result.problems.length} problem(s); ${result.discovered.length} discovered\n`,
  );
  io.stdout(statsLine(result.stats));
  if (result.budget) {
    io.stdout(`rate limit left: core ${result.budget.core.remaining}/${result.budget.core.limit}, graphql ${result.budget.graphql.remaining}/${result.budget.graphql.limit}\n`);
  }
  return 0;
}

async function runPublish(values: Values, positionals: readonly string[], io: CommandIO): Promise<number> {
  if (positionals.length !== 1) throw new UsageError('publish takes exactly one manifest file');
  const manifest = readManifestFile(resolve(io.cwd, positionals[0] ?? ''), io.cwd);
  let repository = values.repository;
  if (repository === undefined) {
    try {
      repository = loadConfig(io.cwd).config.catalogue.repository;
    } catch (error) {
      io.stderr(`wheelhouse catalogue publish: ${error instanceof ConfigFileError ? error.message : String(error)}\n`);
      return 2;
    }
  }
  if (!/^[A-Za-z0-9_.-]+\/[A-Za-z0-9_.-]+$/.test(repository)) throw new UsageError(`--repository must be owner/name, not "${repository}"`);
  const dryRun = values['dry-run'] === true;
  const token = findToken(io.env);
  if (!token && !dryRun) {
    io.stderr('wheelhouse catalogue publish: no GitHub token: set GITHUB_TOKEN or run `gh auth login`\n');
    return 2;
  }
  const client = token ? githubClient(token, values['api-url'], io) : undefined;
  try {
    const result = await publishManifest(client, manifest, { repository, dryRun, clock: realClock, logger: stderrLogger(io) });
    for (const w of result.warnings) io.stderr(`${formatCheckIssue(w)}\n`);
    if (result.dryRun) {
      io.stdout(`dry run: would open "${result.plan.title}" on ${result.plan.upstream} from branch ${result.plan.branch} adding ${result.plan.path}${client ? '' : ' (token not checked: none found)'}\n\n${result.plan.body}\n`);
    } else {
      io.stdout(`${result.pullRequestUrl ?? ''}\n`);
    }
    if (result.stats) io.stderr(statsLine(result.stats));
    return 0;
  } catch (error) {
    if (error instanceof ManifestInvalidError) {
      for (const issue of error.issues) io.stdout(`${formatCheckIssue(issue)}\n`);
      io.stderr('wheelhouse catalogue publish: the manifest has errors; nothing was sent to GitHub\n');
      return 1;
    }
    if (error instanceof PublishError) {
      io.stderr(`wheelhouse catalogue publish: ${error.message}\n`);
      return 2;
    }
    throw error;
  }
}

export const catalogueCommand: Command = {
  name: 'catalogue',
  usage,
  async run(args: readonly string[], io: CommandIO): Promise<number> {
    const { sub, values, positionals } = parse(args);
    // Unreadable files and a broken organisations file throw named errors; the CLI prints them and exits 2.
    switch (sub) {
      case 'check':
        return runCheck(values, positionals, io);
      case 'build':
        if (positionals.length > 0) throw new UsageError('build takes no file arguments; use --dir');
        return runBuild(values, io);
      case 'crawl':
        if (positionals.length > 0) throw new UsageError('crawl takes no file arguments; use --dir');
        return await runCrawl(values, io);
      case 'publish':
        return await runPublish(values, positionals, io);
    }
  },
};
