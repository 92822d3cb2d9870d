import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { startHarness, type Harness } from '../../test/github-stand-in/harness.js';
import { ComponentSchema, type Component } from '../catalogue/index.js';
import { crawlCatalogue, emptyCrawlCache, nextLink, repositoryBatchQuery, sameCrawlFacts } from './index.js';

const component = (id: string, url: string): Component =>
  ComponentSchema.parse({
    publiccodeYmlVersion: '0.7',
    id,
    name: id,
    url,
    softwareType: 'library',
    developmentStatus: 'stable',
    categories: ['testing'],
    description: { en: { shortDescription: 'x' } },
    legal: { license: 'MIT' },
    maintenance: { type: 'internal' },
    nhs: {},
  });

let h: Harness;
beforeEach(async () => {
  h = await startHarness();
});
afterEach(async () => {
  await h.standIn.stop();
});

describe('crawlCatalogue: repository facts', () => {
  test('reads facts for every component in GraphQL batches and reports what it could not', async () => {
    h.standIn.addRepo('nhsuk/frontend', { stars: 120, topics: ['nhs', 'design-system', 'Not A Topic!'], pushedAt: '2026-02-01T10:00:00Z' }, { 'publiccode.yml': 'x' });
    h.standIn.addRepo('NHSDigital/old-api', { archived: true, licence: 'NOASSERTION' });
    h.standIn.addRepo('trust/fork-of-frontend', { fork: true, parent: 'nhsuk/frontend', licence: null });
    h.standIn.addRepo('org/new-name');
    h.standIn.renames.set('org/old-name', 'org/new-name');
    const components = [
      component('frontend', 'https://github.com/nhsuk/frontend'),
      component('old-api', 'https://github.com/nhsdigital/old-api.git'),
      component('fork', 'https://github.com/trust/fork-of-frontend'),
      component('renamed', 'https://github.com/org/old-name'),
      component('gone', 'https://github.com/org/deleted'),
      component('gitlab', 'https://gitlab.com/group/tool'),
    ];
    const client = h.client();
    const result = await crawlCatalogue(client, components, { clock: h.clock, logger: h.logger, batchSize: 2 });

    expect(result.facts.get('frontend')).toEqual({
      checkedAt: '2026-03-01T12:00:00.000Z',
      repository: 'nhsuk/frontend',
      licence: 'MIT',
      lastActivity: '2026-02-01T10:00:00Z',
      archived: false,
      fork: false,
      parent: null,
      mirrorUrl: null,
      stars: 120,
      topics: ['nhs', 'design-system'],
      publiccodeYml: true,
    });
    expect(result.facts.get('old-api')).toMatchObject({ archived: true, licence: 'NOASSERTION', repository: 'NHSDigital/old-api' });
    expect(result.facts.get('fork')).toMatchObject({ fork: true, parent: 'nhsuk/frontend', licence: null });
    expect(result.facts.get('renamed')).toMatchObject({ repository: 'org/new-name' });
    expect(result.problems.map((p) => `${p.id}: ${p.reason}`)).toEqual([
      'gitlab: not a github.com repository: facts are not crawled',
      'gone: repository not found (deleted, renamed away or private)',
    ]);
    // 5 GitHub repositories in batches of 2 = 3 GraphQL requests, plus the free GET /rate_limit.
    expect(client.stats).toMatchObject({ graphql: 3, rest: 1, requests: 4, graphqlPoints: 3 });
    expect(result.budget?.graphql.remaining).toBe(5000 - 3);
  });

  test('hostile values from GitHub do not reach manifests', async () => {
    h.standIn.addRepo('org/mirror', { isMirror: true, mirrorUrl: 'javascript:alert(1)', topics: ['<script>'] });
    h.standIn.addRepo('org/real-mirror', { isMirror: true, mirrorUrl: 'https://gitlab.com/org/tool.git' });
    const result = await crawlCatalogue(h.client(), [component('m', 'https://github.com/org/mirror'), component('r', 'https://github.com/org/real-mirror')], { clock: h.clock, logger: h.logger });
    expect(result.facts.get('m')).toMatchObject({ mirrorUrl: null, topics: [] });
    expect(result.facts.get('r')?.mirrorUrl).toBe('https://gitlab.com/org/tool.git');
  });

  test('sameCrawlFacts ignores only checkedAt', async () => {
    h.standIn.addRepo('nhsuk/frontend');
    const c = [component('frontend', 'https://github.com/nhsuk/frontend')];
    const first = (await crawlCatalogue(h.client(), c, { clock: h.clock, logger: h.logger })).facts.get('frontend');
    await h.clock.sleep(86_400_000);
    const second = (await crawlCatalogue(h.client(), c, { clock: h.clock, logger: h.logger })).facts.get('frontend');
    expect(second?.checkedAt).not.toBe(first?.checkedAt);
    expect(second && sameCrawlFacts(first, second)).toBe(true);
    expect(second && sameCrawlFacts(first, { ...second, stars: 9 })).toBe(false);
  });
});

describe('crawlCatalogue: organisation discovery', () => {
  function seedOrg() {
    for (let i = 0; i < 230; i++) {
      const name = `nhsengland/repo-${String(i).padStart(3, '0')}`;
      h.standIn.addRepo(name, { fork: i === 7, archived: i === 8 }, i % 50 === 7 || i === 8 ? { 'publiccode.yml': 'publiccodeYmlVersion: "0.4"' } : {});
    }
  }

  test('lists every page (Link rel="next"), checks publiccode.yml in batches and skips listed, fork and archived repositories', async () => {
    seedOrg();
    const listed = [component('listed', 'https://github.com/NHSEngland/repo-057')];
    const cache = emptyCrawlCache();
    const client = h.client();
    const result = await crawlCatalogue(client, listed, { clock: h.clock, logger: h.logger, organisations: ['nhsengland', 'no-such-org'], cache });
    // publiccode.yml in 007 (fork), 008 (archived), 057 (listed), 107, 157, 207.
    expect(result.discovered.map((d) => d.repository)).toEqual(['nhsengland/repo-107', 'nhsengland/repo-157', 'nhsengland/repo-207']);
    expect(result.discovered[0]).toMatchObject({ url: 'https://github.com/nhsengland/repo-107', organisation: 'nhsengland' });
    expect(h.standIn.count('GET', /^\/orgs\/nhsengland\/repos/)).toBe(3);
    // 1 facts batch + ceil(227 candidates / 100) presence batches.
    expect(client.stats.graphql).toBe(1 + 3);
    expect(h.logger.lines).toContain('warn organisation no-such-org not found on GitHub; skipped');
  });

  test('a second run with the cache gets 304s for unchanged pages and re-checks only repositories pushed since', async () => {
    seedOrg();
    const cache = emptyCrawlCache();
    await crawlCatalogue(h.client(), [], { clock: h.clock, logger: h.logger, organisations: ['nhsengland'], cache });
    const coreBefore = h.standIn.core.remaining;
    const repo = h.standIn.repos.get('nhsengland/repo-120');
    if (repo) {
      repo.pushedAt = '2026-02-28T00:00:00Z';
      repo.commits.get(repo.refs.get('main') ?? '')?.set('publiccode.yml', 'x');
    }
    const client = h.client();
    const again = await crawlCatalogue(client, [], { clock: h.clock, logger: h.logger, organisations: ['nhsengland'], cache: JSON.parse(JSON.stringify(cache)) as typeof cache });
    // Page 2 changed (repo-120's pushed_at), pages 1 and 3 did not.
    expect(client.stats.notModified).toBe(2);
    expect(h.standIn.core.remaining).toBe(coreBefore - 1);
    expect(client.stats.graphql).toBe(1);
    expect(again.discovered.map((d) => d.repository)).toContain('nhsengland/repo-120');
  });
});

describe('helpers', () => {
  test('nextLink reads GitHub Link headers', () => {
    expect(nextLink('<https://api.github.com/orgs/x/repos?page=2>; rel="next", <https://api.github.com/orgs/x/repos?page=5>; rel="last"')).toBe('https://api.github.com/orgs/x/repos?page=2');
    expect(nextLink('<https://api.github.com/orgs/x/repos?page=1>; rel="first"')).toBeNull();
    expect(nextLink(undefined)).toBeNull();
  });

  test('batch queries alias each repository and ask for their own cost', () => {
    const q = repositoryBatchQuery(2, 'RepoFacts');
    expect(q).toContain('r1: repository(owner: $o1, name: $n1) { ...RepoFacts }');
    expect(q).toContain('rateLimit { cost remaining resetAt }');
  });
});
