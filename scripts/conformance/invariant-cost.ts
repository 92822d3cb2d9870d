// What the FHIRPath invariants cost: CPU time of validating one file with every rule, without the invariant
// rule, and with invariants on fhirpath.js only (fast paths off), each in its own process so start-up and
// compilation are counted. Usage (after `pnpm exec tsc -b`):
//   node scripts/conformance/invariant-cost.ts <file.json> [runs=5]
// CPU time (user+system) is reported beside wall time: on a shared machine wall time mostly measures the
// neighbours.
import { spawnSync } from 'node:child_process';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const repo = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const [file, runsArg, mode] = process.argv.slice(2);
if (!file) {
  console.error('usage: node scripts/conformance/invariant-cost.ts <file.json> [runs=5]');
  process.exit(2);
}

if (mode) {
  // Child: one validation in this process; prints {wallMs, cpuMs, issues, stats}.
  const started = performance.now();
  const cpu0 = process.cpuUsage();
  const { readFileSync } = await import('node:fs');
  interface RuleLike {
    id: string;
  }
  type Check = (this: unknown, applicable: { fast?: unknown }[], value: unknown, env: unknown) => unknown;
  const validation = (await import(join(repo, 'shared', 'dist', 'validation', 'index.js'))) as {
    rules: RuleLike[];
    createValidator(deps: { definitions: unknown; terminology: unknown; fhirpath: unknown; rules: RuleLike[] }): { validate(text: string, o: { fileName: string }): { issues: unknown[] } };
  };
  const node = (await import(join(repo, 'shared', 'dist', 'node', 'index.js'))) as { loadR4Definitions(): object; loadR4Terminology(): unknown; nodeFhirPathProvider: object };
  const inv = (await import(join(repo, 'shared', 'dist', 'validation', 'invariants', 'index.js'))) as {
    InvariantChecker: { prototype: { check: Check } };
    invariantCheckerFor(definitions: object, provider: object): { stats: unknown };
  };
  if (mode === 'fhirpath-only') {
    // Benchmark only: hide the fast paths so every invariant goes to fhirpath.js.
    const check = inv.InvariantChecker.prototype.check;
    inv.InvariantChecker.prototype.check = function (this: unknown, applicable, value, env) {
      return check.call(this, applicable.map((a) => ({ ...a, fast: undefined })), value, env);
    };
  }
  const definitions = node.loadR4Definitions();
  const rules = mode === 'no-invariants' ? validation.rules.filter((r) => r.id !== 'invariant') : validation.rules;
  const validator = validation.createValidator({ definitions, terminology: node.loadR4Terminology(), fhirpath: node.nodeFhirPathProvider, rules });
  const result = validator.validate(readFileSync(file, 'utf8'), { fileName: file });
  const cpu = process.cpuUsage(cpu0);
  console.log(
    JSON.stringify({ wallMs: performance.now() - started, cpuMs: (cpu.user + cpu.system) / 1000, issues: result.issues.length, stats: inv.invariantCheckerFor(definitions, node.nodeFhirPathProvider).stats }),
  );
} else {
  const runs = Number(runsArg ?? 5);
  const modes = ['all', 'no-invariants', 'fhirpath-only'] as const;
  const samples: Record<string, { wall: number[]; cpu: number[]; stats?: unknown }> = {};
  for (let i = 0; i < runs; i++) {
    for (const m of modes) {
      const child = spawnSync(process.execPath, [fileURLToPath(import.meta.url), file, '1', m], { encoding: 'utf8' });
      if (child.status !== 0) throw new Error(`${m} failed: ${child.stderr}`);
      const r = JSON.parse(child.stdout) as { wallMs: number; cpuMs: number; stats: unknown };
      const s = (samples[m] ??= { wall: [], cpu: [] });
      s.wall.push(r.wallMs);
      s.cpu.push(r.cpuMs);
      s.stats = r.stats;
    }
  }
  const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
  console.log(`invariant cost on ${file}, ${runs} runs each (medians, in-process from module load to result)`);
  for (const m of modes) {
    const s = samples[m]!;
    console.log(`  ${m.padEnd(14)} cpu ${median(s.cpu).toFixed(0).padStart(6)} ms   wall ${median(s.wall).toFixed(0).padStart(6)} ms   ${m === 'no-invariants' ? '' : JSON.stringify(s.stats)}`);
  }
}
