// Holds the floor of issue 6: snapshots generated from UK.Core.r4#1.2.0 differentials agree with the
// published ones on >= 98 % of elements (the comparison script prints the detail: pnpm snapshots:check).
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, test } from 'vitest';
import { loadCoreDefinitions } from '../../src/node/packages/core-definitions.js';
import { compareSnapshots, SnapshotGenerator, type StructureDefinition } from '../../src/profiles/index.js';

const repo = resolve(import.meta.dirname, '../../..');
const packageDir = join(repo, '../shared/fhir/packages/UK.Core.r4#1.2.0/package');
const present = existsSync(packageDir);
if (!present) console.log(`skipping UK Core snapshot agreement: ${packageDir} is absent (shared FHIR data beside the repo)`);

describe.skipIf(!present)('UK.Core.r4#1.2.0 snapshot agreement', () => {
  test('>= 98 % of published snapshot elements agree, no generator errors', () => {
    const core = loadCoreDefinitions({ cacheDir: join(repo, 'node_modules/.cache/wheelhouse') });
    const byUrl = new Map<string, StructureDefinition>(core.map((sd) => [sd.url, sd]));
    const published: StructureDefinition[] = [];
    for (const file of readdirSync(packageDir)) {
      if (!file.endsWith('.json')) continue;
      const r = JSON.parse(readFileSync(join(packageDir, file), 'utf8')) as StructureDefinition;
      if (r.resourceType !== 'StructureDefinition') continue;
      if (r.snapshot?.element.length) published.push(r);
      const { snapshot: _s, ...differentialOnly } = r;
      byUrl.set(r.url, differentialOnly);
    }
    expect(published).toHaveLength(44);
    const generator = new SnapshotGenerator({ get: (url) => byUrl.get(url.split('|')[0] ?? url) });
    let total = 0;
    let agreeing = 0;
    const messages: string[] = [];
    for (const sd of published) {
      const result = generator.generate(byUrl.get(sd.url) ?? sd);
      messages.push(...result.messages.map((m) => `${sd.id}: ${m.message}`));
      const cmp = compareSnapshots(sd.snapshot?.element ?? [], result.elements);
      total += cmp.published;
      agreeing += cmp.agreeing;
    }
    expect(messages).toEqual([]);
    expect(agreeing / total).toBeGreaterThanOrEqual(0.98);
  });
});
