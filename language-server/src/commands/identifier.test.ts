// `wheelhouse identifier`: all 134 NHS vectors through the CLI (in-process main(), plus one spawn of the built bin).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import { main } from '../cli.js';
import type { CommandIO } from './command.js';

const repo = fileURLToPath(new URL('../../../', import.meta.url));
const vectorsFile = join(repo, '..', 'shared', 'domain', 'test-vectors.json');
const present = existsSync(vectorsFile);
if (!present)
  process.stderr.write(
    `Skipping CLI NHS vectors: ${vectorsFile} not found (the shared data folder sits beside the repo).\n`,
  );

interface Vector {
  id: string;
  kind: string;
  input: string;
  context?: { system?: string; element?: string; fhirVersion?: string };
  verdict: string;
  rules: string[];
}
interface Output {
  kind: string;
  value: string;
  verdict: string;
  rules: string[];
  message: string;
}

const vectors: Vector[] = present
  ? (JSON.parse(readFileSync(vectorsFile, 'utf8')) as { vectors: Vector[] }).vectors
  : [];

async function run(args: string[], cwd = repo): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const io: CommandIO = { cwd, env: {}, stdout: (t) => (stdout += t), stderr: (t) => (stderr += t) };
  const code = await main(args, io);
  return { code, stdout, stderr };
}

function argsFor(v: Vector): string[] {
  const args = ['identifier', v.kind, v.input, '--format', 'json'];
  if (v.context?.system) args.push('--system', v.context.system);
  if (v.context?.element) args.push('--element', v.context.element);
  if (v.context?.fhirVersion) args.push('--fhir-version', v.context.fhirVersion);
  return args;
}

describe.skipIf(!present)('NHS test vectors via `wheelhouse identifier` (in-process)', () => {
  test.each(vectors.map((v) => [v.id, v] as const))('%s', async (_id, v) => {
    const { code, stdout } = await run(argsFor(v));
    expect(code).toBe(0);
    const out = JSON.parse(stdout) as Output;
    expect(Object.keys(out).sort()).toEqual(['kind', 'message', 'rules', 'value', 'verdict']);
    expect(out.kind).toBe(v.kind);
    expect(out.value).toBe(v.input);
    expect(out.verdict).toBe(v.verdict);
    for (const rule of v.rules) expect(out.rules).toContain(rule);
    expect(out.message.length).toBeGreaterThan(0);
  });
});

describe('wheelhouse identifier', () => {
  test('unknown kind exits 2 and lists the kinds', async () => {
    const { code, stderr } = await run(['identifier', 'nhs-numbr', '9434765919']);
    expect(code).toBe(2);
    expect(stderr).toContain('unknown kind "nhs-numbr"');
    expect(stderr).toContain('prescription-id-short');
  });

  test('missing value and bad format are usage errors', async () => {
    expect((await run(['identifier', 'nhs-number'])).code).toBe(2);
    expect((await run(['identifier', 'nhs-number', '9434765919', '--format', 'xml'])).code).toBe(2);
  });

  test('text output names the rule, the fix and the docs page', async () => {
    const { code, stdout } = await run(['identifier', 'nhs-number', '943 476 5919']);
    expect(code).toBe(0);
    expect(stdout).toContain('invalid');
    expect(stdout).toContain('nhs-number-format');
    expect(stdout).toContain('fix: Use "9434765919"');
    expect(stdout).toContain('docs/rules/nhs-number-format.md');
  });

  test('config: rule off, severity override and PDS compatibility', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'wh-identifier-'));
    writeFileSync(
      join(dir, 'wheelhouse.config.json'),
      JSON.stringify({
        rules: { 'nhs-number-checksum': 'warning', 'nhs-number-test-range': 'off' },
        pdsCompatibility: true,
      }),
    );
    const checksum = JSON.parse(
      (await run(['identifier', 'nhs-number', '9434765911', '--format', 'json'], dir)).stdout,
    ) as Output;
    expect(checksum.verdict).toBe('warning');
    const testRange = JSON.parse(
      (await run(['identifier', 'nhs-number', '9990548609', '--format', 'json'], dir)).stdout,
    ) as Output;
    expect(testRange.rules).toEqual([]);
    const pds = JSON.parse(
      (
        await run(
          [
            'identifier',
            'nhs-number-verification-status',
            'https://fhir.hl7.org.uk/CodeSystem/UKCore-NHSNumberVerificationStatus|01',
            '--format',
            'json',
          ],
          dir,
        )
      ).stdout,
    ) as Output;
    expect(pds.verdict).toBe('warning');
  });

  test('a bad config file is a located error, exit 2', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'wh-identifier-'));
    writeFileSync(join(dir, 'wheelhouse.config.json'), '{\n  "pdsCompatibility": "yes"\n}');
    const { code, stderr } = await run(['identifier', 'nhs-number', '9434765919'], dir);
    expect(code).toBe(2);
    expect(stderr).toContain('wheelhouse.config.json:2:');
    expect(stderr).toContain('pdsCompatibility');
  });

  const bin = join(repo, 'language-server', 'bin', 'wheelhouse.js');
  const built = existsSync(join(repo, 'language-server', 'dist', 'cli.js'));
  if (!built)
    process.stderr.write(
      'Skipping the built-bin spawn: language-server/dist/cli.js missing (run `pnpm exec tsc -b`).\n',
    );
  test.skipIf(!built || !present)(
    'the built bin agrees (one spawn)',
    () => {
      const v = vectors.find((x) => x.id === 'v-nhs-number-008');
      expect(v).toBeDefined();
      if (!v) return;
      const r = spawnSync(process.execPath, [bin, ...argsFor(v)], {
        cwd: repo,
        encoding: 'utf8',
        timeout: 60_000,
      });
      expect(r.status).toBe(0);
      const out = JSON.parse(r.stdout) as Output;
      expect(out).toMatchObject({ kind: 'nhs-number', value: '9000000000', verdict: 'invalid' });
      expect(out.rules).toContain('nhs-number-checksum');
    },
    60_000,
  );
});
