/**
 * Rate-limit and secondary-limit back-off around a GitHubClient, following GitHub's guidance
 * (https://docs.github.com/en/rest/using-the-rest-api/best-practices-for-using-the-rest-api):
 * on 403/429 with `retry-after`, wait that long; with `x-ratelimit-remaining: 0`, wait until
 * `x-ratelimit-reset`; on a secondary limit without either, wait at least a minute, doubling;
 * retry 5xx a few times. Every HTTP round trip is counted so commands can report what they spent.
 */
import {
  headerOf,
  isGraphqlError,
  isHttpError,
  RateLimitExhaustedError,
  type Clock,
  type GitHubClient,
  type GitHubResponse,
  type Logger,
} from './client.js';

export interface RequestStats {
  /** HTTP round trips, including retries and 304s. */
  requests: number;
  rest: number;
  graphql: number;
  /** 304 Not Modified answers (free against the primary rate limit). */
  notModified: number;
  retries: number;
  waitedMs: number;
  /** Sum of GraphQL `rateLimit.cost` where queries asked for it. */
  graphqlPoints: number;
}

export interface BackoffOptions {
  readonly clock: Clock;
  readonly logger: Logger;
  /** Retries per request for limits and 5xx (default 4). */
  readonly maxRetries?: number;
  /** Longest single wait before giving up with RateLimitExhaustedError (default 15 minutes). */
  readonly maxWaitMs?: number;
}

export interface CountingClient extends GitHubClient {
  readonly stats: RequestStats;
}

const SECONDARY_MINIMUM_MS = 60_000;

export function emptyStats(): RequestStats {
  return { requests: 0, rest: 0, graphql: 0, notModified: 0, retries: 0, waitedMs: 0, graphqlPoints: 0 };
}

type Headers = Readonly<Record<string, string | number | undefined>> | undefined;

/** How long to wait before retrying, or undefined when the failure is not worth retrying. */
export function retryDelay(status: number, headers: Headers, message: string, attempt: number, now: number): { ms: number; kind: string; resetAt?: number; resource?: string } | undefined {
  const retryAfter = headerOf(headers, 'retry-after');
  const remaining = headerOf(headers, 'x-ratelimit-remaining');
  const reset = headerOf(headers, 'x-ratelimit-reset');
  if (status === 403 || status === 429) {
    if (retryAfter !== undefined && /^\d+$/.test(retryAfter)) return { ms: Number(retryAfter) * 1000, kind: 'secondary rate limit (retry-after)' };
    if (remaining === '0' && reset !== undefined && /^\d+$/.test(reset)) {
      const resetAt = Number(reset) * 1000;
      return { ms: Math.max(resetAt - now, 0) + 1000, kind: 'primary rate limit', resetAt, resource: headerOf(headers, 'x-ratelimit-resource') ?? 'core' };
    }
    if (status === 429 || /secondary rate limit|abuse/i.test(message)) return { ms: SECONDARY_MINIMUM_MS * 2 ** attempt, kind: 'secondary rate limit' };
    return undefined;
  }
  if (status === 500 || status === 502 || status === 503 || status === 504) return { ms: 1000 * 2 ** attempt, kind: `server error ${status}` };
  return undefined;
}

/** Wraps `inner` with counting and back-off. Errors that are not limits pass straight through. */
export function withBackoff(inner: GitHubClient, options: BackoffOptions): CountingClient {
  const stats = emptyStats();
  const maxRetries = options.maxRetries ?? 4;
  const maxWaitMs = options.maxWaitMs ?? 15 * 60_000;
  const { clock, logger } = options;

  async function attempt<T>(label: string, kind: 'rest' | 'graphql', call: () => Promise<T>): Promise<T> {
    for (let tries = 0; ; tries++) {
      stats.requests++;
      stats[kind]++;
      try {
        return await call();
      } catch (error) {
        let status: number | undefined;
        let headers: Headers;
        let message = '';
        if (isHttpError(error)) {
          status = error.status;
          headers = error.response?.headers;
          const body = error.response?.data as { message?: unknown } | undefined;
          message = typeof body?.message === 'string' ? body.message : error.message;
          if (status === 304) stats.notModified++;
        } else if (isGraphqlError(error) && error.errors.some((e) => e.type === 'RATE_LIMITED')) {
          // GraphQL reports its own limit in a 200 answer.
          status = 403;
          headers = error.headers;
          message = 'rate limited';
          if (headerOf(headers, 'x-ratelimit-remaining') === undefined) headers = { ...headers, 'retry-after': '60' };
        }
        const delay = status === undefined ? undefined : retryDelay(status, headers, message, tries, clock.now());
        if (!delay || tries >= maxRetries) throw error;
        if (delay.ms > maxWaitMs) {
          if (delay.resetAt !== undefined) throw new RateLimitExhaustedError(delay.resetAt, delay.resource ?? 'core');
          throw error;
        }
        logger.warn(`${label}: ${delay.kind}; waiting ${Math.ceil(delay.ms / 1000)} s before retry ${tries + 1} of ${maxRetries}`);
        stats.retries++;
        stats.waitedMs += delay.ms;
        await clock.sleep(delay.ms);
      }
    }
  }

  return {
    stats,
    request(route, parameters) {
      return attempt<GitHubResponse>(route, 'rest', () => inner.request(route, parameters));
    },
    async graphql(query, variables) {
      const countCost = (data: unknown) => {
        const cost = (data as { rateLimit?: { cost?: unknown } } | null | undefined)?.rateLimit?.cost;
        if (typeof cost === 'number') stats.graphqlPoints += cost;
      };
      try {
        const data = await attempt('POST /graphql', 'graphql', () => inner.graphql(query, variables));
        countCost(data);
        return data;
      } catch (error) {
        // Partial answers (e.g. one repository NOT_FOUND) still cost points.
        if (isGraphqlError(error)) countCost(error.data);
        throw error;
      }
    },
  };
}
