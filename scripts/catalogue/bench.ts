/**
 * Catalogue at scale: check and build time for 10,000 components, and what a crawl of 10,000 components
 * and 500 organisations costs in GitHub API requests, measured against the local GitHub stand-in.
 *
 *   pnpm exec tsc -b && pnpm exec node scripts/catalogue/bench.ts [--components 10000] [--orgs 500]
 *
 * Synthetic components are copies of the committed manifests under new ids and repository URLs, so their
 * size and shape are real. Figures go to BENCHMARKS.md by hand.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { buildCatalogue, checkCatalogue, type ManifestSource } from '../../shared/dist/catalogue/index.js';
import { crawlCatalogue, emptyCrawlCache, withBackoff, type CrawlCache, type GitHubClient } from '../../shared/dist/github/index.js';
import { buildIndex } from '../../shared/dist/matching/index.js';
import { GitHubStandIn } from '../../shared/test/github-stand-in/server.ts';

const { values } = parseArgs({ options: { components: { type: 'string', default: '10000' }, orgs: { type: 'string', default: '500' } } });
const N = Number(values.components);
const ORGS = Number(values.orgs);

const dir = new URL('../../catalogue/components/', import.meta.url);
const real = readdirSync(dir)
  .filter((n) => n.endsWith('.yaml'))
  .map((n) => ({ id: n.replace(/\.yaml$/, ''), text: readFileSync(new URL(n, dir), 'utf8') }));

// Component i lives in organisation i % ORGS, so every organisation lists N / ORGS catalogued repositories.
const slug = (i: number) => ({ owner: `org-${String(i % ORGS).padStart(3, '0')}`, name: `repo-${String(i).padStart(5, '0')}` });
const sources: ManifestSource[] = Array.from({ length: N }, (_, i) => {
  const base = real[i % real.length] ?? { id: 'x', text: '' };
  const id = `${base.id}-${i}`;
  const { owner, name } = slug(i);
  const text = base.text.replace(/^id: .*$/m, `id: ${id}`).replace(/^url: .*$/m, `url: https://github.com/${owner}/${name}`);
  return { path: `catalogue/components/${id}.yaml`, text };
});

const mb = (bytes: number) => `${(bytes / 1_048_576).toFixed(1)} MB`;
let t = performance.now();
const check = checkCatalogue(sources);
const checkMs = performance.now() - t;
t = performance.now();
const built = buildCatalogue(check.components, { searchIndex: buildIndex });
const buildMs = performance.now() - t;
const size = (name: string) => Buffer.byteLength(built.files.find((f) => f.name === name)?.text ?? '');
process.stdout.write(`check: ${N} manifests in ${(checkMs / 1000).toFixed(1)} s (${check.errorCount} errors, ${check.warningCount} warnings)\n`);
process.stdout.write(`build: ${(buildMs / 1000).toFixed(1)} s; catalogue.json ${mb(size('catalogue.json'))}, search-index.json ${mb(size('search-index.json'))}\n`);
process.stdout.write(`memory: heap used ${mb(process.memoryUsage().heapUsed)}, rss ${mb(process.memoryUsage().rss)}\n`);

// Crawl cost: every catalogued repository exists; each organisation also has 5 uncatalogued repositories,
// one of which carries a publiccode.yml.
const requireFromLs = createRequire(new URL('../../language-server/package.json', import.meta.url));
const { Octokit } = (await import(requireFromLs.resolve('octokit'))) as { Octokit: new (options: Record<string, unknown>) => GitHubClient };
const standIn = new GitHubStandIn({ coreLimit: 1_000_000, graphqlLimit: 1_000_000 });
await standIn.start();
standIn.addUser('bench', 'bench');
for (let i = 0; i < N; i++) {
  const { owner, name } = slug(i);
  standIn.addRepo(`${owner}/${name}`);
}
for (let o = 0; o < ORGS; o++) {
  for (let k = 0; k < 5; k++) standIn.addRepo(`org-${String(o).padStart(3, '0')}/extra-${k}`, {}, k === 0 ? { 'publiccode.yml': 'x' } : {});
}
const organisations = Array.from({ length: ORGS }, (_, o) => `org-${String(o).padStart(3, '0')}`);
const clock = { now: () => Date.now(), sleep: (ms: number) => new Promise<void>((done) => setTimeout(done, ms)) };
const logger = { info: () => undefined, warn: (m: string) => process.stderr.write(`${m}\n`) };
const cache: CrawlCache = emptyCrawlCache();
for (const run of ['first run (empty cache)', 'second run (cache, nothing changed)']) {
  const client = withBackoff(new Octokit({ auth: 'bench', baseUrl: standIn.url, throttle: { enabled: false }, retry: { enabled: false } }), { clock, logger });
  const coreBefore = standIn.core.remaining;
  t = performance.now();
  const result = await crawlCatalogue(client, check.components, { organisations, cache, clock, logger });
  const s = result.stats;
  process.stdout.write(
    `crawl, ${run}: ${s.requests} requests = REST ${s.rest} (${s.notModified} answered 304) + GraphQL ${s.graphql} (${s.graphqlPoints} points); ` +
      `core limit spent ${coreBefore - standIn.core.remaining}; ${result.discovered.length} discovered; ${((performance.now() - t) / 1000).toFixed(1)} s against the local stand-in\n`,
  );
}
await standIn.stop();
