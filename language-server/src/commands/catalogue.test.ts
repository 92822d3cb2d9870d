// `wheelhouse catalogue check|build|crawl|publish` through the CLI's main(), GitHub being the local stand-in.
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { main } from '../cli.js';
import type { CommandIO } from './command.js';

const repo = fileURLToPath(new URL('../../../', import.meta.url));

/** What these tests use of shared/test/github-stand-in/server.ts (imported by URL: it lives outside this package). */
interface StandIn {
  url: string;
  start(): Promise<string>;
  stop(): Promise<void>;
  addUser(token: string, login: string): void;
  addRepo(fullName: string, facts?: Record<string, unknown>, files?: Record<string, string>): unknown;
  readonly pulls: { body: string }[];
  readonly log: unknown[];
}
const { GitHubStandIn } = (await import(new URL('../../../shared/test/github-stand-in/server.ts', import.meta.url).href)) as { GitHubStandIn: new () => StandIn };
const components = join(repo, 'catalogue', 'components');

function io(cwd: string, env: Record<string, string | undefined> = { PATH: '' }) {
  const out: string[] = [];
  const err: string[] = [];
  const value: CommandIO = { cwd, env, stdout: (t) => out.push(t), stderr: (t) => err.push(t) };
  return { io: value, out: () => out.join(''), err: () => err.join('') };
}

/** A scratch catalogue: catalogue/components with the given manifests copied from the real one. */
function scratch(ids: readonly string[]): string {
  const root = mkdtempSync(join(tmpdir(), 'wheelhouse-catalogue-'));
  mkdirSync(join(root, 'catalogue', 'components'), { recursive: true });
  for (const id of ids) cpSync(join(components, `${id}.yaml`), join(root, 'catalogue', 'components', `${id}.yaml`));
  return root;
}

describe('catalogue check', () => {
  test('the committed catalogue has no errors; NOASSERTION licences are warnings', async () => {
    const run = io(repo);
    expect(await main(['catalogue', 'check'], run.io)).toBe(0);
    const count = readdirSync(components).filter((n) => n.endsWith('.yaml')).length;
    expect(run.err()).toMatch(new RegExp(`^${count} manifest\\(s\\): 0 error\\(s\\), \\d+ warning\\(s\\)\\n$`));
    expect(run.out()).toContain('catalogue/components/hapi-hl7v2.yaml:17:12: warning licence-unclear');
  });

  test('a hostile manifest fails with file:line:col and exit 1; JSON output has the same issues', async () => {
    const root = scratch(['nhsuk-frontend']);
    const file = join(root, 'catalogue', 'components', 'nhsuk-frontend.yaml');
    writeFileSync(file, readFileSync(file, 'utf8').replace('name: NHS.UK frontend', 'name: NHS.UK <script>alert(1)</script>'));
    const run = io(root);
    expect(await main(['catalogue', 'check'], run.io)).toBe(1);
    expect(run.out()).toBe('catalogue/components/nhsuk-frontend.yaml:4:7: error schema: name: must be plain text: no HTML tags, no javascript:/vbscript:/data: URLs\n');
    const json = io(root);
    expect(await main(['catalogue', 'check', '--format', 'json'], json.io)).toBe(1);
    expect(JSON.parse(json.out())).toMatchObject({ manifests: 1, errors: 1, issues: [{ ruleId: 'schema', line: 4, column: 7 }] });
  });

  test('missing folder and bad arguments exit 2', async () => {
    const missing = io(repo);
    expect(await main(['catalogue', 'check', '--dir', 'no/such/dir'], missing.io)).toBe(2);
    expect(missing.err()).toContain('cannot read');
    expect(await main(['catalogue', 'frobnicate'], io(repo).io)).toBe(2);
    expect(await main(['catalogue'], io(repo).io)).toBe(2);
  });
});

describe('catalogue build', () => {
  test('writes the same bytes twice, and nothing when a manifest has errors', async () => {
    const root = scratch(['nhsuk-frontend', 'hermes', 'pds-fhir-api']);
    const run = io(root);
    expect(await main(['catalogue', 'build'], run.io)).toBe(0);
    const dist = join(root, 'catalogue', 'dist');
    const first = readdirSync(dist).sort().map((n) => [n, readFileSync(join(dist, n), 'utf8')]);
    expect(first.map(([n]) => n)).toEqual(['catalogue.json', 'component.schema.json', 'search-index.json', 'version.json']);
    expect(await main(['catalogue', 'build'], io(root).io)).toBe(0);
    expect(readdirSync(dist).sort().map((n) => [n, readFileSync(join(dist, n), 'utf8')])).toEqual(first);
    const catalogue = JSON.parse(readFileSync(join(dist, 'catalogue.json'), 'utf8')) as { count: number; contentHash: string };
    expect(catalogue.count).toBe(3);
    expect(run.err()).toContain(catalogue.contentHash);

    const other = join(root, 'out2');
    writeFileSync(join(root, 'catalogue', 'components', 'hermes.yaml'), 'id: [broken\n');
    const broken = io(root);
    expect(await main(['catalogue', 'build', '--out', other], broken.io)).toBe(1);
    expect(existsSync(other)).toBe(false);
    expect(broken.err()).toContain('nothing was written');
  });
});

describe('catalogue crawl and publish against the GitHub stand-in', () => {
  let standIn: StandIn;
  beforeEach(async () => {
    standIn = new GitHubStandIn();
    await standIn.start();
    standIn.addUser('test-token', 'contributor');
  });
  afterEach(async () => {
    await standIn.stop();
  });

  test('crawl writes changed facts into manifests, keeps them valid, and reports requests; a re-run changes nothing', async () => {
    const root = scratch(['nhsuk-frontend', 'hermes', 'pds-fhir-api']);
    standIn.addRepo('nhsuk/nhsuk-frontend', { stars: 500, topics: ['nhs'] });
    standIn.addRepo('wardle/hermes', { licence: 'EPL-2.0', stars: 150 });
    // pds-fhir-api is missing on the stand-in: reported as a problem.
    standIn.addRepo('nhsuk/new-thing', {}, { 'publiccode.yml': 'publiccodeYmlVersion: "0.4"' });
    writeFileSync(join(root, 'catalogue', 'organisations.yaml'), 'organisations:\n  - nhsuk\n');
    const env = { GITHUB_TOKEN: 'test-token', PATH: '' };

    const run = io(root, env);
    expect(await main(['catalogue', 'crawl', '--api-url', standIn.url], run.io)).toBe(0);
    expect(run.out()).toContain('problem pds-fhir-api: repository not found');
    expect(run.out()).toContain('discovered nhsuk/new-thing: carries a publiccode.yml');
    expect(run.out()).toContain('3 components: 2 crawled, 2 with changed facts; 1 problem(s); 1 discovered');
    expect(run.out()).toMatch(/requests: \d+ \(REST \d+, of which 0 not modified; GraphQL 2 = 2 point\(s\)\)/);
    const hermes = readFileSync(join(root, 'catalogue', 'components', 'hermes.yaml'), 'utf8');
    expect(hermes.startsWith('# yaml-language-server: $schema=')).toBe(true);
    expect(hermes).toContain('crawl:\n  checkedAt:');
    expect(hermes).toContain('  repository: wardle/hermes\n');
    expect(JSON.parse(readFileSync(join(root, 'catalogue', 'dist', 'discovered.json'), 'utf8'))).toEqual([
      { repository: 'nhsuk/new-thing', url: 'https://github.com/nhsuk/new-thing', organisation: 'nhsuk', pushedAt: '2026-01-01T00:00:00Z' },
    ]);
    expect(await main(['catalogue', 'check'], io(root).io)).toBe(0);

    const again = io(root, env);
    expect(await main(['catalogue', 'crawl', '--api-url', standIn.url], again.io)).toBe(0);
    expect(again.out()).toContain('2 crawled, 0 with changed facts');
    expect(again.out()).toMatch(/of which 1 not modified/);
    expect(readFileSync(join(root, 'catalogue', 'components', 'hermes.yaml'), 'utf8')).toBe(hermes);
  });

  test('crawl without a token is one clear line, exit 2', async () => {
    const run = io(scratch(['hermes']), { PATH: '' });
    expect(await main(['catalogue', 'crawl', '--api-url', standIn.url], run.io)).toBe(2);
    expect(run.err()).toBe('wheelhouse catalogue crawl: no GitHub token: set GITHUB_TOKEN or run `gh auth login`\n');
  });

  test('publish opens a pull request on the configured repository; --dry-run and a bad token', async () => {
    standIn.addRepo('wheelhouse-nhs/wheelhouse');
    const root = scratch(['hermes']);
    const manifest = join('catalogue', 'components', 'hermes.yaml');

    const dry = io(root, { PATH: '' });
    expect(await main(['catalogue', 'publish', manifest, '--dry-run'], dry.io)).toBe(0);
    expect(dry.out()).toMatch(/^dry run: would open "Catalogue: add Hermes SNOMED CT server \(hermes\)" on wheelhouse-nhs\/wheelhouse/);
    expect(standIn.log).toEqual([]);

    const bad = io(root, { GITHUB_TOKEN: 'wrong', PATH: '' });
    expect(await main(['catalogue', 'publish', manifest, '--api-url', standIn.url], bad.io)).toBe(2);
    expect(bad.err()).toBe('wheelhouse catalogue publish: check the token: GitHub rejected the token (401 Bad credentials); set GITHUB_TOKEN to a valid token or run `gh auth login`\n');

    const run = io(root, { GITHUB_TOKEN: 'test-token', PATH: '' });
    expect(await main(['catalogue', 'publish', manifest, '--api-url', standIn.url], run.io)).toBe(0);
    expect(run.out()).toBe('https://github.com/wheelhouse-nhs/wheelhouse/pull/1\n');
    expect(standIn.pulls[0]?.body).toContain('### Checklist');

    writeFileSync(join(root, 'wheelhouse.config.json'), JSON.stringify({ catalogue: { repository: 'other-org/other-catalogue' } }));
    const configured = io(root, { PATH: '' });
    expect(await main(['catalogue', 'publish', manifest, '--dry-run'], configured.io)).toBe(0);
    expect(configured.out()).toContain('on other-org/other-catalogue');
  });

  test('publish refuses an invalid manifest with exit 1 and sends nothing', async () => {
    const root = scratch(['hermes']);
    const file = join(root, 'catalogue', 'components', 'hermes.yaml');
    writeFileSync(file, readFileSync(file, 'utf8').replace('url: https://github.com/wardle/hermes', 'url: javascript:alert(1)'));
    const run = io(root, { GITHUB_TOKEN: 'test-token', PATH: '' });
    expect(await main(['catalogue', 'publish', file, '--api-url', standIn.url], run.io)).toBe(1);
    expect(run.out()).toContain('hermes.yaml:5:6: error schema: url: must be an http(s) URL');
    expect(standIn.log).toEqual([]);
  });
});
