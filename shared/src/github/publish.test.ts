import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { startHarness, type Harness } from '../../test/github-stand-in/harness.js';
import { base64Utf8, ManifestInvalidError, PublishError, publishManifest } from './index.js';

const manifestText = `# yaml-language-server: $schema=../../shared/schemas/component.schema.json
publiccodeYmlVersion: "0.7"
id: new-tool
name: New tool
url: https://github.com/trust/new-tool
softwareType: library
developmentStatus: beta
categories: [testing]
description:
  en:
    shortDescription: Checks café menus for NHS numbers.
legal:
  license: NOASSERTION
maintenance:
  type: internal
nhs: {}
`;
const manifest = { path: 'catalogue/components/new-tool.yaml', text: manifestText };

let h: Harness;
beforeEach(async () => {
  h = await startHarness({ forkDelay: 2 });
  h.standIn.addRepo('wheelhouse-nhs/wheelhouse', {}, { 'README.md': '# Wheelhouse' });
});
afterEach(async () => {
  await h.standIn.stop();
});

const options = () => ({ repository: 'wheelhouse-nhs/wheelhouse', clock: h.clock, logger: h.logger });
const writes = () => h.standIn.log.filter((l) => l.method !== 'GET').map((l) => `${l.method} ${decodeURIComponent(l.path.split('?')[0] ?? '')} ${l.status}`);

describe('publishManifest', () => {
  test('forks, waits for the fork, branches, commits and opens a pull request with a checklist', async () => {
    const result = await publishManifest(h.client(), manifest, options());
    expect(result.pullRequestUrl).toBe('https://github.com/wheelhouse-nhs/wheelhouse/pull/1');
    expect(result.fork).toBe('contributor/wheelhouse');
    expect(result.plan.branch).toBe('wheelhouse/add-new-tool-20260301-120000');
    expect(writes()).toEqual([
      'POST /repos/wheelhouse-nhs/wheelhouse/forks 202',
      'POST /repos/contributor/wheelhouse/git/refs 201',
      'PUT /repos/contributor/wheelhouse/contents/catalogue/components/new-tool.yaml 201',
      'POST /repos/wheelhouse-nhs/wheelhouse/pulls 201',
    ]);
    expect(h.clock.slept).toEqual([2000, 2000]);
    const fork = h.standIn.repos.get('contributor/wheelhouse');
    expect(fork?.commits.get(fork.refs.get(result.plan.branch) ?? '')?.get('catalogue/components/new-tool.yaml')).toBe(manifestText);
    const pull = h.standIn.pulls[0];
    expect(pull).toMatchObject({ title: 'Catalogue: add New tool (new-tool)', head: `contributor:${result.plan.branch}`, base: 'main' });
    expect(pull?.body).toContain('- [x] `wheelhouse catalogue check` passes for this manifest');
    expect(pull?.body).toContain('`licence-unclear`');
  });

  test('reuses an existing fork after bringing it up to date', async () => {
    const upstream = h.standIn.repos.get('wheelhouse-nhs/wheelhouse');
    h.standIn.addRepo('contributor/wheelhouse', { fork: true, parent: 'wheelhouse-nhs/wheelhouse' });
    const result = await publishManifest(h.client(), manifest, options());
    expect(result.pullRequestUrl).toBeDefined();
    expect(writes()[0]).toBe('POST /repos/contributor/wheelhouse/merge-upstream 200');
    const fork = h.standIn.repos.get('contributor/wheelhouse');
    expect(fork?.refs.get('main')).toBe(upstream?.refs.get('main'));
  });

  test('--dry-run checks the token and repository with reads only', async () => {
    const result = await publishManifest(h.client(), manifest, { ...options(), dryRun: true });
    expect(result.dryRun).toBe(true);
    expect(writes()).toEqual([]);
    expect(h.standIn.log.map((l) => l.path)).toEqual(['/user', '/repos/wheelhouse-nhs/wheelhouse']);
    expect(await publishManifest(undefined, manifest, options())).toMatchObject({ dryRun: true, plan: { path: 'catalogue/components/new-tool.yaml' } });
  });

  test('an invalid manifest is refused before any request', async () => {
    const bad = { path: 'catalogue/components/new-tool.yaml', text: manifestText.replace('https://github.com/trust/new-tool', 'javascript:alert(1)') };
    await expect(publishManifest(h.client(), bad, options())).rejects.toBeInstanceOf(ManifestInvalidError);
    expect(h.standIn.log).toEqual([]);
  });

  test('a bad token is one clear line', async () => {
    const error = await publishManifest(h.client('expired'), manifest, options()).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PublishError);
    expect((error as Error).message).toBe('check the token: GitHub rejected the token (401 Bad credentials); set GITHUB_TOKEN to a valid token or run `gh auth login`');
  });

  test('a failure after branching deletes the branch in an existing fork', async () => {
    h.standIn.addRepo('contributor/wheelhouse', { fork: true, parent: 'wheelhouse-nhs/wheelhouse' });
    h.standIn.inject({ method: 'POST', path: /\/pulls$/, kind: 'server', times: 10 });
    const error = (await publishManifest(h.client(), manifest, options()).catch((e: unknown) => e)) as PublishError;
    expect(error).toBeInstanceOf(PublishError);
    expect(error.step).toBe('open a pull request on wheelhouse-nhs/wheelhouse');
    expect(error.message).toContain('GitHub answered 502');
    expect(error.cleanup).toEqual([`deleted branch wheelhouse/add-new-tool-20260301-120000 in contributor/wheelhouse`]);
    expect(h.standIn.repos.get('contributor/wheelhouse')?.refs.has('wheelhouse/add-new-tool-20260301-120000')).toBe(false);
  });

  test('a failure in a fork made by this run deletes the fork when the token may, else the branch and says so', async () => {
    h.standIn.addUser('admin-token', 'admin', ['public_repo', 'delete_repo']);
    h.standIn.inject({ method: 'PUT', path: /\/contents\//, kind: 'server', times: 10 });
    const deleted = (await publishManifest(h.client('admin-token'), manifest, options()).catch((e: unknown) => e)) as PublishError;
    expect(deleted.cleanup).toEqual(['deleted the fork admin/wheelhouse made by this run']);
    expect(h.standIn.repos.has('admin/wheelhouse')).toBe(false);

    h.standIn.inject({ method: 'PUT', path: /\/contents\//, kind: 'server', times: 10 });
    const kept = (await publishManifest(h.client(), manifest, options()).catch((e: unknown) => e)) as PublishError;
    expect(kept.cleanup).toEqual([
      'could not delete the fork contributor/wheelhouse; delete it at https://github.com/contributor/wheelhouse/settings',
      expect.stringMatching(/^deleted branch wheelhouse\/add-new-tool-20260301-\d{6} in contributor\/wheelhouse$/),
    ]);
  });

  test('a pull request that already exists is a 422 with GitHub\'s reason, and the new branch is removed', async () => {
    const { plan } = await publishManifest(undefined, manifest, options());
    h.standIn.pulls.push({ number: 1, repo: 'wheelhouse-nhs/wheelhouse', title: 'x', head: `contributor:${plan.branch}`, base: 'main', body: '' });
    h.standIn.addRepo('contributor/wheelhouse', { fork: true, parent: 'wheelhouse-nhs/wheelhouse' });
    const error = (await publishManifest(h.client(), manifest, options()).catch((e: unknown) => e)) as PublishError;
    expect(error.message).toContain(`422 Validation Failed: A pull request already exists for contributor:${plan.branch}.`);
    expect(h.standIn.repos.get('contributor/wheelhouse')?.refs.has(plan.branch)).toBe(false);
  });
});

test('base64Utf8 matches Buffer', () => {
  for (const s of ['', 'a', 'ab', 'abc', 'café ✓ 😀', manifestText]) expect(base64Utf8(s)).toBe(Buffer.from(s, 'utf8').toString('base64'));
});
