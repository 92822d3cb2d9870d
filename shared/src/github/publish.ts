/**
 * `wheelhouse catalogue publish <manifest>`, as logic over an injected client: check the manifest, fork
 * the catalogue repository, branch, commit the manifest, open a pull request with a checklist. When a step
 * fails, what this run made (the branch, a fork it created) is removed again before the error is raised.
 */
import { z } from 'zod';
import { checkCatalogue, formatCheckIssue, utf8Bytes, type CheckIssue, type Component, type ManifestSource } from '../catalogue/index.js';
import type { CountingClient, RequestStats } from './backoff.js';
import { describeGitHubError, isHttpError, type Clock, type Logger } from './client.js';

/** Where manifests live in the catalogue repository. */
export const MANIFEST_DIR = 'catalogue/components';

export interface PublishOptions {
  /** The catalogue repository, owner/name (config `catalogue.repository`). */
  readonly repository: string;
  readonly dryRun?: boolean;
  readonly clock: Clock;
  readonly logger: Logger;
  /** Polls while GitHub creates a fork (default 10, two seconds apart). */
  readonly forkPolls?: number;
}

export interface PublishPlan {
  readonly id: string;
  readonly upstream: string;
  readonly branch: string;
  readonly path: string;
  readonly title: string;
  readonly body: string;
}

export interface PublishResult {
  readonly plan: PublishPlan;
  readonly dryRun: boolean;
  readonly pullRequestUrl?: string;
  readonly fork?: string;
  readonly warnings: readonly CheckIssue[];
  readonly stats?: RequestStats;
}

/** The manifest failed `catalogue check`: nothing was sent to GitHub. */
export class ManifestInvalidError extends Error {
  override readonly name = 'ManifestInvalidError';
  constructor(readonly issues: readonly CheckIssue[]) {
    super(`the manifest has ${issues.filter((i) => i.severity === 'error').length} error(s); fix them and run again:\n${issues.map(formatCheckIssue).join('\n')}`);
  }
}

/** A GitHub step failed; `cleanup` says what was removed (or could not be). */
export class PublishError extends Error {
  override readonly name = 'PublishError';
  constructor(
    message: string,
    readonly step: string,
    readonly cleanup: readonly string[],
  ) {
    super(cleanup.length > 0 ? `${message} (cleaned up: ${cleanup.join('; ')})` : message);
  }
}

const BASE64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/** Base64 of a string's UTF-8 bytes (the contents API wants base64; no Buffer or btoa here). */
export function base64Utf8(text: string): string {
  const bytes = utf8Bytes(text);
  let out = '';
  for (let i = 0; i < bytes.length; i += 3) {
    const a = bytes[i] ?? 0;
    const b = bytes[i + 1];
    const c = bytes[i + 2];
    const n = (a << 16) | ((b ?? 0) << 8) | (c ?? 0);
    out += BASE64[(n >> 18) & 63] ?? '';
    out += BASE64[(n >> 12) & 63] ?? '';
    out += b === undefined ? '=' : (BASE64[(n >> 6) & 63] ?? '');
    out += c === undefined ? '=' : (BASE64[n & 63] ?? '');
  }
  return out;
}

function timestamp(ms: number): string {
  return new Date(ms).toISOString().replace(/[-:]/g, '').replace(/\..*$/, '').replace('T', '-');
}

export function pullRequestBody(component: Component, warnings: readonly CheckIssue[]): string {
  const lines = [
    `Adds \`${component.id}\` (${component.name}, ${component.url}) to the Wheelhouse catalogue.`,
    '',
    '### Checklist',
    '',
    '- [x] `wheelhouse catalogue check` passes for this manifest',
    `- [ ] The repository is public and \`legal.license\` (${component.legal.license}) matches its LICENSE file`,
    '- [ ] The short description is plain, factual and understandable by a buyer',
    '- [ ] Adopters and evidence list only what a public source says, each with its link',
    '- [ ] I maintain this component, or its maintainers know it is being listed',
  ];
  if (warnings.length > 0) {
    lines.push('', '### Warnings from the check', '', ...warnings.map((w) => `- \`${w.ruleId}\`: ${w.message}`));
  }
  lines.push('', '_Opened with `wheelhouse catalogue publish`._');
  return lines.join('\n');
}

const UserSchema = z.object({ login: z.string() });
const RepoSchema = z.object({ full_name: z.string(), default_branch: z.string(), fork: z.boolean().optional(), parent: z.object({ full_name: z.string() }).optional() });
const RefSchema = z.object({ object: z.object({ sha: z.string() }) });
const ContentSchema = z.object({ sha: z.string() });
const PullSchema = z.object({ html_url: z.string(), number: z.number() });

function splitRepository(repository: string): { owner: string; name: string } {
  const [owner, name, ...rest] = repository.split('/');
  if (!owner || !name || rest.length > 0) throw new PublishError(`catalogue repository "${repository}" must be owner/name`, 'configuration', []);
  return { owner, name };
}

/**
 * Checks and publishes one manifest. With `dryRun` (or no client), nothing is written to GitHub: with a
 * client, the token and repository are still verified with read-only requests.
 */
export async function publishManifest(client: CountingClient | undefined, manifest: ManifestSource, options: PublishOptions): Promise<PublishResult> {
  const { clock, logger } = options;
  const check = checkCatalogue([manifest]);
  const component = check.components[0];
  if (check.errorCount > 0 || !component) throw new ManifestInvalidError(check.issues);
  const warnings = check.issues.filter((i) => i.severity === 'warning');
  const upstream = splitRepository(options.repository);
  const plan: PublishPlan = {
    id: component.id,
    upstream: `${upstream.owner}/${upstream.name}`,
    branch: `wheelhouse/add-${component.id}-${timestamp(clock.now())}`,
    path: `${MANIFEST_DIR}/${component.id}.yaml`,
    title: `Catalogue: add ${component.name} (${component.id})`,
    body: pullRequestBody(component, warnings),
  };

  const step = async <T>(name: string, schema: z.ZodType<T>, route: string, parameters?: Record<string, unknown>): Promise<T> => {
    if (!client) throw new PublishError(`${name}: no GitHub client`, name, []);
    const response = await client.request(route, parameters);
    const parsed = schema.safeParse(response.data);
    if (!parsed.success) throw new PublishError(`${name}: unexpected answer from GitHub`, name, []);
    return parsed.data;
  };

  if (!client) return { plan, dryRun: true, warnings };
  let current = 'check the token';
  try {
    const user = await step(current, UserSchema, 'GET /user');
    current = `read ${plan.upstream}`;
    const repo = await step(current, RepoSchema, 'GET /repos/{owner}/{repo}', { owner: upstream.owner, repo: upstream.name });
    if (options.dryRun) {
      logger.info(`dry run: would fork ${plan.upstream} as ${user.login}, push ${plan.path} to ${plan.branch} and open a pull request against ${repo.default_branch}`);
      return { plan, dryRun: true, warnings, stats: client.stats };
    }
    return await publish(client, plan, user.login, repo.default_branch, manifest.text, options, warnings, step);
  } catch (error) {
    if (error instanceof PublishError || error instanceof ManifestInvalidError) throw error;
    throw new PublishError(describeGitHubError(error, current), current, []);
  }
}

type Step = <T>(name: string, schema: z.ZodType<T>, route: string, parameters?: Record<string, unknown>) => Promise<T>;

async function publish(
  client: CountingClient,
  plan: PublishPlan,
  login: string,
  baseBranch: string,
  text: string,
  options: PublishOptions,
  warnings: readonly CheckIssue[],
  step: Step,
): Promise<PublishResult> {
  const { logger, clock } = options;
  const [upOwner = '', upName = ''] = plan.upstream.split('/');
  let fork: string | undefined;
  let createdFork = false;
  let createdBranch = false;
  let current = `fork ${plan.upstream}`;
  try {
    // Reuse the user's fork when there is one; otherwise create it and wait until GitHub has copied it.
    const existing = await client.request('GET /repos/{owner}/{repo}', { owner: login, repo: upName }).then(
      (r) => RepoSchema.safeParse(r.data),
      (error: unknown) => {
        if (isHttpError(error) && error.status === 404) return undefined;
        throw error;
      },
    );
    if (existing?.success && existing.data.fork && existing.data.parent?.full_name.toLowerCase() === plan.upstream.toLowerCase()) {
      fork = existing.data.full_name;
      logger.info(`using your fork ${fork}`);
      current = `update fork ${fork} from ${plan.upstream}`;
      await client.request('POST /repos/{owner}/{repo}/merge-upstream', { owner: login, repo: fork.split('/')[1], branch: baseBranch }).catch((error: unknown) => {
        logger.warn(describeGitHubError(error, current));
      });
    } else {
      const created = await step(current, RepoSchema, 'POST /repos/{owner}/{repo}/forks', { owner: upOwner, repo: upName, default_branch_only: true });
      fork = created.full_name;
      createdFork = true;
      logger.info(`created fork ${fork}`);
    }
    const [forkOwner = '', forkName = ''] = fork.split('/');

    current = `read ${baseBranch} in ${fork}`;
    let base: z.infer<typeof RefSchema> | undefined;
    const polls = options.forkPolls ?? 10;
    for (let i = 0; base === undefined; i++) {
      try {
        base = await step(current, RefSchema, 'GET /repos/{owner}/{repo}/git/ref/{ref}', { owner: forkOwner, repo: forkName, ref: `heads/${baseBranch}` });
      } catch (error) {
        // A new fork answers 404/409 until GitHub has finished copying it.
        if (!(isHttpError(error) && (error.status === 404 || error.status === 409) && createdFork && i < polls)) throw error;
        await clock.sleep(2000);
      }
    }

    current = `create branch ${plan.branch} in ${fork}`;
    await client.request('POST /repos/{owner}/{repo}/git/refs', { owner: forkOwner, repo: forkName, ref: `refs/heads/${plan.branch}`, sha: base.object.sha });
    createdBranch = true;

    current = `commit ${plan.path}`;
    const previous = await client.request('GET /repos/{owner}/{repo}/contents/{path}', { owner: forkOwner, repo: forkName, path: plan.path, ref: plan.branch }).then(
      (r) => ContentSchema.safeParse(r.data),
      (error: unknown) => {
        if (isHttpError(error) && error.status === 404) return undefined;
        throw error;
      },
    );
    await client.request('PUT /repos/{owner}/{repo}/contents/{path}', {
      owner: forkOwner,
      repo: forkName,
      path: plan.path,
      branch: plan.branch,
      message: previous?.success ? `Catalogue: update ${plan.id}` : `Catalogue: add ${plan.id}`,
      content: base64Utf8(text),
      ...(previous?.success ? { sha: previous.data.sha } : {}),
    });

    current = `open a pull request on ${plan.upstream}`;
    const pull = await step(current, PullSchema, 'POST /repos/{owner}/{repo}/pulls', {
      owner: upOwner,
      repo: upName,
      title: plan.title,
      head: `${forkOwner}:${plan.branch}`,
      base: baseBranch,
      body: plan.body,
      maintainer_can_modify: true,
    });
    return { plan, dryRun: false, pullRequestUrl: pull.html_url, fork, warnings, stats: client.stats };
  } catch (error) {
    const message = error instanceof PublishError ? error.message : describeGitHubError(error, current);
    const cleanup = await undo(client, fork, plan.branch, createdBranch, createdFork, logger);
    throw new PublishError(message, current, cleanup);
  }
}

async function undo(client: CountingClient, fork: string | undefined, branch: string, createdBranch: boolean, createdFork: boolean, logger: Logger): Promise<string[]> {
  const notes: string[] = [];
  if (!fork) return notes;
  const [owner = '', repo = ''] = fork.split('/');
  if (createdFork) {
    // Deleting the fork removes the branch too; needs the delete_repo scope.
    try {
      await client.request('DELETE /repos/{owner}/{repo}', { owner, repo });
      notes.push(`deleted the fork ${fork} made by this run`);
      return notes;
    } catch (error) {
      logger.warn(describeGitHubError(error, `delete fork ${fork}`));
      notes.push(`could not delete the fork ${fork}; delete it at https://github.com/${fork}/settings`);
    }
  }
  if (createdBranch) {
    try {
      await client.request('DELETE /repos/{owner}/{repo}/git/refs/{ref}', { owner, repo, ref: `heads/${branch}` });
      notes.push(`deleted branch ${branch} in ${fork}`);
    } catch (error) {
      logger.warn(describeGitHubError(error, `delete branch ${branch}`));
      notes.push(`could not delete branch ${branch} in ${fork}; delete it by hand`);
    }
  }
  return notes;
}
