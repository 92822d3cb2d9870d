// `pnpm bench:lsp`: the language server over real JSON-RPC (stdio, the built `wheelhouse-language-server`),
// as an editor drives it (issue 7):
//  1. start: spawn to the first diagnostics of a small document (definitions and terminology loaded), N runs,
//     for the language server's bin and for the VS Code bundle (extension-vscode/dist/server.js, when built; its
//     first run fills Node's compile cache, later runs read it, as a user's later starts do);
//  2. a ~5 KB resource (the R4 spec example closest to 5 KB): didChange + textDocument/diagnostic round trips,
//     p50/p95 (the round trip includes JSON-RPC over stdio, so it bounds the time "in the server" from above);
//  3. a ~7 MB Bundle (scripts/bench/make-bundle.ts), in a server started for it: (a) opened and pulled with
//     textDocument/diagnostic (an open document over 1 MiB: the worker), first time and after an edit, then
//     (b) validated through workspace/diagnostic (the worker reads the file), each while a hover is sent to a
//     small open document every 10 ms; reports the validation time and the hover latencies during it (hovers
//     asked while the client itself was still writing the 7 MB message apart: they wait in the client). Opening
//     comes first, as a user meets it (before session 3 the workspace pass ran first and warmed its worker);
//  3a. the same Bundle opened in a fresh server straight after the first diagnostics of a small document;
//  3b. an IG source folder (the UK Core 2.0.2 sources) as the workspace: start to the first diagnostics of a
//     Patient claiming UKCore-Patient, hovering meanwhile (the folder's profiles load first: in the worker since
//     session 3, on the main thread before);
//  4. memory: the server's RSS (/proc/<pid>/status VmRSS, VmHWM) after the core definitions and terminology are
//     loaded and the 7 MB Bundle validated; and the engine's RSS with core + UK Core 2.0.2 (ukcore-memory.ts).
// Servers are ended with shutdown + exit, as an editor does (Node then writes its compile cache for the bundle).
// Usage: node scripts/bench-lsp/index.ts [--runs 5] [--iterations 200] [--mb 7] [--server <entry.js>] [--bundle <entry.js>]
//   [--transport stdio|ipc] [--slow <ms>]
// (--server: the server spawned for every step, default language-server/bin/wheelhouse-language-server.js;
// --bundle: the second server timed in step 1, default extension-vscode/dist/server.js; "none" skips it;
// --transport: how every server is connected, default stdio; ipc is what VS Code's client uses for our extension;
// --slow: print each hover of step 3 slower than this, with when it was asked relative to the big message)
import { spawnSync } from 'node:child_process';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { makeBundle } from '../bench/make-bundle.ts';
import { startClient as startClientOn, type Client } from './client.ts';
import { pickEntry } from '../../language-server/bin/entry.js';

const repo = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const { values } = parseArgs({
  options: {
    runs: { type: 'string', default: '5' },
    iterations: { type: 'string', default: '200' },
    mb: { type: 'string', default: '7' },
    server: { type: 'string' },
    bundle: { type: 'string' },
    transport: { type: 'string', default: 'stdio' },
    slow: { type: 'string' },
  },
});
const examples = join(repo, '..', 'shared', 'fhir', 'test-cases', 'r4-spec-examples');
if (!existsSync(examples)) {
  console.error(`bench-lsp: no R4 spec examples at ${examples} (../shared beside the repo); nothing to run.`);
  process.exit(2);
}
const bin = values.server ?? join(repo, 'language-server', 'bin', 'wheelhouse-language-server.js');
const bundle =
  values.bundle === 'none'
    ? undefined
    : (values.bundle ?? join(repo, 'extension-vscode', 'dist', 'server.js'));
if (
  !existsSync(join(repo, 'language-server', 'dist', 'server.js')) ||
  !existsSync(join(repo, 'shared', 'dist', 'definitions', 'r4-core.json'))
) {
  console.error('bench-lsp: build first (`pnpm build`).');
  process.exit(2);
}

const transport = values.transport === 'ipc' ? 'ipc' : 'stdio';
const startClient = (folder: string | undefined, entry = bin): Promise<Client> =>
  startClientOn([entry], folder, undefined, transport);

const open = (c: Client, uri: string, text: string, version = 1): Promise<void> =>
  c.conn.sendNotification('textDocument/didOpen', {
    textDocument: { uri, languageId: 'json', version, text },
  });
const pull = (c: Client, uri: string): Promise<{ items: unknown[] }> =>
  c.conn.sendRequest<{ items: unknown[] }>('textDocument/diagnostic', { textDocument: { uri } });

function pct(xs: number[], p: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)]!;
}
const ms = (x: number): string => `${x.toFixed(1)} ms`;
const median = (xs: number[]): number => pct(xs, 50);

/** The process's CPU time (user + system, all threads) in ms, from /proc/<pid>/stat (clock ticks of 10 ms). */
function cpuMs(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  return (Number(fields[11]) + Number(fields[12])) * 10;
}

/**
 * Waits until the server has used under 10 ms CPU in 250 ms (at most 10 s): its worker has finished warming up
 * after initialize (session 3), as when a user starts editing a few seconds after opening the editor. Returns
 * the wait in ms. Step 3a measures the other case: a big document opened while the worker may still warm up.
 */
async function settled(pid: number): Promise<number> {
  const t0 = performance.now();
  let before = cpuMs(pid);
  while (performance.now() - t0 < 10_000) {
    await new Promise((r) => setTimeout(r, 250));
    const now = cpuMs(pid);
    if (now - before < 10) break;
    before = now;
  }
  return performance.now() - t0;
}

function memory(pid: number): { rss: number; peak: number } {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (key: string): number => Number(new RegExp(`${key}:\\s+(\\d+)`).exec(status)?.[1] ?? 0);
  return { rss: kb('VmRSS') / 1024, peak: kb('VmHWM') / 1024 };
}

// Inputs.
const files = readdirSync(examples).filter((f) => f.endsWith('.json'));
const fiveKb = files
  .map((f) => ({ f, size: statSync(join(examples, f)).size }))
  .sort((a, b) => Math.abs(a.size - 5120) - Math.abs(b.size - 5120))[0]!;
const fiveKbText = readFileSync(join(examples, fiveKb.f), 'utf8');
const small =
  '{\n  "resourceType": "Patient",\n  "id": "p1",\n  "gender": "female",\n  "birthDate": "1985-07-14"\n}\n';
const dir = mkdtempSync(join(tmpdir(), 'wh-bench-lsp-'));
const bigText = makeBundle(examples, Number(values.mb) * 1024 * 1024);
const workspaceDir = join(dir, 'ws');
mkdirSync(workspaceDir);
writeFileSync(join(workspaceDir, 'bundle.json'), bigText);

console.log(
  `bench-lsp: Node ${process.version}; ${transport}; 5 KB input ${fiveKb.f} (${fiveKb.size} B); big input ${(bigText.length / 1024 / 1024).toFixed(1)} MB Bundle`,
);
if (!values.server)
  console.log(
    `the language server's bin runs ${pickEntry('server').bundle ? 'the esbuild bundle (language-server/dist/bundle/)' : "tsc's dist/ (no up-to-date bundle)"}`,
  );

// 1. Start to first diagnostics.
async function starts(entry: string, label: string): Promise<void> {
  const times: number[] = [];
  const cpus: number[] = [];
  for (let i = 0; i < Number(values.runs); i++) {
    const t0 = performance.now();
    const c = await startClient(undefined, entry);
    await open(c, 'file:///bench/small.json', small);
    await pull(c, 'file:///bench/small.json');
    times.push(performance.now() - t0);
    cpus.push(cpuMs(c.proc.pid!));
    await c.dispose();
  }
  console.log(
    `start -> first diagnostics, ${label}: median ${ms(median(times))} (min ${ms(Math.min(...times))}, max ${ms(Math.max(...times))}, ${times.length} runs); server CPU median ${ms(median(cpus))}`,
  );
}
await starts(bin, values.server ? values.server : 'language-server bin');
if (bundle && existsSync(bundle)) await starts(bundle, `VS Code bundle ${bundle.slice(repo.length + 1)}`);

// 2. The 5 KB resource, edited and pulled repeatedly.
{
  const c = await startClient(undefined);
  const uri = 'file:///bench/five-kb.json';
  await open(c, uri, fiveKbText);
  await pull(c, uri); // warm-up: engine set up
  const waited = await settled(c.proc.pid!);
  const times: number[] = [];
  let issues = 0;
  const cpu0 = cpuMs(c.proc.pid!);
  for (let v = 2; v < Number(values.iterations) + 2; v++) {
    // A real edit each time (a trailing newline more), so no cache can answer.
    await c.conn.sendNotification('textDocument/didChange', {
      textDocument: { uri, version: v },
      contentChanges: [{ text: fiveKbText + '\n'.repeat(v % 7) }],
    });
    const t0 = performance.now();
    issues = (await pull(c, uri)).items.length;
    times.push(performance.now() - t0);
  }
  const cpuPer = (cpuMs(c.proc.pid!) - cpu0) / times.length;
  console.log(
    `server CPU per edit + diagnostics: ${ms(cpuPer)} (mean; edits start once the server is at rest, ${ms(waited)} after its first diagnostics)`,
  );
  console.log(
    `5 KB resource diagnostics (${times.length} edits, ${issues} issues): p50 ${ms(pct(times, 50))}, p95 ${ms(pct(times, 95))}, max ${ms(Math.max(...times))}`,
  );
  await c.dispose();
}

// 3. The big Bundle while hovering. A hover asked while the client is still writing the big didOpen/didChange
// (encoding 7 MB of JSON and pushing it through the pipe, ~100 ms in this client) cannot leave the client before
// that message has: its latency is the client's own write plus the server's answer. Those hovers are reported
// apart ("behind the client's write"); the p50/p95/max are of the hovers asked once the big message had left, i.e.
// what the server's answering costs while it decodes and validates the document.
interface HoverRun {
  hovers: number[];
  /** Hovers asked before `start`'s big message was written, and the time that write took. */
  queued: number[];
  writeMs: number;
  workMs: number;
  cpuMs: number;
}
async function hoverWhile(c: Client, start: (written: () => void) => Promise<unknown>): Promise<HoverRun> {
  const hovers: number[] = [];
  const queued: number[] = [];
  let done = false;
  const cpu0 = cpuMs(c.proc.pid!);
  const t0 = performance.now();
  let writtenAt: number | undefined;
  const work = start(() => (writtenAt = performance.now()));
  const finished = work.then(() => {
    done = true;
    return performance.now() - t0;
  });
  const loop = (async () => {
    while (!done) {
      const h0 = performance.now();
      const behindWrite = writtenAt === undefined;
      await c.conn.sendRequest('textDocument/hover', {
        textDocument: { uri: 'file:///bench/small.json' },
        position: { line: 3, character: 5 },
      });
      const took = performance.now() - h0;
      if (values.slow !== undefined && took > Number(values.slow))
        console.log(
          `  slow hover: ${ms(took)}, asked ${ms(h0 - t0)} after the big message was sent (${writtenAt === undefined ? 'still being written' : `written after ${ms(writtenAt - t0)}`})`,
        );
      (behindWrite ? queued : hovers).push(took);
      await new Promise((r) => setTimeout(r, 10));
    }
  })();
  const workMs = await finished;
  await loop;
  return { hovers, queued, writeMs: (writtenAt ?? t0) - t0, workMs, cpuMs: cpuMs(c.proc.pid!) - cpu0 };
}
function hoverLine(label: string, r: HoverRun): void {
  const behind =
    r.queued.length > 0
      ? `; ${r.queued.length} asked while the client was still writing the big message (${ms(r.writeMs)}): max ${ms(Math.max(...r.queued))}`
      : '';
  console.log(
    `${label}: ${ms(r.workMs)} wall, ${ms(r.cpuMs)} server CPU; hover during it: ${r.hovers.length} answered, p50 ${ms(pct(r.hovers, 50))}, p95 ${ms(pct(r.hovers, 95))}, max ${ms(Math.max(...r.hovers))}${behind}`,
  );
}
{
  const c = await startClient(workspaceDir);
  await open(c, 'file:///bench/small.json', small);
  await pull(c, 'file:///bench/small.json');
  await c.conn.sendRequest('textDocument/hover', {
    textDocument: { uri: 'file:///bench/small.json' },
    position: { line: 3, character: 5 },
  }); // hover texts loaded
  const idle: number[] = [];
  for (let i = 0; i < 50; i++) {
    const h0 = performance.now();
    await c.conn.sendRequest('textDocument/hover', {
      textDocument: { uri: 'file:///bench/small.json' },
      position: { line: 3, character: 5 },
    });
    idle.push(performance.now() - h0);
  }
  console.log(`hover, idle server: p50 ${ms(pct(idle, 50))}, p95 ${ms(pct(idle, 95))}`);
  await settled(c.proc.pid!);
  // The order a user meets: a big Bundle opened (the first job of the server's one worker, which has been
  // warming up since initialize), edited, then a workspace pass (the same worker, now warm).
  const bigUri = 'file:///bench/big.json';
  const opened = await hoverWhile(c, async (written) => {
    await open(c, bigUri, bigText);
    written();
    return pull(c, bigUri);
  });
  hoverLine(
    `${values.mb} MB Bundle opened: didOpen + textDocument/diagnostic (worker's first document, warmed since initialize)`,
    opened,
  );
  const edited = await hoverWhile(c, async (written) => {
    await c.conn.sendNotification('textDocument/didChange', {
      textDocument: { uri: bigUri, version: 2 },
      contentChanges: [
        { range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: ' ' },
      ],
    });
    written();
    return pull(c, bigUri);
  });
  hoverLine(`${values.mb} MB Bundle edited: didChange + textDocument/diagnostic (worker warm)`, edited);
  const viaWorker = await hoverWhile(c, (written) => {
    written();
    return c.conn.sendRequest('workspace/diagnostic', { previousResultIds: [] });
  });
  hoverLine(
    `${values.mb} MB Bundle via workspace/diagnostic (worker reads the file; first pass, folder's conformance loaded)`,
    viaWorker,
  );
  const again = await hoverWhile(c, (written) => {
    written();
    return c.conn.sendRequest('workspace/diagnostic', { previousResultIds: [] });
  });
  hoverLine(`${values.mb} MB Bundle via workspace/diagnostic (again)`, again);
  const m = memory(c.proc.pid!);
  console.log(
    `server memory after core definitions + terminology + the ${values.mb} MB Bundle: RSS ${m.rss.toFixed(0)} MB, peak ${m.peak.toFixed(0)} MB (main process; the worker thread shares it)`,
  );
  await c.dispose();
}
// 3a. A fresh server, the big Bundle opened as soon as a small document has its first diagnostics: the worker may
// still be warming up, and the first hovers are the server's first (hover texts not read yet unless preloaded).
{
  const runs: HoverRun[] = [];
  for (let i = 0; i < Math.min(3, Number(values.runs)); i++) {
    const c = await startClient(undefined);
    await open(c, 'file:///bench/small.json', small);
    await pull(c, 'file:///bench/small.json');
    runs.push(
      await hoverWhile(c, async (written) => {
        await open(c, 'file:///bench/big.json', bigText);
        written();
        return pull(c, 'file:///bench/big.json');
      }),
    );
    await c.dispose();
  }
  const byWork = [...runs].sort((a, b) => a.workMs - b.workMs);
  hoverLine(
    `${values.mb} MB Bundle opened right after the first diagnostics of a small document (fresh server, median of ${runs.length} runs by wall time)`,
    byWork[Math.floor((byWork.length - 1) / 2)]!,
  );
  console.log(
    `  same, hover max over the ${runs.length} runs: ${ms(Math.max(...runs.flatMap((r) => r.hovers)))} (asked while the client was still writing: ${ms(Math.max(...runs.flatMap((r) => r.queued)))}); first hover of each server: ${runs.map((r) => ms(r.queued[0] ?? r.hovers[0] ?? NaN)).join(', ')}`,
  );
}
const ukCoreDir = join(repo, '..', 'shared', 'fhir', 'sources', 'uk-core', '2.0.2');
// 3b. An IG source folder as the workspace: its profiles load before the first diagnostics of a document in it.
if (existsSync(ukCoreDir)) {
  const firsts: number[] = [];
  const hovers: number[] = [];
  let rss = 0;
  const uri = pathToFileURL(join(ukCoreDir, 'bench-patient.json')).href; // never written: an unsaved document
  const patient = JSON.stringify(
    {
      resourceType: 'Patient',
      meta: { profile: ['https://fhir.hl7.org.uk/StructureDefinition/UKCore-Patient'] },
      identifier: [{ system: 'https://fhir.nhs.uk/Id/nhs-number', value: '9000000009' }],
      gender: 'female',
    },
    null,
    2,
  );
  for (let i = 0; i < Number(values.runs); i++) {
    const t0 = performance.now();
    const c = await startClient(ukCoreDir);
    await open(c, uri, patient);
    let done = false;
    const first = pull(c, uri).then(() => {
      done = true;
      firsts.push(performance.now() - t0);
    });
    while (!done) {
      const h0 = performance.now();
      await c.conn.sendRequest('textDocument/hover', {
        textDocument: { uri },
        position: { line: 4, character: 6 },
      });
      hovers.push(performance.now() - h0);
      await new Promise((r) => setTimeout(r, 10));
    }
    await first;
    rss = memory(c.proc.pid!).rss;
    await c.dispose();
  }
  console.log(
    `UK Core 2.0.2 sources as the workspace: start -> first diagnostics of a UKCore-Patient median ${ms(median(firsts))} (min ${ms(Math.min(...firsts))}, max ${ms(Math.max(...firsts))}); hover meanwhile: ${hovers.length} answered, p95 ${ms(pct(hovers, 95))}, max ${ms(Math.max(...hovers))}; server RSS then ${rss.toFixed(0)} MB (core + UK Core loaded)`,
  );
}
// 4b. Core + UK Core in one process, the engine alone.
if (existsSync(ukCoreDir)) {
  const out = spawnSync(
    process.execPath,
    [join(repo, 'scripts', 'bench-lsp', 'ukcore-memory.ts'), ukCoreDir],
    { encoding: 'utf8' },
  );
  const m = JSON.parse(out.stdout) as {
    baselineMb: number;
    coreMb: number;
    coreAndUkCoreMb: number;
    snapshots?: number;
  };
  console.log(
    `engine RSS in one process: Node + modules ${m.baselineMb.toFixed(0)} MB, + core definitions/terminology ${m.coreMb.toFixed(0)} MB, + UK Core 2.0.2 (${m.snapshots ?? '?'} snapshots) ${m.coreAndUkCoreMb.toFixed(0)} MB`,
  );
} else {
  console.log(`engine RSS with UK Core: skipped (no UK Core 2.0.2 sources at ${ukCoreDir})`);
}
rmSync(dir, { recursive: true, force: true });
process.exit(0);
