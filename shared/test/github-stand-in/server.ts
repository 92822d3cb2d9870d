/**
 * A local stand-in for the parts of the GitHub API the catalogue uses, on 127.0.0.1 with node:http, so tests
 * never touch the network. Answers have GitHub's shapes (https://docs.github.com/en/rest): Link pagination,
 * ETag / If-None-Match -> 304 (not counted against the limit), x-ratelimit-* headers on every answer, 403 with
 * x-ratelimit-remaining: 0 when the primary limit is spent, 403/429 with retry-after for secondary limits,
 * 404 and 422 bodies with message + documentation_url, and GraphQL partial data with NOT_FOUND errors.
 * Time is injected (`now`) so a test's fake clock and the stand-in's rate-limit window agree.
 */
import { createHash } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface StandInRepo {
  owner: string;
  name: string;
  defaultBranch: string;
  fork: boolean;
  parent: string | null;
  archived: boolean;
  isMirror: boolean;
  mirrorUrl: string | null;
  pushedAt: string | null;
  stars: number;
  licence: string | null;
  topics: string[];
  /** branch -> commit sha */
  refs: Map<string, string>;
  /** commit sha -> files (path -> text) */
  commits: Map<string, Map<string, string>>;
}

export interface Fault {
  method?: string;
  path: RegExp;
  kind: 'secondary' | 'secondary-429' | 'secondary-no-header' | 'primary' | 'server';
  retryAfter?: number;
  times: number;
}

export interface LoggedRequest {
  method: string;
  path: string;
  status: number;
}

export interface StandInOptions {
  now?: () => number;
  coreLimit?: number;
  graphqlLimit?: number;
  /** GETs of a new fork's refs answer 404 this many times first, as GitHub does while copying. */
  forkDelay?: number;
}

const DOCS = 'https://docs.github.com/rest';

function str(value: unknown): string {
  return typeof value === 'string' ? value : '';
}

function sha1(text: string): string {
  return createHash('sha1').update(text).digest('hex');
}

export class GitHubStandIn {
  readonly repos = new Map<string, StandInRepo>();
  readonly orgs = new Map<string, string[]>();
  /** token -> user */
  readonly tokens = new Map<string, { login: string; scopes: string[] }>();
  readonly renames = new Map<string, string>();
  readonly pulls: { number: number; repo: string; title: string; head: string; base: string; body: string }[] = [];
  readonly log: LoggedRequest[] = [];
  readonly faults: Fault[] = [];
  readonly core: { limit: number; remaining: number; reset: number };
  readonly graphqlRate: { limit: number; remaining: number; reset: number };
  private server: Server | undefined;
  private counter = 0;
  private readonly forkDelays = new Map<string, number>();
  private readonly now: () => number;
  url = '';

  private readonly options: StandInOptions;

  constructor(options: StandInOptions = {}) {
    this.options = options;
    this.now = options.now ?? Date.now;
    const reset = Math.floor(this.now() / 1000) + 3600;
    this.core = { limit: options.coreLimit ?? 5000, remaining: options.coreLimit ?? 5000, reset };
    this.graphqlRate = { limit: options.graphqlLimit ?? 5000, remaining: options.graphqlLimit ?? 5000, reset };
  }

  async start(): Promise<string> {
    this.server = createServer((req, res) => {
      void this.handle(req, res).catch((error: unknown) => {
        this.send(res, req, 500, { message: `stand-in bug: ${String(error)}`, documentation_url: DOCS, status: '500' });
      });
    });
    await new Promise<void>((resolve) => this.server?.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    return this.url;
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }

  addUser(token: string, login: string, scopes: string[] = ['public_repo']): void {
    this.tokens.set(token, { login, scopes });
  }

  addRepo(fullName: string, facts: Partial<Omit<StandInRepo, 'owner' | 'name' | 'refs' | 'commits'>> = {}, files: Record<string, string> = {}): StandInRepo {
    const [owner = '', name = ''] = fullName.split('/');
    const commit = this.newSha();
    const repo: StandInRepo = {
      owner,
      name,
      defaultBranch: 'main',
      fork: false,
      parent: null,
      archived: false,
      isMirror: false,
      mirrorUrl: null,
      pushedAt: '2026-01-01T00:00:00Z',
      stars: 0,
      licence: 'MIT',
      topics: [],
      refs: new Map(),
      commits: new Map([[commit, new Map(Object.entries(files))]]),
      ...facts,
    };
    repo.refs.set(repo.defaultBranch, commit);
    this.repos.set(fullName.toLowerCase(), repo);
    const org = owner.toLowerCase();
    this.orgs.set(org, [...(this.orgs.get(org) ?? []), fullName]);
    return repo;
  }

  inject(fault: Fault): void {
    this.faults.push(fault);
  }

  count(method: string, path: RegExp): number {
    return this.log.filter((l) => l.method === method && path.test(l.path)).length;
  }

  private newSha(): string {
    return sha1(`commit-${++this.counter}`);
  }

  private refreshWindows(): void {
    const nowSeconds = Math.floor(this.now() / 1000);
    for (const w of [this.core, this.graphqlRate]) {
      if (nowSeconds >= w.reset) {
        w.remaining = w.limit;
        w.reset = nowSeconds + 3600;
      }
    }
  }

  private rateHeaders(window = this.core, resource = 'core'): Record<string, string> {
    return {
      'x-ratelimit-limit': String(window.limit),
      'x-ratelimit-remaining': String(window.remaining),
      'x-ratelimit-reset': String(window.reset),
      'x-ratelimit-used': String(window.limit - window.remaining),
      'x-ratelimit-resource': resource,
    };
  }

  private send(res: ServerResponse, req: IncomingMessage, status: number, body: unknown, headers: Record<string, string> = {}): void {
    this.log.push({ method: req.method ?? '', path: req.url ?? '', status });
    const text = body === undefined ? '' : JSON.stringify(body);
    res.writeHead(status, {
      'content-type': 'application/json; charset=utf-8',
      'x-github-media-type': 'github.v3; format=json',
      'x-github-request-id': `STAND-IN:${this.log.length}`,
      ...this.rateHeaders(),
      ...headers,
    });
    res.end(status === 304 || status === 204 ? undefined : text);
  }

  private error(res: ServerResponse, req: IncomingMessage, status: number, message: string, extra: Record<string, unknown> = {}, headers: Record<string, string> = {}): void {
    this.send(res, req, status, { message, documentation_url: DOCS, status: String(status), ...extra }, headers);
  }

  private restRepo(repo: StandInRepo): Record<string, unknown> {
    const fullName = `${repo.owner}/${repo.name}`;
    return {
      id: Number.parseInt(sha1(fullName).slice(0, 8), 16),
      node_id: `R_${sha1(fullName).slice(0, 12)}`,
      name: repo.name,
      full_name: fullName,
      private: false,
      owner: { login: repo.owner, type: 'Organization' },
      html_url: `https://github.com/${fullName}`,
      url: `${this.url}/repos/${fullName}`,
      fork: repo.fork,
      archived: repo.archived,
      mirror_url: repo.mirrorUrl,
      pushed_at: repo.pushedAt,
      stargazers_count: repo.stars,
      default_branch: repo.defaultBranch,
      topics: repo.topics,
      license: repo.licence ? { key: repo.licence.toLowerCase(), spdx_id: repo.licence } : null,
      ...(repo.parent ? { parent: { full_name: repo.parent }, source: { full_name: repo.parent } } : {}),
    };
  }

  private findRepo(owner: string, name: string): StandInRepo | undefined {
    const key = `${owner}/${name}`.toLowerCase();
    return this.repos.get(this.renames.get(key) ?? key);
  }

  private async body(req: IncomingMessage): Promise<Record<string, unknown>> {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const text = Buffer.concat(chunks).toString('utf8');
    return text ? (JSON.parse(text) as Record<string, unknown>) : {};
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    this.refreshWindows();
    const method = req.method ?? 'GET';
    const url = new URL(req.url ?? '/', this.url);
    const path = url.pathname;

    const fault = this.faults.find((f) => f.times > 0 && (f.method === undefined || f.method === method) && f.path.test(path));
    if (fault) {
      fault.times--;
      if (fault.kind === 'secondary' || fault.kind === 'secondary-429') {
        return this.error(res, req, fault.kind === 'secondary' ? 403 : 429, 'You have exceeded a secondary rate limit. Please wait a few minutes before you try again.', {}, { 'retry-after': String(fault.retryAfter ?? 60) });
      }
      if (fault.kind === 'secondary-no-header') return this.error(res, req, 403, 'You have exceeded a secondary rate limit. Please wait a few minutes before you try again.');
      if (fault.kind === 'primary') {
        this.core.remaining = 0;
        this.core.reset = Math.floor(this.now() / 1000) + (fault.retryAfter ?? 60);
      }
      if (fault.kind === 'server') return this.error(res, req, 502, 'Server Error');
    }

    const auth = req.headers.authorization;
    const token = auth?.replace(/^(token|bearer)\s+/i, '');
    const user = token ? this.tokens.get(token) : undefined;
    if (path === '/rate_limit' && method === 'GET') {
      return this.send(res, req, 200, { resources: { core: { ...this.core, used: this.core.limit - this.core.remaining }, graphql: { ...this.graphqlRate, used: this.graphqlRate.limit - this.graphqlRate.remaining } }, rate: this.core });
    }
    if (!user) return this.error(res, req, 401, auth ? 'Bad credentials' : 'Requires authentication');

    if (path === '/graphql' && method === 'POST') return this.graphql(req, res, await this.body(req));

    if (this.core.remaining <= 0) {
      return this.error(res, req, 403, `API rate limit exceeded for user ID 1. If you reach out to GitHub Support for help, please include the request ID.`, {}, { 'x-github-request-id': 'LIMIT' });
    }
    const answered = await this.rest(req, res, method, url, user);
    if (!answered) this.error(res, req, 404, 'Not Found');
  }

  /** Sends a GET answer with an ETag; a matching If-None-Match gets 304 and costs nothing. */
  private sendCached(req: IncomingMessage, res: ServerResponse, body: unknown, headers: Record<string, string> = {}): void {
    const etag = `W/"${sha1(JSON.stringify(body))}"`;
    if (req.headers['if-none-match'] === etag) return this.send(res, req, 304, undefined, { etag });
    this.core.remaining--;
    this.send(res, req, 200, body, { etag, ...headers });
  }

  private async rest(req: IncomingMessage, res: ServerResponse, method: string, url: URL, user: { login: string; scopes: string[] }): Promise<boolean> {
    const path = url.pathname;
    const parts = path.split('/').filter(Boolean).map(decodeURIComponent);
    if (method === 'GET' && path === '/user') {
      this.core.remaining--;
      this.send(res, req, 200, { login: user.login, id: 1, type: 'User', html_url: `https://github.com/${user.login}` }, { 'x-oauth-scopes': user.scopes.join(', ') });
      return true;
    }
    if (parts[0] === 'orgs' && parts[2] === 'repos' && method === 'GET' && parts.length === 3) {
      const names = this.orgs.get((parts[1] ?? '').toLowerCase());
      if (!names) {
        this.error(res, req, 404, 'Not Found');
        return true;
      }
      const perPage = Math.min(Number(url.searchParams.get('per_page') ?? 30), 100);
      const page = Math.max(Number(url.searchParams.get('page') ?? 1), 1);
      const all = [...names].sort((a, b) => a.toLowerCase().localeCompare(b.toLowerCase()));
      const last = Math.max(Math.ceil(all.length / perPage), 1);
      const items = all.slice((page - 1) * perPage, page * perPage).map((n) => this.restRepo(this.repos.get(n.toLowerCase()) as StandInRepo));
      const link = (p: number) => {
        const u = new URL(url.toString());
        u.searchParams.set('page', String(p));
        return `${this.url}${u.pathname}${u.search}`;
      };
      const rels: string[] = [];
      if (page < last) rels.push(`<${link(page + 1)}>; rel="next"`, `<${link(last)}>; rel="last"`);
      if (page > 1) rels.push(`<${link(1)}>; rel="first"`, `<${link(page - 1)}>; rel="prev"`);
      this.sendCached(req, res, items, rels.length > 0 ? { link: rels.join(', ') } : {});
      return true;
    }
    if (parts[0] !== 'repos' || parts.length < 3) return false;
    const repo = this.findRepo(parts[1] ?? '', parts[2] ?? '');
    const rest = parts.slice(3);
    if (!repo) {
      this.error(res, req, 404, 'Not Found');
      return true;
    }
    const fullName = `${repo.owner}/${repo.name}`;
    if (rest.length === 0 && method === 'GET') {
      this.sendCached(req, res, this.restRepo(repo));
      return true;
    }
    this.core.remaining--;
    if (rest.length === 0 && method === 'DELETE') {
      if (!user.scopes.includes('delete_repo') || repo.owner !== user.login) this.error(res, req, 403, 'Must have admin rights to Repository.');
      else {
        this.repos.delete(fullName.toLowerCase());
        this.send(res, req, 204, undefined);
      }
      return true;
    }
    if (rest[0] === 'forks' && method === 'POST') {
      const forkName = `${user.login}/${repo.name}`;
      const existing = this.repos.get(forkName.toLowerCase());
      if (existing) {
        this.send(res, req, 202, this.restRepo(existing));
        return true;
      }
      const head = repo.refs.get(repo.defaultBranch) ?? '';
      const fork = this.addRepo(forkName, { fork: true, parent: fullName, licence: repo.licence });
      fork.commits = new Map(repo.commits);
      fork.refs = new Map([[repo.defaultBranch, head]]);
      this.forkDelays.set(forkName.toLowerCase(), this.options.forkDelay ?? 0);
      this.send(res, req, 202, this.restRepo(fork));
      return true;
    }
    if (rest[0] === 'merge-upstream' && method === 'POST') {
      const body = await this.body(req);
      const upstream = repo.parent ? this.repos.get(repo.parent.toLowerCase()) : undefined;
      const branch = str(body.branch);
      const upstreamHead = upstream?.refs.get(branch);
      if (!upstream || !upstreamHead) {
        this.error(res, req, 422, 'Validation Failed', { errors: [{ resource: 'Repository', code: 'invalid', field: 'branch' }] });
        return true;
      }
      for (const [sha, files] of upstream.commits) repo.commits.set(sha, files);
      repo.refs.set(branch, upstreamHead);
      this.send(res, req, 200, { message: `Successfully fetched and fast-forwarded from upstream ${upstream.owner}:${branch}.`, merge_type: 'fast-forward', base_branch: `${upstream.owner}:${branch}` });
      return true;
    }
    if (rest[0] === 'git' && (rest[1] === 'ref' || rest[1] === 'refs')) {
      const refName = rest.slice(2).join('/').replace(/^heads\//, '');
      const delay = this.forkDelays.get(fullName.toLowerCase()) ?? 0;
      if (method === 'GET' && delay > 0) {
        this.forkDelays.set(fullName.toLowerCase(), delay - 1);
        this.error(res, req, 409, 'Git Repository is empty.');
        return true;
      }
      if (method === 'GET' && rest[1] === 'ref') {
        const sha = repo.refs.get(refName);
        if (!sha) this.error(res, req, 404, 'Not Found');
        else this.send(res, req, 200, { ref: `refs/heads/${refName}`, node_id: `REF_${sha.slice(0, 8)}`, url: `${this.url}${path}`, object: { sha, type: 'commit', url: `${this.url}/repos/${fullName}/git/commits/${sha}` } });
        return true;
      }
      if (method === 'POST' && rest[1] === 'refs' && rest.length === 2) {
        const body = await this.body(req);
        const ref = str(body.ref);
        const sha = str(body.sha);
        const branch = ref.replace(/^refs\/heads\//, '');
        if (!ref.startsWith('refs/') || ref.split('/').length < 3) this.error(res, req, 422, 'Reference name must start with \'refs/\' and have at least two slashes.');
        else if (repo.refs.has(branch)) this.error(res, req, 422, 'Reference already exists');
        else if (!repo.commits.has(sha)) this.error(res, req, 422, 'Object does not exist');
        else {
          repo.refs.set(branch, sha);
          this.send(res, req, 201, { ref, node_id: `REF_${sha.slice(0, 8)}`, url: `${this.url}/repos/${fullName}/git/refs/heads/${branch}`, object: { sha, type: 'commit' } });
        }
        return true;
      }
      if (method === 'DELETE' && rest[1] === 'refs') {
        if (!repo.refs.delete(refName)) this.error(res, req, 422, 'Reference does not exist');
        else this.send(res, req, 204, undefined);
        return true;
      }
    }
    if (rest[0] === 'contents' && rest.length > 1) {
      const filePath = rest.slice(1).join('/');
      if (method === 'GET') {
        const branch = url.searchParams.get('ref') ?? repo.defaultBranch;
        const text = repo.commits.get(repo.refs.get(branch) ?? '')?.get(filePath);
        if (text === undefined) this.error(res, req, 404, 'Not Found');
        else this.send(res, req, 200, { type: 'file', encoding: 'base64', name: filePath.split('/').pop(), path: filePath, size: Buffer.byteLength(text), sha: sha1(`blob ${text}`), content: Buffer.from(text).toString('base64') });
        return true;
      }
      if (method === 'PUT') {
        const body = await this.body(req);
        const branch = str(body.branch) || repo.defaultBranch;
        const head = repo.refs.get(branch);
        if (!head) {
          this.error(res, req, 404, `Branch ${branch} not found`);
          return true;
        }
        const files = new Map(repo.commits.get(head));
        const previous = files.get(filePath);
        if (previous !== undefined && body.sha !== sha1(`blob ${previous}`)) {
          this.error(res, req, 422, body.sha === undefined ? 'Invalid request.\n\n"sha" wasn\'t supplied.' : `${filePath} does not match ${str(body.sha)}`);
          return true;
        }
        const text = Buffer.from(str(body.content), 'base64').toString('utf8');
        files.set(filePath, text);
        const commit = this.newSha();
        repo.commits.set(commit, files);
        repo.refs.set(branch, commit);
        this.send(res, req, previous === undefined ? 201 : 200, { content: { name: filePath.split('/').pop(), path: filePath, sha: sha1(`blob ${text}`) }, commit: { sha: commit, message: body.message } });
        return true;
      }
    }
    if (rest[0] === 'pulls' && method === 'POST') {
      const body = await this.body(req);
      const [headOwner = '', headBranch = ''] = str(body.head).split(':');
      const headRepo = this.findRepo(headOwner, repo.name);
      if (!headRepo?.refs.has(headBranch)) {
        this.error(res, req, 422, 'Validation Failed', { errors: [{ resource: 'PullRequest', field: 'head', code: 'invalid' }] });
        return true;
      }
      if (this.pulls.some((p) => p.repo === fullName && p.head === body.head)) {
        this.error(res, req, 422, 'Validation Failed', { errors: [{ resource: 'PullRequest', code: 'custom', message: `A pull request already exists for ${str(body.head)}.` }] });
        return true;
      }
      const number = this.pulls.length + 1;
      this.pulls.push({ number, repo: fullName, title: str(body.title), head: str(body.head), base: str(body.base), body: str(body.body) });
      this.send(res, req, 201, { number, state: 'open', title: body.title, html_url: `https://github.com/${fullName}/pull/${number}`, head: { ref: headBranch, label: body.head }, base: { ref: body.base } });
      return true;
    }
    return false;
  }

  private graphql(req: IncomingMessage, res: ServerResponse, body: Record<string, unknown>): void {
    const query = str(body.query);
    const variables = (body.variables ?? {}) as Record<string, string>;
    const aliases = [...query.matchAll(/(r\d+): repository\(owner: \$(o\d+), name: \$(n\d+)\)/g)];
    const graphqlHeaders = this.rateHeaders(this.graphqlRate, 'graphql');
    if (this.graphqlRate.remaining <= 0) {
      this.log.push({ method: 'POST', path: '/graphql', status: 200 });
      res.writeHead(200, { 'content-type': 'application/json; charset=utf-8', ...graphqlHeaders });
      res.end(JSON.stringify({ errors: [{ type: 'RATE_LIMITED', message: 'API rate limit exceeded for user ID 1.' }] }));
      return;
    }
    const cost = Math.max(1, Math.ceil(aliases.length / 100));
    this.graphqlRate.remaining -= cost;
    const full = query.includes('fragment RepoFacts');
    const data: Record<string, unknown> = { rateLimit: { cost, remaining: this.graphqlRate.remaining, resetAt: new Date(this.graphqlRate.reset * 1000).toISOString() } };
    const errors: unknown[] = [];
    for (const [, alias = '', o = '', n = ''] of aliases) {
      const owner = variables[o] ?? '';
      const name = variables[n] ?? '';
      const repo = this.findRepo(owner, name);
      if (!repo) {
        data[alias] = null;
        errors.push({ type: 'NOT_FOUND', path: [alias], locations: [{ line: 1, column: 1 }], message: `Could not resolve to a Repository with the name '${owner}/${name}'.` });
        continue;
      }
      const publiccode = repo.commits.get(repo.refs.get(repo.defaultBranch) ?? '')?.has('publiccode.yml') ? { __typename: 'Blob' } : null;
      const nameWithOwner = `${repo.owner}/${repo.name}`;
      data[alias] = full
        ? {
            nameWithOwner,
            url: `https://github.com/${nameWithOwner}`,
            isArchived: repo.archived,
            isFork: repo.fork,
            isMirror: repo.isMirror,
            mirrorUrl: repo.mirrorUrl,
            pushedAt: repo.pushedAt,
            stargazerCount: repo.stars,
            licenseInfo: repo.licence ? { spdxId: repo.licence } : null,
            parent: repo.parent ? { nameWithOwner: repo.parent } : null,
            repositoryTopics: { nodes: repo.topics.map((t) => ({ topic: { name: t } })) },
            publiccode,
          }
        : { nameWithOwner, pushedAt: repo.pushedAt, publiccode };
    }
    this.log.push({ method: 'POST', path: '/graphql', status: 200 });
    res.writeHead(200, { 'content-type': 'application/json; charset=utf-8', ...graphqlHeaders });
    res.end(JSON.stringify(errors.length > 0 ? { data, errors } : { data }));
  }
}
