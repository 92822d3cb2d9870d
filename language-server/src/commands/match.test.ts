// `wheelhouse match` and the page extractor (shared/src/matching/extract.ts) on saved-page fixtures
// parsed by linkedom, the way the CLI's --html-file does. Uses the repository's own catalogue.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseHTML } from 'linkedom';
import { describe, expect, test } from 'vitest';
import { ComponentSchema, parseManifest } from '@wheelhouse/shared/catalogue';
import { buildIndex, extractNeed, type DocumentLike, type Suggestion } from '@wheelhouse/shared/matching';
import { readManifestDir } from '@wheelhouse/shared/node';
import { main } from '../cli.js';
import type { CommandIO } from './command.js';

const repo = fileURLToPath(new URL('../../../', import.meta.url));
const fixtures = join(repo, 'language-server', 'test', 'fixtures', 'match');
const fixture = (name: string) => join(fixtures, name);

async function run(args: string[], cwd = repo): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const io: CommandIO = { cwd, env: {}, stdout: (t) => (stdout += t), stderr: (t) => (stderr += t) };
  const code = await main(args, io);
  return { code, stdout, stderr };
}

async function suggestions(args: string[]): Promise<Suggestion[]> {
  const { code, stdout, stderr } = await run(['match', ...args, '--format', 'json']);
  expect(stderr).toBe('');
  expect(code).toBe(0);
  return (JSON.parse(stdout) as { suggestions: Suggestion[] }).suggestions;
}

const parse = parseHTML as unknown as (markup: string) => { document: DocumentLike & { documentElement: { outerHTML: string } } };
const documentOf = (name: string) => parse(readFileSync(fixture(name), 'utf8')).document;

describe('extractNeed', () => {
  test('Find a Tender (TED form): title, short description, CPV codes; banners, popups and aria-only copies left out', () => {
    const need = extractNeed(documentOf('find-a-tender-ted.html'));
    expect(need.title).toBe('Inpatient ePMA replacement');
    expect(need.text).toContain('hospital electronic prescribing and medicines administration (HEPMA)');
    expect(need.cpv).toEqual(['48814000', '72263000']);
    expect(need.text).not.toMatch(/cookies|Sign in to save|cleaning/);
    expect(need.text).not.toContain('£4,200,000');
  });

  test('Contracts Finder: description block and the Industry CPV code', () => {
    const need = extractNeed(documentOf('contracts-finder.html'), 'https://www.contractsfinder.service.gov.uk/Notice/abc');
    expect(need.title).toBe('Waiting list validation support');
    expect(need.text).toContain('referral to treatment (RTT) waiting lists');
    expect(need.text).not.toContain('Contact the procurement team');
    expect(need.cpv).toEqual(['72322000']);
    expect(need.url).toBe('https://www.contractsfinder.service.gov.uk/Notice/abc');
  });

  test('GitHub repository: About, topics and README', () => {
    const need = extractNeed(documentOf('github-repo.html'));
    expect(need.text).toContain('Python client for sending and receiving MESH messages');
    expect(need.text).toContain('Topics: mesh, nhs');
    expect(need.text).toContain('acknowledge messages on the MESH API');
    expect(need.text).not.toContain('Pricing');
  });

  test('NHS England Digital page: document summary', () => {
    const need = extractNeed(documentOf('nhs-digital-page.html'));
    expect(need.title).toBe('Synthetic data for testing');
    expect(need.text).toContain('synthetic patient data');
    expect(need.text).not.toContain('cookies');
  });

  test('a page with no labelled description falls back to its main text and meta description', () => {
    const { document } = parse('<html><head><title>Plain page - NHS England</title><meta name="description" content="About MESH mailboxes."></head><body><nav>Menu</nav><main><p>We move files with MESH.</p></main></body></html>');
    const need = extractNeed(document);
    expect(need.title).toBe('Plain page');
    expect(need.text).toContain('About MESH mailboxes.');
    expect(need.text).toContain('We move files with MESH.');
    expect(need.text).not.toContain('Menu');
  });

  test('never changes the document', () => {
    const document = documentOf('find-a-tender-ted.html');
    const before = document.documentElement.outerHTML;
    extractNeed(document);
    expect(document.documentElement.outerHTML).toBe(before);
  });
});

describe('wheelhouse match', () => {
  test('--text: JSON suggestions, best first, each with id, name, score and reasons', async () => {
    const found = await suggestions(['--text', 'Hospital electronic prescribing and medicines administration (ePMA) for inpatient wards']);
    expect(found[0]?.id).toBe('openep');
    for (const s of found) expect(Object.keys(s)).toEqual(['id', 'name', 'score', 'reasons']);
    expect(found[0]?.reasons.join(' ')).toMatch(/^matched: /);
    expect(found.every((s, i) => i === 0 || s.score <= (found[i - 1]?.score ?? Infinity))).toBe(true);
  });

  test('an unrelated need gets an empty list, not a guess', async () => {
    expect(await suggestions(['--text', 'Grounds maintenance, window cleaning and car park resurfacing for hospital estates'])).toEqual([]);
  });

  test('--html-file: a saved tender notice is read the way the extension reads it', async () => {
    const found = await suggestions(['--html-file', fixture('find-a-tender-ted.html')]);
    expect(found[0]?.id).toBe('openep');
  });

  test('--html-file with --url: a fork of a catalogue repository points to the original', async () => {
    const found = await suggestions(['--html-file', fixture('github-repo.html'), '--url', 'https://github.com/example-trust/mesh-client']);
    expect(found.map((s) => s.id)).toContain('mesh-client-python');
  });

  test('--text-file and --top', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'wheelhouse-match-'));
    const file = join(dir, 'need.txt');
    writeFileSync(file, 'GP Connect consumer that looks up the patient in PDS and the endpoint in SDS, calling through Spine');
    const found = await suggestions(['--text-file', file, '--top', '2']);
    expect(found).toHaveLength(2);
    expect(found.map((s) => s.id)).toContain('gp-connect-consumer-adaptor');
  });

  test('--catalogue: a prebuilt search-index.json gives the same answer as the manifests', async () => {
    const components = readManifestDir(join(repo, 'catalogue', 'components')).map((source) => ComponentSchema.parse(parseManifest(source).value));
    const file = join(mkdtempSync(join(tmpdir(), 'wheelhouse-index-')), 'search-index.json');
    writeFileSync(file, JSON.stringify(buildIndex(components)));
    const need = 'synthetic patient data for testing';
    expect(await suggestions(['--text', need, '--catalogue', file])).toEqual(await suggestions(['--text', need]));
  });

  test.each([
    [['match'], /exactly one of --text, --text-file, --html-file/],
    [['match', '--text', 'a', '--text-file', 'b'], /exactly one of/],
    [['match', '--text', 'a', '--top', '0'], /--top must be a whole number/],
    [['match', '--text', 'a', '--format', 'xml'], /--format must be json or text/],
    [['match', '--text', 'a', '--url', 'javascript:alert(1)'], /--url must be an http\(s\) URL/],
    [['match', '--text', 'a', '--unknown'], /Unknown option/],
  ])('usage error %j exits 2', async (args, message) => {
    const { code, stderr } = await run(args);
    expect(code).toBe(2);
    expect(stderr).toMatch(message);
  });

  test('a missing file or catalogue is a clear error, exit 2', async () => {
    const missing = await run(['match', '--html-file', join(fixtures, 'missing.html')]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/cannot read .*missing\.html: ENOENT/);
    const noCatalogue = await run(['match', '--text', 'MESH', '--catalogue', join(fixtures, 'none.json')]);
    expect(noCatalogue.code).toBe(2);
    expect(noCatalogue.stderr).toMatch(/catalogue not found/);
  });

  test('text format for people', async () => {
    const { code, stdout } = await run(['match', '--text', 'Friends and Family Test free-text feedback analysis']);
    expect(code).toBe(0);
    expect(stdout).toMatch(/^1\. .+ \([a-z0-9-]+\), score [\d.]+\n {3}matched: /);
  });
});
