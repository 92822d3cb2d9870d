import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { checkCatalogue, formatCheckIssue, nearVocabulary, type ManifestSource } from './index.js';

function manifest(id: string, lines: Record<string, string> = {}): string {
  const fields: Record<string, string> = {
    publiccodeYmlVersion: '"0.7"',
    id,
    name: `Component ${id}`,
    url: `https://github.com/example/${id}`,
    softwareType: 'library',
    developmentStatus: 'stable',
    categories: '[testing]',
    description: `\n  en:\n    shortDescription: Does ${id} things.`,
    legal: '\n  license: MIT',
    maintenance: '\n  type: community',
    nhs: '{}',
    ...lines,
  };
  return Object.entries(fields)
    .filter(([, v]) => v !== '')
    .map(([k, v]) => `${k}: ${v}`)
    .join('\n')
    .concat('\n');
}

const source = (id: string, lines?: Record<string, string>, file = `catalogue/components/${id}.yaml`): ManifestSource => ({ path: file, text: manifest(id, lines) });
const rules = (sources: ManifestSource[]) => checkCatalogue(sources).issues.map((i) => `${i.severity} ${i.ruleId}`);

describe('checkCatalogue', () => {
  test('a clean set has no findings and returns components sorted by id', () => {
    const result = checkCatalogue([source('b-tool'), source('a-tool')]);
    expect(result.issues).toEqual([]);
    expect(result.components.map((c) => c.id)).toEqual(['a-tool', 'b-tool']);
  });

  test('schema errors are located at the offending value, file:line:col', () => {
    const result = checkCatalogue([source('x', { url: 'javascript:alert(1)' })]);
    expect(result.issues.map(formatCheckIssue)).toEqual(['catalogue/components/x.yaml:4:6: error schema: url: must be an http(s) URL']);
    expect(result.components).toEqual([]);
  });

  test('unknown fields are located at the key', () => {
    const text = manifest('x').replace('license: MIT', 'licence: MIT');
    const issues = checkCatalogue([{ path: 'x.yaml', text }]).issues.map(formatCheckIssue);
    expect(issues).toEqual([
      'x.yaml:12:3: error schema: legal.license: Invalid input: expected string, received undefined',
      'x.yaml:12:3: error schema: legal.licence: unknown field (not in the manifest schema)',
    ]);
  });

  test('YAML syntax errors and duplicate keys are reported, not thrown', () => {
    expect(rules([{ path: 'x.yaml', text: 'id: [unclosed\n' }])).toContain('error yaml-syntax');
    expect(rules([{ path: 'x.yaml', text: `${manifest('x')}id: x\n` }])).toEqual(['error yaml-syntax']);
    expect(rules([{ path: 'x.yaml', text: '- just\n- a list\n' }])).toEqual(['error schema']);
  });

  test('id must equal the file name and be unique', () => {
    expect(rules([source('x', {}, 'catalogue/components/y.yaml')])).toEqual(['error id-file-name']);
    const issues = checkCatalogue([source('x', { url: 'https://github.com/a/one' }), source('x', { url: 'https://github.com/a/two' }, 'other/x.yaml')]).issues;
    expect(issues.map((i) => i.ruleId)).toEqual(['id-unique']);
    expect(issues[0]?.message).toContain('catalogue/components/x.yaml:2');
  });

  test('SPDX: invalid is an error, NOASSERTION and deprecated ids are warnings, expressions pass', () => {
    expect(rules([source('x', { legal: '\n  license: GPL (>= 2)' })])).toEqual(['error schema']);
    expect(rules([source('x', { legal: '\n  license: GPLv2' })])).toEqual(['error licence-spdx']);
    expect(rules([source('x', { legal: '\n  license: Apache 2.0' })])).toEqual(['error licence-spdx']);
    expect(rules([source('x', { legal: '\n  license: NOASSERTION' })])).toEqual(['warning licence-unclear']);
    expect(rules([source('x', { legal: '\n  license: GPL-3.0' })])).toEqual(['warning licence-deprecated']);
    expect(rules([source('x', { legal: '\n  license: MIT OR (Apache-2.0 AND OGL-UK-3.0)' })])).toEqual([]);
  });

  test.each([
    ['https://GitHub.com/Example/Tool'],
    ['https://github.com/example/tool.git'],
    ['https://github.com/example/tool/'],
    ['https://www.github.com/example/tool'],
    ['http://github.com/example/tool'],
  ])('%s is the same repository as https://github.com/example/tool', (url) => {
    const issues = checkCatalogue([source('a', { url: 'https://github.com/example/tool' }), source('b', { url })]).issues;
    expect(issues.filter((i) => i.ruleId === 'duplicate-repo').map((i) => i.file)).toEqual(['catalogue/components/b.yaml']);
  });

  test('URL shape: repository root only; .git and http are warnings', () => {
    expect(rules([source('x', { url: 'https://github.com/example/x/tree/main' })])).toEqual(['error url-shape']);
    expect(rules([source('x', { url: 'https://github.com/example' })])).toEqual(['error url-shape']);
    expect(rules([source('x', { url: 'https://github.com/example/x.git' })])).toEqual(['warning url-shape']);
    expect(rules([source('x', { url: 'http://gitlab.com/group/sub/x' })])).toEqual(['warning url-shape']);
  });

  const crawl = (repository: string, extra = '') =>
    `\n  checkedAt: 2026-01-01T00:00:00Z\n  repository: ${repository}\n  licence: MIT\n  lastActivity: null\n  archived: false\n  fork: false\n  parent: null\n  mirrorUrl: null\n  stars: 1\n  topics: []\n  publiccodeYml: false${extra}`;

  test('renames and mirrors found by the crawl are duplicates; forks of listed repositories are warned', () => {
    const renamed = checkCatalogue([source('a', { url: 'https://github.com/org/new-name' }), source('b', { url: 'https://github.com/org/old-name', crawl: crawl('org/new-name') })]);
    expect(renamed.issues.map((i) => `${i.file} ${i.ruleId}`)).toEqual(['catalogue/components/b.yaml duplicate-repo']);
    const mirror = checkCatalogue([
      source('a', { url: 'https://gitlab.com/org/tool' }),
      source('b', { url: 'https://github.com/mirror/tool', crawl: crawl('mirror/tool').replace('mirrorUrl: null', 'mirrorUrl: https://gitlab.com/org/tool.git') }),
    ]);
    expect(mirror.issues.map((i) => i.ruleId)).toEqual(['duplicate-repo']);
    const fork = checkCatalogue([
      source('a', { url: 'https://github.com/upstream/tool' }),
      source('b', { url: 'https://github.com/trust/tool', crawl: crawl('trust/tool').replace('fork: false', 'fork: true').replace('parent: null', 'parent: Upstream/Tool') }),
    ]);
    expect(fork.issues.map((i) => `${i.severity} ${i.ruleId}`)).toEqual(['warning fork-of-listed']);
  });

  test('crawl facts: archived and a different detected licence are warned', () => {
    const facts = crawl('example/x').replace('archived: false', 'archived: true').replace('licence: MIT', 'licence: Apache-2.0');
    expect(rules([source('x', { crawl: facts })]).sort()).toEqual(['warning archived-not-obsolete', 'warning licence-mismatch']);
  });

  test('near-misses of known services are warned with the known spelling', () => {
    expect(nearVocabulary('GP connect')).toBe('GP Connect');
    expect(nearVocabulary('SNOMED-CT')).toBe('SNOMED CT');
    expect(nearVocabulary('Something else')).toBeUndefined();
    const issues = checkCatalogue([source('x', { nhs: '\n  services: [PDS, Mesh]' })]).issues;
    expect(issues.map(formatCheckIssue)).toEqual([
      'catalogue/components/x.yaml:16:19: warning vocabulary: nhs.services: "Mesh" looks like "MESH"; use the known spelling so matching finds it',
    ]);
  });

  test('oversized manifests are refused before parsing', () => {
    expect(rules([{ path: 'x.yaml', text: `${manifest('x')}#${'x'.repeat(70000)}\n` }])).toEqual(['error manifest-too-large']);
  });
});

describe('the committed catalogue', () => {
  const dir = new URL('../../../catalogue/components/', import.meta.url);
  const sources = readdirSync(dir)
    .filter((n) => n.endsWith('.yaml'))
    .map((n) => ({ path: `catalogue/components/${n}`, text: readFileSync(new URL(n, dir), 'utf8') }));

  test('has at least 200 manifests and no errors', () => {
    const result = checkCatalogue(sources);
    expect(sources.length).toBeGreaterThanOrEqual(200);
    expect(result.issues.filter((i) => i.severity === 'error').map(formatCheckIssue)).toEqual([]);
    expect(result.components.length).toBe(sources.length);
  });

  test('every manifest points editors at the JSON Schema and leaves adopters and evidence to public sources', () => {
    for (const s of sources) expect(s.text.split('\n')[0]).toBe('# yaml-language-server: $schema=../../shared/schemas/component.schema.json');
    const { components } = checkCatalogue(sources);
    for (const c of components) for (const a of c.nhs.adopters) expect(a.source).toMatch(/^https?:\/\//);
  });
});
