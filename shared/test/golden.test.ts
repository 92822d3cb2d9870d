// Engine golden tests (STYLE.md "Tests"): every fixture in test/fixtures/<rule-id>/{valid,invalid}/ is
// validated; valid ones must give no error at all, invalid ones exactly the issues of their rule recorded
// in <name>.expected beside them (line:character are 0-based). UPDATE_GOLDEN=1 rewrites the .expected files.
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import { createLineIndex } from '../src/validation/index.js';
import { loadValidationConformance } from '../src/node/packages/validation.js';
import { ukCoreFactsFromIndex } from '../src/identifiers/ukcore-index.js';
import { definitions, definitionsMissing, validator } from './engine.js';

const fixtures = fileURLToPath(new URL('./fixtures/', import.meta.url));
const update = process.env['UPDATE_GOLDEN'] === '1';

function cases(kind: 'valid' | 'invalid'): [string, string][] {
  if (!existsSync(fixtures)) return [];
  const out: [string, string][] = [];
  for (const rule of readdirSync(fixtures).sort()) {
    const dir = join(fixtures, rule, kind);
    if (!existsSync(dir)) continue;
    for (const f of readdirSync(dir).sort()) if (/\.(json|xml)$/.test(f)) out.push([rule, join(dir, f)]);
  }
  return out;
}

/**
 * Engine settings for a fixture, from <name>.settings beside it (JSON), for rules that settings switch on.
 * A `ukCore` there is ukcore-index/1 JSON, indexed as hosts do (loadEngineOptions): the engine takes facts.
 */
function settingsOf(file: string): { settings?: Record<string, unknown> } {
  const f = file.replace(/\.(json|xml)$/, '.settings');
  if (!existsSync(f)) return {};
  const settings = JSON.parse(readFileSync(f, 'utf8')) as Record<string, unknown>;
  if (settings['ukCore'] !== undefined) settings['ukCore'] = ukCoreFactsFromIndex(settings['ukCore']);
  return { settings };
}

describe.skipIf(definitionsMissing !== undefined)('fixtures', () => {
  const v = definitionsMissing ? undefined : validator();
  // Profile rules (issue 6): fixtures/<rule>/profiles/ is loaded as a workspace for that rule's fixtures.
  const withProfiles = new Map<string, ReturnType<typeof validator>>();
  const validatorFor = (rule: string): ReturnType<typeof validator> => {
    const dir = join(fixtures, rule, 'profiles');
    if (!existsSync(dir)) return v!;
    let pv = withProfiles.get(rule);
    if (!pv) {
      const c = loadValidationConformance({ definitions: definitions(), workspaces: [dir], fhirCache: join(dir, 'no-cache') });
      withProfiles.set(rule, (pv = validator(undefined, c?.store)));
    }
    return pv;
  };

  test.each(cases('valid'))('%s valid: %s', (rule, file) => {
    const { issues } = validatorFor(rule).validate(readFileSync(file, 'utf8'), { fileName: file, ...settingsOf(file) });
    expect(issues.filter((i) => i.severity === 'error').map((i) => `${i.ruleId} ${i.location}: ${i.message}`)).toEqual([]);
  });

  test.each(cases('invalid'))('%s invalid: %s', (rule, file) => {
    const text = readFileSync(file, 'utf8');
    const lines = createLineIndex(text);
    const got = validatorFor(rule)
      .validate(text, { fileName: file, ...settingsOf(file) })
      .issues.filter((i) => i.ruleId === rule)
      .map((i) => {
        const p = lines.position(i.offset);
        return `${p.line}:${p.character} ${i.severity} ${i.location} ${i.message}`;
      });
    expect(got.length, `${file} should give at least one ${rule} issue`).toBeGreaterThan(0);
    const goldenFile = file.replace(/\.(json|xml)$/, '.expected');
    const actual = `${got.join('\n')}\n`;
    if (update || !existsSync(goldenFile)) writeFileSync(goldenFile, actual);
    expect(actual).toBe(readFileSync(goldenFile, 'utf8'));
  });
});
