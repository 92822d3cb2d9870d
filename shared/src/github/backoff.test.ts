import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { startHarness, type Harness } from '../../test/github-stand-in/harness.js';
import { RateLimitExhaustedError, retryDelay } from './index.js';

let h: Harness;
beforeEach(async () => {
  h = await startHarness();
  h.standIn.addRepo('nhs/tool');
});
afterEach(async () => {
  await h.standIn.stop();
});

const getRepo = (client = h.client()) => client.request('GET /repos/{owner}/{repo}', { owner: 'nhs', repo: 'tool' });

describe('withBackoff against the stand-in', () => {
  test('403 secondary limit with retry-after: waits that long, then succeeds', async () => {
    h.standIn.inject({ path: /^\/repos\/nhs\/tool$/, kind: 'secondary', retryAfter: 30, times: 1 });
    const client = h.client();
    const response = await getRepo(client);
    expect(response.status).toBe(200);
    expect(h.clock.slept).toEqual([30_000]);
    expect(client.stats).toMatchObject({ requests: 2, rest: 2, retries: 1, waitedMs: 30_000 });
    expect(h.logger.lines.join('\n')).toContain('secondary rate limit');
  });

  test('429 with retry-after is a secondary limit too', async () => {
    h.standIn.inject({ path: /^\/repos\/nhs\/tool$/, kind: 'secondary-429', retryAfter: 5, times: 2 });
    await getRepo();
    expect(h.clock.slept).toEqual([5_000, 5_000]);
  });

  test('secondary limit without retry-after waits at least a minute, doubling', async () => {
    h.standIn.inject({ path: /^\/repos\/nhs\/tool$/, kind: 'secondary-no-header', times: 2 });
    await getRepo();
    expect(h.clock.slept).toEqual([60_000, 120_000]);
  });

  test('primary limit: waits until x-ratelimit-reset, then the window is fresh', async () => {
    h.standIn.inject({ path: /^\/repos\/nhs\/tool$/, kind: 'primary', retryAfter: 120, times: 1 });
    const client = h.client();
    await getRepo(client);
    expect(h.clock.slept).toHaveLength(1);
    expect(h.clock.slept[0]).toBeGreaterThanOrEqual(120_000);
    expect(h.clock.slept[0]).toBeLessThanOrEqual(122_000);
    expect(h.standIn.log.map((l) => l.status)).toEqual([403, 200]);
  });

  test('primary limit resetting later than we wait: RateLimitExhaustedError with the reset time', async () => {
    h.standIn.inject({ path: /^\/repos\/nhs\/tool$/, kind: 'primary', retryAfter: 3600, times: 1 });
    await expect(getRepo(h.client('good-token', { maxWaitMs: 60_000 }))).rejects.toBeInstanceOf(RateLimitExhaustedError);
    expect(h.clock.slept).toEqual([]);
  });

  test('5xx is retried with exponential back-off; 404 and 422 are not retried', async () => {
    h.standIn.inject({ path: /^\/repos\/nhs\/tool$/, kind: 'server', times: 2 });
    await getRepo();
    expect(h.clock.slept).toEqual([1_000, 2_000]);
    const client = h.client();
    await expect(client.request('GET /repos/{owner}/{repo}', { owner: 'nhs', repo: 'missing' })).rejects.toMatchObject({ status: 404 });
    await expect(client.request('POST /repos/{owner}/{repo}/git/refs', { owner: 'nhs', repo: 'tool', ref: 'bad', sha: 'x' })).rejects.toMatchObject({ status: 422 });
    expect(client.stats.retries).toBe(0);
  });

  test('gives up after maxRetries and throws the last error', async () => {
    h.standIn.inject({ path: /^\/repos\/nhs\/tool$/, kind: 'server', times: 10 });
    await expect(getRepo()).rejects.toMatchObject({ status: 502 });
    expect(h.clock.slept).toHaveLength(4);
  });

  test('GraphQL RATE_LIMITED answers wait for the GraphQL window', async () => {
    await h.standIn.stop();
    h = await startHarness({ graphqlLimit: 1 });
    h.standIn.addRepo('nhs/tool');
    const client = h.client('good-token', { maxWaitMs: 2 * 3_600_000 });
    const query = 'query { rateLimit { cost remaining resetAt } r0: repository(owner: $o0, name: $n0) { ...Presence } } fragment Presence on Repository { nameWithOwner }';
    await client.graphql(query, { o0: 'nhs', n0: 'tool' });
    await client.graphql(query, { o0: 'nhs', n0: 'tool' });
    expect(h.clock.slept).toHaveLength(1);
    expect(h.clock.slept[0]).toBeGreaterThan(3_000_000);
    expect(client.stats).toMatchObject({ graphql: 3, graphqlPoints: 2 });
    // With the default 15-minute ceiling the same answer is a clear error, not an hour-long hang.
    await expect(h.client().graphql(query, { o0: 'nhs', n0: 'tool' }).then(() => h.client().graphql(query, { o0: 'nhs', n0: 'tool' }))).rejects.toBeInstanceOf(RateLimitExhaustedError);
  });
});

describe('retryDelay', () => {
  test('reads GitHub headers', () => {
    expect(retryDelay(403, { 'retry-after': '7' }, '', 0, 0)?.ms).toBe(7000);
    expect(retryDelay(403, { 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': '100' }, '', 0, 40_000)?.ms).toBe(61_000);
    expect(retryDelay(403, {}, 'Resource not accessible by integration', 0, 0)).toBeUndefined();
    expect(retryDelay(404, {}, '', 0, 0)).toBeUndefined();
  });
});
