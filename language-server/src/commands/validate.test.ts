// `wheelhouse validate` through the CLI dispatcher with injected I/O: formats, exit codes, folders.
import { existsSync, mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import { main } from '../cli.js';
import type { CommandIO } from './command.js';

const repo = fileURLToPath(new URL('../../../', import.meta.url));
const definitions = join(repo, 'shared', 'dist', 'definitions', 'r4-core.json');
const skip = existsSync(definitions) ? undefined : `no ${definitions}: run \`pnpm --filter @wheelhouse/shared build\``;

async function run(args: string[], cwd: string): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const io: CommandIO = { cwd, env: {}, stdout: (t) => (stdout += t), stderr: (t) => (stderr += t) };
  const code = await main(['validate', ...args], io);
  return { code, stdout, stderr };
}

function workspace(): string {
  const dir = mkdtempSync(join(tmpdir(), 'wh-validate-'));
  mkdirSync(join(dir, 'nested', 'node_modules'), { recursive: true });
  writeFileSync(join(dir, 'good.json'), JSON.stringify({ resourceType: 'Patient', id: 'p1', gender: 'female' }));
  writeFileSync(join(dir, 'nested', 'bad.json'), '{\n  "resourceType": "Patient",\n  "gendr": "female"\n}\n');
  writeFileSync(join(dir, 'nested', 'notes.txt'), 'not validated');
  writeFileSync(join(dir, 'nested', 'node_modules', 'skipped.json'), '{"resourceType":"Nope"}');
  return dir;
}

describe.skipIf(skip !== undefined)(`wheelhouse validate${skip ? ` (skipped: ${skip})` : ''}`, () => {
  test('--format json: the documented shape, 0-based ranges, exit 1 on errors, folders recursed', async () => {
    const dir = workspace();
    const r = await run(['.', '--format', 'json'], dir);
    expect(r.code).toBe(1);
    const out = JSON.parse(r.stdout) as { files: { path: string; issues: Record<string, unknown>[] }[]; summary: Record<string, number> };
    expect(out.files.map((f) => f.path)).toEqual(['good.json', 'nested/bad.json']);
    expect(out.files[1]!.issues[0]).toEqual({
      ruleId: 'unknown-property',
      severity: 'error',
      message: 'Unknown property "gendr" in Patient. Did you mean "gender"?',
      range: { start: { line: 2, character: 2 }, end: { line: 2, character: 9 } },
      location: 'Patient.gendr',
    });
    expect(out.summary).toEqual({ files: 2, errors: 1, warnings: 0, information: 0 });
  });
  test('exit 0 and a one-line summary when there are no errors', async () => {
    const dir = workspace();
    const r = await run(['good.json'], dir);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('No problems in 1 file.\n');
  });
  test('--format text: 1-based positions, rule id and location', async () => {
    const r = await run(['nested/bad.json'], workspace());
    expect(r.stdout).toContain('nested/bad.json\n  3:3  error  Unknown property "gendr" in Patient. Did you mean "gender"?  unknown-property  (Patient.gendr)');
  });
  test('--format sarif: SARIF 2.1.0 with rules, levels and 1-based regions', async () => {
    const r = await run(['.', '--format', 'sarif'], workspace());
    const sarif = JSON.parse(r.stdout) as {
      version: string;
      runs: { tool: { driver: { rules: { id: string }[] } }; results: { ruleId: string; ruleIndex: number; level: string; locations: { physicalLocation: { artifactLocation: { uri: string }; region: Record<string, number> } }[] }[] }[];
    };
    expect(sarif.version).toBe('2.1.0');
    const run0 = sarif.runs[0]!;
    const result = run0.results[0]!;
    expect(result.level).toBe('error');
    expect(run0.tool.driver.rules[result.ruleIndex]!.id).toBe(result.ruleId);
    expect(result.locations[0]!.physicalLocation.artifactLocation.uri).toBe('nested/bad.json');
    expect(result.locations[0]!.physicalLocation.region).toEqual({ startLine: 3, startColumn: 3, endLine: 3, endColumn: 10 });
  });
  test('exit 2: missing path, bad format, no paths', async () => {
    const dir = workspace();
    const missing = await run(['nope.json'], dir);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('cannot read');
    expect((await run(['.', '--format', 'xml'], dir)).code).toBe(2);
    expect((await run([], dir)).code).toBe(2);
  });
  test('the shipped examples: valid ones clean, invalid ones with errors', async () => {
    const r = await run(['examples', '--format', 'json'], repo);
    const out = JSON.parse(r.stdout) as { files: { path: string; issues: { severity: string }[] }[] };
    for (const f of out.files) {
      const errors = f.issues.filter((i) => i.severity === 'error').length;
      if (f.path.startsWith('examples/valid/')) expect(errors, f.path).toBe(0);
      else expect(errors, f.path).toBeGreaterThan(0);
    }
    expect(r.code).toBe(1);
  });
  test('wheelhouse.config.json: a rule turned off or lowered applies, as in the editor', async () => {
    const dir = workspace();
    writeFileSync(join(dir, 'wheelhouse.config.json'), JSON.stringify({ rules: { 'unknown-property': 'warning' } }));
    const r = await run(['nested/bad.json', '--format', 'json'], dir);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout) as { files: { issues: { ruleId: string; severity: string }[] }[] };
    expect(out.files[0]!.issues).toEqual([expect.objectContaining({ ruleId: 'unknown-property', severity: 'warning' })]);
    writeFileSync(join(dir, 'wheelhouse.config.json'), JSON.stringify({ rules: { 'unknown-property': 'off' } }));
    expect((await run(['nested/bad.json'], dir)).stdout).toBe('No problems in 1 file.\n');
  });
  test('a broken wheelhouse.config.json is a clear error with its location, exit 2', async () => {
    const dir = workspace();
    writeFileSync(join(dir, 'wheelhouse.config.json'), '{ "rules": { "unknown-property": "loud" } }');
    const r = await run(['good.json'], dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/wheelhouse\.config\.json:1:\d+/);
    expect(r.stdout).toBe('');
  });
});
