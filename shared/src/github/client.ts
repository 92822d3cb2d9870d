/**
 * The slice of Octokit the catalogue uses, as an interface: an `Octokit` instance (package `octokit`) fits
 * it, tests point one at the local stand-in, and this module stays free of Node and of the SDK itself.
 */

export interface GitHubResponse<T = unknown> {
  readonly status: number;
  readonly url: string;
  readonly headers: Readonly<Record<string, string | number | undefined>>;
  readonly data: T;
}

/** `octokit.request` and `octokit.graphql`, typed loosely: callers validate what they read. */
export interface GitHubClient {
  request(route: string, parameters?: Record<string, unknown>): Promise<GitHubResponse>;
  graphql(query: string, variables?: Record<string, unknown>): Promise<unknown>;
}

/** Time, injected so back-off is testable without waiting (STYLE.md 7). */
export interface Clock {
  /** Milliseconds since the epoch. */
  now(): number;
  sleep(ms: number): Promise<void>;
}

export interface Logger {
  info(message: string): void;
  warn(message: string): void;
}

/** What an Octokit `RequestError` carries (status, response headers and body). */
export interface HttpErrorLike {
  readonly status: number;
  readonly message: string;
  readonly response?: { readonly headers?: Readonly<Record<string, string | number | undefined>>; readonly data?: unknown };
}

export function isHttpError(error: unknown): error is HttpErrorLike {
  return typeof error === 'object' && error !== null && typeof (error as { status?: unknown }).status === 'number';
}

/** What an Octokit `GraphqlResponseError` carries: partial data plus typed errors. */
export interface GraphqlErrorLike {
  readonly name: string;
  readonly errors: readonly { readonly type?: string; readonly message: string; readonly path?: readonly (string | number)[] }[];
  readonly data?: unknown;
  readonly headers?: Readonly<Record<string, string | number | undefined>>;
}

export function isGraphqlError(error: unknown): error is GraphqlErrorLike {
  return (
    typeof error === 'object' &&
    error !== null &&
    Array.isArray((error as { errors?: unknown }).errors) &&
    (error as { name?: unknown }).name === 'GraphqlResponseError'
  );
}

export function headerOf(headers: Readonly<Record<string, string | number | undefined>> | undefined, name: string): string | undefined {
  if (!headers) return undefined;
  const value = headers[name] ?? headers[name.toLowerCase()];
  return value === undefined ? undefined : String(value);
}

/** A GitHub failure with a message a person can act on. */
export class GitHubApiError extends Error {
  override readonly name = 'GitHubApiError';
  constructor(
    message: string,
    readonly status: number | undefined,
    readonly step: string,
  ) {
    super(message);
  }
}

/** The primary rate limit is spent and resets later than we are willing to wait. */
export class RateLimitExhaustedError extends Error {
  override readonly name = 'RateLimitExhaustedError';
  constructor(
    readonly resetAt: number,
    readonly resource: string,
  ) {
    super(`GitHub ${resource} rate limit is spent until ${new Date(resetAt).toISOString()}; run again after that or use a token with a higher limit`);
  }
}

/** One line for a person from any GitHub failure. */
export function describeGitHubError(error: unknown, step: string): string {
  if (isHttpError(error)) {
    const body = error.response?.data as { message?: unknown } | undefined;
    const detail = typeof body?.message === 'string' ? body.message : error.message;
    if (error.status === 401) return `${step}: GitHub rejected the token (401 ${detail}); set GITHUB_TOKEN to a valid token or run \`gh auth login\``;
    if (error.status === 403) return `${step}: GitHub refused (403 ${detail}); the token may lack the public_repo scope`;
    if (error.status === 404) return `${step}: not found on GitHub (404); check the repository name and that the token can see it`;
    if (error.status === 422) return `${step}: GitHub could not process the request (422 ${detail}${validationDetail(body)})`;
    return `${step}: GitHub answered ${error.status} (${detail})`;
  }
  if (isGraphqlError(error)) return `${step}: GitHub GraphQL error: ${error.errors.map((e) => e.message).join('; ')}`;
  if (error instanceof Error) return `${step}: ${error.message}`;
  return `${step}: ${String(error)}`;
}

function validationDetail(body: unknown): string {
  const errors = (body as { errors?: unknown } | undefined)?.errors;
  if (!Array.isArray(errors)) return '';
  const messages = errors.map((e: unknown) => (typeof e === 'object' && e !== null && 'message' in e ? String(e.message) : '')).filter(Boolean);
  return messages.length > 0 ? `: ${messages.join('; ')}` : '';
}
