// `node scripts/bench-lsp/profile.ts [--server <entry.js>] [--scenario open|ukcore] [--out <dir>]`: runs one bench-lsp
// scenario against a server started with --cpu-prof (main thread and worker threads each write a .cpuprofile to
// <dir>), for finding what blocks the main thread (issue 7). Prints each thread's longest self-time functions and
// its longest busy stretches (samples outside (idle), gaps under 1 ms joined): what a hover arriving then waits for.
import { existsSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { makeBundle } from '../bench/make-bundle.ts';
import { startClient } from './client.ts';

const repo = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const { values } = parseArgs({
  options: {
    server: { type: 'string' },
    scenario: { type: 'string', default: 'open' },
    out: { type: 'string', default: join(tmpdir(), 'wh-lsp-profile') },
    mb: { type: 'string', default: '7' },
  },
});
const examples = join(repo, '..', 'shared', 'fhir', 'test-cases', 'r4-spec-examples');
const ukCoreDir = join(repo, '..', 'shared', 'fhir', 'sources', 'uk-core', '2.0.2');
const entry = values.server ?? join(repo, 'language-server', 'bin', 'wheelhouse-language-server.js');
mkdirSync(values.out, { recursive: true });
const folder = values.scenario === 'ukcore' ? ukCoreDir : undefined;
const { proc, conn } = await startClient(
  ['--cpu-prof', `--cpu-prof-dir=${values.out}`, entry],
  folder,
  (message) => console.log(`  server: ${message}`),
);
const small =
  '{\n  "resourceType": "Patient",\n  "id": "p1",\n  "gender": "female",\n  "birthDate": "1985-07-14"\n}\n';
const uri = folder ? pathToFileURL(join(folder, 'bench-patient.json')).href : 'file:///bench/small.json';
await conn.sendNotification('textDocument/didOpen', {
  textDocument: { uri, languageId: 'json', version: 1, text: small },
});
let done = false;
const hovers: number[] = [];
const work = (async () => {
  await conn.sendRequest('textDocument/diagnostic', { textDocument: { uri } });
  if (values.scenario === 'open') {
    const big = makeBundle(examples, Number(values.mb) * 1024 * 1024);
    await conn.sendNotification('textDocument/didOpen', {
      textDocument: { uri: 'file:///bench/big.json', languageId: 'json', version: 1, text: big },
    });
    await conn.sendRequest('textDocument/diagnostic', { textDocument: { uri: 'file:///bench/big.json' } });
  }
  done = true;
})();
while (!done) {
  const t0 = performance.now();
  await conn.sendRequest('textDocument/hover', {
    textDocument: { uri },
    position: { line: 2, character: 5 },
  });
  hovers.push(performance.now() - t0);
  await new Promise((r) => setTimeout(r, 10));
}
await work;
console.log(`hovers: ${hovers.map((h) => h.toFixed(0)).join(' ')}`);
await conn.sendRequest('shutdown');
await conn.sendNotification('exit');
await new Promise((r) => proc.on('exit', r));
// The main thread's profile is the first written (lowest thread id in the name).
interface Node {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
}
for (const file of readdirSync(values.out).filter(
  (f) => f.endsWith('.cpuprofile') && f.includes(`.${proc.pid}.`),
)) {
  const p = JSON.parse(readFileSync(join(values.out, file), 'utf8')) as {
    nodes: Node[];
    samples: number[];
    timeDeltas: number[];
  };
  const self = new Map<number, number>();
  p.samples.forEach((id, i) => self.set(id, (self.get(id) ?? 0) + (p.timeDeltas[i] ?? 0)));
  const byFn = new Map<string, number>();
  for (const n of p.nodes) {
    const key = `${n.callFrame.functionName || '(anon)'} ${n.callFrame.url.split('/').slice(-2).join('/')}:${n.callFrame.lineNumber}`;
    byFn.set(key, (byFn.get(key) ?? 0) + (self.get(n.id) ?? 0) / 1000);
  }
  console.log(`${file}:`);
  for (const [k, v] of [...byFn].sort((a, b) => b[1] - a[1]).slice(0, 15))
    console.log(`  ${v.toFixed(1)} ms  ${k}`);
  const fn = new Map(p.nodes.map((n) => [n.id, n.callFrame.functionName || '(anon)']));
  const stretches: { us: number; fns: Map<string, number> }[] = [];
  let busy: { us: number; gap: number; fns: Map<string, number> } | undefined;
  p.samples.forEach((id, i) => {
    const dt = p.timeDeltas[i] ?? 0;
    const name = fn.get(id) ?? '?';
    if (name === '(idle)') {
      if (busy && (busy.gap += dt) > 1000) {
        stretches.push(busy);
        busy = undefined;
      }
      return;
    }
    busy ??= { us: 0, gap: 0, fns: new Map() };
    busy.us += busy.gap + dt;
    busy.gap = 0;
    busy.fns.set(name, (busy.fns.get(name) ?? 0) + dt);
  });
  if (busy) stretches.push(busy);
  console.log('  longest busy stretches:');
  for (const b of stretches.sort((a, b) => b.us - a.us).slice(0, 5)) {
    const top = [...b.fns].sort((x, y) => y[1] - x[1]).slice(0, 4);
    console.log(
      `  ${(b.us / 1000).toFixed(1)} ms: ${top.map(([f, us]) => `${f} ${(us / 1000).toFixed(1)}`).join(', ')}`,
    );
  }
}
process.exit(existsSync(values.out) ? 0 : 1);
