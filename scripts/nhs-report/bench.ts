// Benchmark: the pure identifier checks (all 134 NHS vectors, repeated) and the NHS engine rules on one UK Core
// example. Run: pnpm exec tsc -b && node scripts/nhs-report/bench.ts   (uses shared/dist and ../shared/domain)
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type * as Identifiers from '../../shared/dist/identifiers/index.js';
import type * as NodeAdapters from '../../shared/dist/node/index.js';
import type * as Validation from '../../shared/dist/validation/index.js';

const repo = fileURLToPath(new URL('../../', import.meta.url));
const dist = join(repo, 'shared', 'dist');
const domain = resolve(repo, '..', 'shared', 'domain');
if (!existsSync(join(dist, 'identifiers', 'index.js')) || !existsSync(join(domain, 'test-vectors.json'))) {
  process.stderr.write(
    'bench: needs shared/dist (pnpm exec tsc -b) and ../shared/domain/test-vectors.json\n',
  );
  process.exit(2);
}
const { checkIdentifier, isIdentifierKind } = (await import(
  join(dist, 'identifiers', 'index.js')
)) as typeof Identifiers;
const { createValidator, rules } = (await import(join(dist, 'validation', 'index.js'))) as typeof Validation;
const { loadR4Definitions, nodeFhirPathProvider, ukCoreFactsFromIndex } = (await import(join(dist, 'node', 'index.js'))) as typeof NodeAdapters;

interface Vector {
  kind: string;
  input: string;
  context?: Record<string, string>;
}
const vectors = (JSON.parse(readFileSync(join(domain, 'test-vectors.json'), 'utf8')) as { vectors: Vector[] })
  .vectors;
const ukCore = ukCoreFactsFromIndex(JSON.parse(readFileSync(join(domain, 'ukcore-index.json'), 'utf8')));

const rounds = 2000;
let t = performance.now();
for (let r = 0; r < rounds; r++) {
  for (const v of vectors)
    if (isIdentifierKind(v.kind)) checkIdentifier(v.kind, v.input, { ...v.context, ukCore });
}
const perCheckUs = ((performance.now() - t) * 1000) / (rounds * vectors.length);
process.stdout.write(
  `identifier checks: ${rounds * vectors.length} checks, ${perCheckUs.toFixed(2)} µs per check\n`,
);

const nhsIds = new Set(
  rules.map((r) => r.id).filter((id) => /^(nhs-|ods-|sctid-|snomed-|read-|dmd-|ukcore-|eps-|ers-)/.test(id)),
);
const example = resolve(
  repo,
  '..',
  'shared',
  'fhir',
  'sources',
  'uk-core',
  'main',
  'json',
  'examples',
  'UKCore-Patient-RichardSmith-Example.json',
);
if (existsSync(example)) {
  const text = readFileSync(example, 'utf8');
  const v = createValidator({
    definitions: loadR4Definitions(),
    fhirpath: nodeFhirPathProvider,
    rules: rules.filter((r) => nhsIds.has(r.id)),
  });
  for (let i = 0; i < 20; i++) v.validate(text, { settings: { ukCore } }); // warm-up
  const n = 500;
  t = performance.now();
  for (let i = 0; i < n; i++) v.validate(text, { settings: { ukCore } });
  process.stdout.write(
    `engine, ${nhsIds.size} NHS rules only, UKCore-Patient-RichardSmith-Example (${text.length} chars): ${((performance.now() - t) / n).toFixed(2)} ms per validate\n`,
  );
}
