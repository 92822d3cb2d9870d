// The rules meta-test (STYLE.md 2): every file in src/validation/rules/ that defines a rule is listed in
// rules/index.ts, its id equals its file name, it has a description, a docs page (docs/rules/<id>.md) and
// valid + invalid fixtures (test/fixtures/<id>/, checked by golden.test.ts). Engine-reported ids that no
// input can trigger on purpose (internal-rule-error) need no fixtures.
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import { INTERNAL_RULE_ERROR_ID } from '../src/validation/run.js';
import { rules } from '../src/validation/rules/index.js';

const here = fileURLToPath(new URL('.', import.meta.url));
const rulesDir = join(here, '..', 'src', 'validation', 'rules');
const docsDir = join(here, '..', '..', 'docs', 'rules');
const fixturesDir = join(here, 'fixtures');
const NO_FIXTURES = new Set([INTERNAL_RULE_ERROR_ID]);

const ruleFiles = readdirSync(rulesDir)
  .filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts') && f !== 'index.ts')
  .map((f) => f.slice(0, -3))
  .sort();

describe('rules meta-test', () => {
  test('ids are unique', () => {
    const ids = rules.map((r) => r.id);
    expect(ids.filter((id, i) => ids.indexOf(id) !== i)).toEqual([]);
  });
  test('every rule file is listed, and every listed rule has a file named by its id', () => {
    const listed = new Set(rules.map((r) => r.id));
    expect(ruleFiles.filter((f) => !listed.has(f))).toEqual([]);
    expect([...listed].filter((id) => !ruleFiles.includes(id))).toEqual([]);
  });
  test.each(rules.map((r) => [r.id, r] as const))('%s: description, docs page and fixtures', (id, rule) => {
    expect(rule.description.length, 'description').toBeGreaterThan(10);
    expect(['error', 'warning', 'information']).toContain(rule.severity);
    const missing: string[] = [];
    if (!existsSync(join(docsDir, `${id}.md`))) missing.push(`docs/rules/${id}.md`);
    if (!NO_FIXTURES.has(id)) {
      for (const kind of ['valid', 'invalid']) {
        const dir = join(fixturesDir, id, kind);
        if (!existsSync(dir) || readdirSync(dir).filter((f) => /\.(json|xml)$/.test(f)).length === 0) missing.push(`shared/test/fixtures/${id}/${kind}/`);
      }
    }
    expect(missing).toEqual([]);
  });
});
