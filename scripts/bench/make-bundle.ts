// Builds the ~7 MB benchmark input: a `collection` Bundle of the R4 spec examples
// (../shared/fhir/test-cases/r4-spec-examples) repeated with unique fullUrls until the target size.
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export function makeBundle(examplesDir: string, targetBytes: number): string {
  const resources = readdirSync(examplesDir)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => JSON.parse(readFileSync(join(examplesDir, f), 'utf8')) as Record<string, unknown>);
  const entries: string[] = [];
  let size = 0;
  let n = 0;
  while (size < targetBytes) {
    for (const r of resources) {
      const entry = JSON.stringify({ fullUrl: `urn:uuid:00000000-0000-4000-8000-${String(n++).padStart(12, '0')}`, resource: r }, null, 2);
      entries.push(entry);
      size += entry.length + 2;
      if (size >= targetBytes) break;
    }
  }
  return `{\n  "resourceType": "Bundle",\n  "id": "bench",\n  "type": "collection",\n  "entry": [\n${entries.join(',\n')}\n  ]\n}\n`;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const [dir, out, mb] = process.argv.slice(2);
  if (!dir || !out) {
    process.stderr.write('usage: node scripts/bench/make-bundle.ts <examples-dir> <out.json> [MB]\n');
    process.exit(2);
  }
  writeFileSync(out, makeBundle(dir, Number(mb ?? 7) * 1024 * 1024));
}
