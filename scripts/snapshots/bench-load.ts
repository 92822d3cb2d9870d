/**
 * Benchmark: load a UK Core source folder as a workspace with every snapshot generated, cold (empty
 * snapshot cache: all snapshots generated; core definitions from the build's core-r4-sds.dat, or
 * built into the cache when absent) and then cached (snapshots read from the cache), each in a fresh
 * process. Wall and CPU time (CPU is steadier on a shared machine).
 * Run after `tsc -b`: node scripts/snapshots/bench-load.ts [folder]   (default ../shared/fhir/sources/uk-core/2.0.2)
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';

const { values, positionals } = parseArgs({ allowPositionals: true, options: { child: { type: 'string' }, runs: { type: 'string', default: '3' } } });
const folder = resolve(positionals[0] ?? join(import.meta.dirname, '../../../shared/fhir/sources/uk-core/2.0.2'));

if (values.child) {
  const started = performance.now();
  const cpu0 = process.cpuUsage();
  const { loadR4Definitions } = await import('../../shared/dist/node/definitions.js');
  const { loadConformance } = await import('../../shared/dist/node/packages/loader.js');
  const { fhirXmlToJson } = await import('../../shared/dist/xml/index.js');
  // The definitions index is needed only to convert XML files (none when JSON twins exist).
  let definitions: ReturnType<typeof loadR4Definitions> | undefined;
  const loaded = loadConformance({ workspaces: [folder], cacheDir: values.child, fhirCache: join(values.child, 'fhir'), xmlToJson: (t) => fhirXmlToJson(t, (definitions ??= loadR4Definitions())) });
  const generated = loaded.store.generateAllSnapshots();
  if (loaded.snapshotCache && generated > 0) loaded.snapshotCache.cache.save(loaded.store, loaded.snapshotCache.key);
  const ms = performance.now() - started;
  const cpu = process.cpuUsage(cpu0);
  const cpuMs = (cpu.user + cpu.system) / 1000;
  const sds = [...loaded.store.all('StructureDefinition')].filter((s) => s.origin.source !== 'core').length;
  console.log(JSON.stringify({ ms, cpuMs, sds, generated, fromCache: loaded.snapshotCache?.loaded ?? 0 }));
  process.exit(0);
}

interface RunResult { ms: number; cpuMs: number; sds: number; generated: number; fromCache: number }
const run = (cacheDir: string): RunResult => {
  const r = spawnSync(process.execPath, [import.meta.filename, folder, '--child', cacheDir], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(r.stderr);
  return JSON.parse(r.stdout.trim().split('\n').at(-1) ?? '{}') as RunResult;
};
const cold: number[] = [];
const cached: number[] = [];
const coldCpu: number[] = [];
const cachedCpu: number[] = [];
let info = '';
for (let i = 0; i < Number(values.runs); i++) {
  const dir = mkdtempSync(join(tmpdir(), 'wh-bench-'));
  try {
    const c = run(dir);
    const w = run(dir);
    cold.push(c.ms);
    cached.push(w.ms);
    coldCpu.push(c.cpuMs);
    cachedCpu.push(w.cpuMs);
    info = `${c.sds} StructureDefinitions, ${c.generated} snapshots generated cold, ${w.fromCache} read from cache`;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;
console.log(`${folder}: ${info}`);
console.log(`cold (empty snapshot cache): median ${median(cold).toFixed(0)} ms wall, ${median(coldCpu).toFixed(0)} ms CPU  (wall runs: ${cold.map((x) => x.toFixed(0)).join(', ')})`);
console.log(`cached (second run):         median ${median(cached).toFixed(0)} ms wall, ${median(cachedCpu).toFixed(0)} ms CPU  (wall runs: ${cached.map((x) => x.toFixed(0)).join(', ')})`);
