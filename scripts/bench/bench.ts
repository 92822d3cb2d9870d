// `pnpm bench`: whole-process timings, start-up included, as a user runs them.
//  1. builds a ~7 MB `collection` Bundle from ../shared/fhir/test-cases/r4-spec-examples (make-bundle.ts);
//  2. alternates `wheelhouse validate <bundle> --format json`, the @medplum/core validateResource script
//     (medplum-validate.ts) and a JSON.parse-only process (the floor), N runs each; reports medians,
//     min/max, CPU time (user+sys) and peak RSS (GNU time's %U %S %M when /usr/bin/time exists; CPU time
//     is the steadier figure on a shared machine);
//  3. cold start: `wheelhouse validate` on a one-resource file (definitions loaded, validator ready), in a
//     folder without wheelhouse.config.json and in one with a config (which loads the zod schema).
// Every process runs in a temporary folder, so this repository's own wheelhouse.config.json (which names
// a development UK Core index) does not apply.
// Usage: node scripts/bench/bench.ts [--runs 7] [--mb 7] [--baseline <other checkout>/language-server/bin/wheelhouse.js]
// --baseline alternates another build's CLI with this one (before/after figures under the same load).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { makeBundle } from './make-bundle.ts';
import { pickEntry } from '../../language-server/bin/entry.js';

const repo = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const { values } = parseArgs({ options: { runs: { type: 'string', default: '7' }, mb: { type: 'string', default: '7' }, baseline: { type: 'string' } } });
const runs = Number(values.runs);
const examples = join(repo, '..', 'shared', 'fhir', 'test-cases', 'r4-spec-examples');
if (!existsSync(examples)) {
  console.error(`bench: no R4 spec examples at ${examples} (../shared beside the repo); nothing to run.`);
  process.exit(2);
}
const cli = join(repo, 'language-server', 'bin', 'wheelhouse.js');
if (!existsSync(join(repo, 'language-server', 'dist', 'cli.js')) || !existsSync(join(repo, 'shared', 'dist', 'definitions', 'r4-core.json'))) {
  console.error('bench: build first (`pnpm build`).');
  process.exit(2);
}

const dir = mkdtempSync(join(tmpdir(), 'wh-bench-'));
const bundle = join(dir, 'bundle.json');
const text = makeBundle(examples, Number(values.mb) * 1024 * 1024);
writeFileSync(bundle, text);
const small = join(dir, 'patient.json');
writeFileSync(small, JSON.stringify({ resourceType: 'Patient', id: 'p1', identifier: [{ system: 'https://fhir.nhs.uk/Id/nhs-number', value: '9449305552' }], gender: 'female', birthDate: '1985-07-14' }));

const configured = join(dir, 'with-config');
mkdirSync(configured);
writeFileSync(join(configured, 'wheelhouse.config.json'), JSON.stringify({ pdsCompatibility: false, rules: {} }));

const node = process.execPath;
const gnuTime = existsSync('/usr/bin/time') ? '/usr/bin/time' : undefined;

interface Sample {
  ms: number;
  cpuMs?: number;
  rssMb?: number;
  status: number | null;
}

function once(args: readonly string[], cwd = dir): Sample {
  const cmd = gnuTime ? gnuTime : node;
  const full = gnuTime ? ['-f', '%M %U %S', node, ...args] : args;
  const t0 = performance.now();
  const r = spawnSync(cmd, full, { cwd, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  const ms = performance.now() - t0;
  const m = gnuTime ? /(\d+) ([\d.]+) ([\d.]+)\s*$/.exec(r.stderr.trim()) : null;
  if (!m) return { ms, status: r.status };
  return { ms, status: r.status, rssMb: Number(m[1]) / 1024, cpuMs: (Number(m[2]) + Number(m[3])) * 1000 };
}

const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};

const subjects: Record<string, { args: readonly string[]; cwd?: string }> = {
  wheelhouse: { args: [cli, 'validate', bundle, '--format', 'json'] },
  medplum: { args: [join(repo, 'scripts', 'bench', 'medplum-validate.ts'), bundle] },
  'JSON.parse floor': { args: [join(repo, 'scripts', 'bench', 'json-parse-floor.ts'), bundle] },
  'cold start (1 resource)': { args: [cli, 'validate', small, '--format', 'json'] },
  'cold start, with wheelhouse.config.json': { args: [cli, 'validate', small, '--format', 'json'], cwd: configured },
};
if (values.baseline) {
  const base = values.baseline;
  if (!existsSync(base)) {
    console.error(`bench: no baseline CLI at ${base}`);
    process.exit(2);
  }
  subjects['wheelhouse (baseline)'] = { args: [base, 'validate', bundle, '--format', 'json'] };
  subjects['cold start (1 resource, baseline)'] = { args: [base, 'validate', small, '--format', 'json'] };
  subjects['cold start, with wheelhouse.config.json (baseline)'] = { args: [base, 'validate', small, '--format', 'json'], cwd: configured };
}
const samples: Record<string, Sample[]> = Object.fromEntries(Object.keys(subjects).map((k) => [k, []]));
// Warm the file cache (and Node's compile cache, which the CLI enables), not measured.
for (const { args, cwd } of Object.values(subjects)) once(args, cwd);
const loadBefore = loadavg()[0]!;
for (let i = 0; i < runs; i++) {
  for (const [name, { args, cwd }] of Object.entries(subjects)) samples[name]!.push(once(args, cwd));
}

const lines = [
  `bundle: ${(text.length / 1024 / 1024).toFixed(1)} MB, ${(text.match(/"fullUrl"/g) ?? []).length} entries; ${runs} alternated runs each; node ${process.version}; load average ${loadBefore.toFixed(2)} before, ${loadavg()[0]!.toFixed(2)} after`,
  // The bin runs the esbuild bundle only when it is as new as tsc's output (language-server/bin/entry.js).
  `wheelhouse runs ${pickEntry('cli').bundle ? 'the esbuild bundle (language-server/dist/bundle/)' : "tsc's dist/ (no up-to-date bundle: run `pnpm build`)"}`,
  '',
  '| process | wall median | wall min | wall max | CPU median | peak RSS (median) | exit |',
  '| --- | ---: | ---: | ---: | ---: | ---: | ---: |',
];
for (const [name, ss] of Object.entries(samples)) {
  const ms = ss.map((s) => s.ms);
  const rss = ss.map((s) => s.rssMb).filter((x): x is number => x !== undefined);
  const cpu = ss.map((s) => s.cpuMs).filter((x): x is number => x !== undefined);
  lines.push(
    `| ${name} | ${median(ms).toFixed(0)} ms | ${Math.min(...ms).toFixed(0)} ms | ${Math.max(...ms).toFixed(0)} ms | ${cpu.length ? `${median(cpu).toFixed(0)} ms` : 'n/a'} | ${rss.length ? `${median(rss).toFixed(0)} MB` : 'n/a'} | ${ss[0]!.status} |`,
  );
}
const ratio = (key: 'ms' | 'cpuMs'): string => {
  const w = median(samples['wheelhouse']!.map((s) => s[key] ?? NaN));
  const p = median(samples['medplum']!.map((s) => s[key] ?? NaN));
  return Number.isFinite(w) && Number.isFinite(p) ? `${(p / w).toFixed(2)}x` : 'n/a';
};
lines.push('', `medplum / wheelhouse, whole process (medians): wall ${ratio('ms')}, CPU ${ratio('cpuMs')}`);
console.log(lines.join('\n'));
