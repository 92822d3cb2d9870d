/**
 * One-off seeding: turns the facts in ../shared/catalogue-seed/components.tsv into one manifest per row in
 * catalogue/components/<id>.yaml. Summaries come from catalogue/summaries.tsv (our own wording), never from
 * the seed. Adopters and evidence stay empty: the seed is not a public source for them.
 *
 *   pnpm exec node scripts/catalogue/seed-from-tsv.ts [--seed <components.tsv>] [--out <dir>] [--force]
 *
 * Existing manifests are left alone unless --force (they may have been edited by hand since).
 * Check the result with `pnpm exec wheelhouse catalogue check`.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

// yaml is a dependency of the shared package, not of the repository root.
const requireFromShared = createRequire(new URL('../../shared/package.json', import.meta.url));
const YAML = requireFromShared('yaml') as { stringify(value: unknown, options: { lineWidth: number }): string };

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const { values } = parseArgs({
  options: {
    seed: { type: 'string', default: join(root, '../shared/catalogue-seed/components.tsv') },
    summaries: { type: 'string', default: join(root, 'catalogue/summaries.tsv') },
    out: { type: 'string', default: join(root, 'catalogue/components') },
    force: { type: 'boolean', default: false },
  },
});

type Row = Record<string, string>;

function readTsv(path: string): Row[] {
  const [header, ...lines] = readFileSync(path, 'utf8').split(/\r?\n/).filter((l) => l.trim() !== '');
  if (header === undefined) throw new Error(`${path} is empty`);
  const keys = header.split('\t');
  return lines.map((line, i) => {
    const cells = line.split('\t');
    if (cells.length !== keys.length) throw new Error(`${path}:${i + 2}: ${cells.length} cells, header has ${keys.length}`);
    return Object.fromEntries(keys.map((k, j) => [k, (cells[j] ?? '').trim()]));
  });
}

// Known vocabulary, kept in step with shared/src/catalogue/vocabulary.ts (the check warns on drift).
const SERVICES = new Set([
  'BaRS', 'Directory of Services', 'e-RS', 'EPS', 'Federated Data Platform', 'GP Connect', 'GP2GP', 'MESH',
  'National Booking Service', 'National Data Opt-out', 'NEMS', 'NHAIS', 'NHS 111', 'NHS API platform', 'NHS App',
  'NHS CIS2', 'NHS login', 'NHS Notify', 'NHS Service Search', 'NHS smartcards', 'NHS website content', 'NRL', 'ODS',
  'OpenSAFELY', 'PDS', 'Proxy access', 'Reasonable Adjustment Flag', 'SCR', 'SDS', 'Spine', 'Spine MHS',
]);
const STANDARDS = new Set([
  'AQL', 'BNF', 'CareConnect', 'CTV3', 'DCB0090', 'DCB0129', 'DCB0160', 'DICOM', 'dm+d', 'ebXML', 'ECL', 'EDIFACT',
  'FHIR', 'FHIR R4', 'FHIR STU3', 'FIDO UAF', 'GOV.UK design system', 'HL7 v2', 'HL7 v3', 'ICD-10', 'ITK', 'ITK3',
  'LOINC', 'NEWS2', 'NHS design system', 'NHS number', 'OAuth 2.0', 'OMOP CDM', 'OpenID Connect', 'openEHR', 'OPCS-4',
  'Read codes', 'SNOMED CT', 'UK Core', 'UPRN', 'WCAG',
]);

/** Seed spellings that name a known service or standard more specifically. */
const ALIASES: Record<string, string[]> = {
  'NHS.UK frontend': ['NHS design system'],
  'accessibility (WCAG)': ['WCAG'],
  'NHS API platform (Apigee)': ['NHS API platform'],
  'API platform': ['NHS API platform'],
  'FHIR R4 Immunization': ['FHIR R4'],
  'FHIR DocumentReference': ['FHIR'],
  'FHIR OperationOutcome': ['FHIR'],
  'FHIR pathology': ['FHIR'],
  'FHIR Dosage': ['FHIR'],
  'FHIR profiles': ['FHIR'],
  'FHIR terminology': ['FHIR'],
  'SNOMED CT RF2': ['SNOMED CT'],
  'HL7 v2 events': ['HL7 v2'],
  'Lloyd George records': [],
};

/** Words a buyer might use for a known service or standard. */
const EXPANSIONS: Record<string, string[]> = {
  PDS: ['personal demographics service', 'patient demographics', 'patient lookup'],
  'e-RS': ['e-referral service', 'referrals'],
  MESH: ['message exchange for social care and health', 'secure messaging'],
  EPS: ['electronic prescription service', 'electronic prescribing', 'prescriptions'],
  SCR: ['summary care record'],
  NRL: ['national record locator', 'record locator'],
  SDS: ['spine directory service'],
  ODS: ['organisation data service', 'organisation reference data'],
  'NHS CIS2': ['care identity service', 'smartcard login', 'staff authentication'],
  'NHS login': ['patient login', 'patient authentication', 'single sign-on'],
  'GP Connect': ['gp record', 'gp appointments'],
  GP2GP: ['gp record transfer', 'patient record transfer'],
  'dm+d': ['dictionary of medicines and devices', 'medicines'],
  BaRS: ['booking and referral standard', 'referrals', 'booking'],
  NEMS: ['national events management service', 'event notifications'],
  'SNOMED CT': ['clinical terminology', 'clinical coding'],
  'ICD-10': ['diagnosis codes', 'clinical coding'],
  'OPCS-4': ['procedure codes', 'clinical coding'],
  CTV3: ['clinical coding'],
  'Read codes': ['clinical coding'],
  DICOM: ['medical imaging', 'radiology images'],
  openEHR: ['clinical data repository'],
  'UK Core': ['fhir profiles', 'fhir uk core'],
  'FHIR R4': ['fhir'],
  'FHIR STU3': ['fhir'],
  'HL7 v2': ['hl7', 'hospital messaging'],
  'HL7 v3': ['hl7'],
  'NHS App': ['patient app'],
  'NHS Notify': ['patient letters', 'text messages', 'patient notifications'],
  'NHS number': ['nhs number validation', 'patient identifier'],
  'NHS design system': ['design system', 'nhs.uk frontend', 'accessible web pages'],
  'GOV.UK design system': ['design system'],
  'National Data Opt-out': ['data opt-out', 'patient data choices'],
  'Directory of Services': ['service directory', 'urgent care routing'],
  'NHS Service Search': ['find a service', 'gp practice search', 'pharmacy search'],
  'National Booking Service': ['vaccination booking', 'appointment booking'],
  'Spine MHS': ['spine messaging'],
  'NHS 111': ['urgent care', '111 reports'],
  OpenSAFELY: ['trusted research environment', 'research platform'],
  'OMOP CDM': ['common data model'],
  UPRN: ['address matching', 'unique property reference number'],
  NEWS2: ['early warning score', 'patient observations'],
  LOINC: ['laboratory codes'],
  ITK3: ['interoperability toolkit'],
  ITK: ['interoperability toolkit'],
  EDIFACT: ['legacy messaging'],
  // Seed terms outside the known vocabulary that buyers spell out.
  ePMA: ['electronic prescribing and medicines administration', 'hospital prescribing'],
  RAP: ['reproducible analytical pipeline'],
  SPC: ['statistical process control'],
  TRE: ['trusted research environment'],
  NLP: ['natural language processing'],
  'Exposure Notification (GAEN)': ['contact tracing', 'exposure notification'],
  'Making Data Count': ['spc charts'],
  'National clinical audit': ['clinical audit'],
  'UK-WHO growth charts': ['growth charts', 'child growth'],
  'Lloyd George records': ['scanned gp records', 'paper records'],
  'PECR cookie consent': ['cookie banner', 'cookie consent'],
};

/** Category words for matching, and words that point to a different kind of need. */
const CATEGORY_TERMS: Record<string, { terms: string[]; antiTerms: string[] }> = {
  'ui-design-system': { terms: ['design system', 'user interface', 'web components', 'accessible'], antiTerms: ['terminology server', 'data pipeline', 'clinical data repository', 'hl7 messaging'] },
  prototyping: { terms: ['prototype', 'prototyping', 'user research'], antiTerms: ['production system', 'clinical data repository', 'data pipeline'] },
  'website-cms': { terms: ['website', 'content management'], antiTerms: ['clinical system', 'data pipeline', 'hl7 messaging'] },
  'content-api': { terms: ['health content', 'content syndication', 'health information'], antiTerms: ['clinical record', 'prescribing', 'data pipeline'] },
  guidance: { terms: ['guidance', 'standards', 'documentation'], antiTerms: ['software product', 'hosted service', 'clinical system'] },
  'data-analytics': { terms: ['data analysis', 'analytics', 'statistics', 'reproducible analytical pipeline'], antiTerms: ['patient-facing app', 'website', 'booking', 'electronic patient record'] },
  'data-visualisation': { terms: ['charts', 'data visualisation', 'dashboard'], antiTerms: ['electronic patient record', 'hl7 messaging', 'booking'] },
  'data-engineering': { terms: ['data engineering', 'data pipeline', 'data quality'], antiTerms: ['website', 'patient-facing app', 'design system'] },
  'data-platform': { terms: ['data platform', 'data warehouse', 'data feeds'], antiTerms: ['website', 'design system', 'mobile app'] },
  'data-linkage': { terms: ['record linkage', 'data matching', 'deduplication'], antiTerms: ['website', 'design system', 'booking'] },
  'data-discovery': { terms: ['dataset discovery', 'metadata', 'data catalogue'], antiTerms: ['electronic patient record', 'prescribing', 'booking'] },
  'data-access': { terms: ['data access requests', 'research data access'], antiTerms: ['electronic patient record', 'prescribing', 'design system'] },
  'data-governance': { terms: ['data governance', 'data opt-out', 'patient data choices'], antiTerms: ['design system', 'booking', 'prescribing'] },
  metadata: { terms: ['metadata', 'dataset schema'], antiTerms: ['electronic patient record', 'booking', 'design system'] },
  'synthetic-data': { terms: ['synthetic data', 'test data', 'artificial data'], antiTerms: ['real patient data', 'electronic patient record', 'booking'] },
  privacy: { terms: ['privacy', 'pseudonymisation', 'de-identification', 'anonymisation'], antiTerms: ['website', 'booking', 'design system'] },
  'research-platform': { terms: ['research', 'trusted research environment', 'secure data environment'], antiTerms: ['patient-facing app', 'booking', 'website'] },
  'ai-evaluation': { terms: ['ai evaluation', 'large language models', 'ai assurance'], antiTerms: ['electronic patient record', 'booking', 'design system'] },
  'ai-nlp': { terms: ['natural language processing', 'text mining', 'free text'], antiTerms: ['booking', 'design system', 'hl7 messaging'] },
  'ai-moderation': { terms: ['moderation', 'machine learning', 'reviews'], antiTerms: ['electronic patient record', 'prescribing', 'booking'] },
  'fhir-api': { terms: ['fhir api', 'interoperability'], antiTerms: ['design system', 'statistics', 'charts'] },
  'fhir-tooling': { terms: ['fhir', 'fhir tooling', 'fhir server'], antiTerms: ['design system', 'statistics', 'website'] },
  'fhir-standard': { terms: ['fhir', 'implementation guide', 'fhir profiles'], antiTerms: ['design system', 'statistics', 'website'] },
  validation: { terms: ['validation', 'conformance', 'data quality'], antiTerms: ['design system', 'booking', 'patient-facing app'] },
  integration: { terms: ['integration', 'interoperability', 'integration engine', 'messaging'], antiTerms: ['design system', 'statistics', 'charts'] },
  messaging: { terms: ['messaging', 'message transfer', 'interoperability'], antiTerms: ['design system', 'charts', 'website'] },
  records: { terms: ['patient records', 'health records', 'clinical records'], antiTerms: ['design system', 'charts', 'prototype'] },
  prescribing: { terms: ['prescribing', 'prescriptions', 'medicines'], antiTerms: ['design system', 'website', 'imaging'] },
  terminology: { terms: ['terminology', 'clinical coding', 'terminology server', 'code lists'], antiTerms: ['website', 'patient-facing app', 'booking', 'design system'] },
  'reference-data': { terms: ['reference data', 'lookups', 'organisation data'], antiTerms: ['electronic patient record', 'design system', 'booking'] },
  identity: { terms: ['identity', 'authentication', 'login', 'nhs number'], antiTerms: ['charts', 'statistics', 'imaging'] },
  consent: { terms: ['consent', 'cookie consent', 'opt-out'], antiTerms: ['clinical record', 'imaging', 'statistics'] },
  booking: { terms: ['booking', 'appointments', 'scheduling'], antiTerms: ['statistics', 'terminology server', 'imaging'] },
  referrals: { terms: ['referrals', 'referral management'], antiTerms: ['statistics', 'design system', 'imaging'] },
  ordering: { terms: ['test ordering', 'order management'], antiTerms: ['design system', 'website', 'statistics'] },
  vaccination: { terms: ['vaccination', 'immunisation', 'vaccines'], antiTerms: ['imaging', 'terminology server', 'design system'] },
  screening: { terms: ['screening', 'screening programme', 'cohort'], antiTerms: ['design system', 'website', 'prescribing'] },
  notifications: { terms: ['notifications', 'letters', 'text messages', 'email'], antiTerms: ['statistics', 'imaging', 'terminology server'] },
  'service-directory': { terms: ['service directory', 'find a service', 'service finder'], antiTerms: ['electronic patient record', 'prescribing', 'statistics'] },
  'public-health': { terms: ['public health', 'surveillance', 'population health'], antiTerms: ['design system', 'prescribing', 'booking'] },
  'clinical-calculation': { terms: ['clinical calculator', 'growth charts', 'centiles'], antiTerms: ['website', 'booking', 'hl7 messaging'] },
  'clinical-decision-support': { terms: ['clinical decision support', 'early warning score', 'observations'], antiTerms: ['website', 'statistics', 'booking'] },
  'clinical-audit': { terms: ['clinical audit', 'national audit', 'audit data collection'], antiTerms: ['design system', 'booking', 'prescribing'] },
  'clinical-safety': { terms: ['clinical safety', 'safety case'], antiTerms: ['design system', 'booking', 'charts'] },
  imaging: { terms: ['medical imaging', 'radiology', 'dicom'], antiTerms: ['design system', 'booking', 'prescribing'] },
  learning: { terms: ['e-learning', 'training', 'workforce learning'], antiTerms: ['electronic patient record', 'prescribing', 'hl7 messaging'] },
  collaboration: { terms: ['collaboration', 'forums', 'file sharing'], antiTerms: ['electronic patient record', 'prescribing', 'hl7 messaging'] },
  'service-platform': { terms: ['digital service', 'innovation support'], antiTerms: ['electronic patient record', 'terminology server', 'hl7 messaging'] },
  operations: { terms: ['operations', 'patient flow', 'bed management'], antiTerms: ['design system', 'terminology server', 'website'] },
  planning: { terms: ['capacity planning', 'demand modelling', 'forecasting'], antiTerms: ['design system', 'electronic patient record', 'booking'] },
  forms: { terms: ['forms', 'form builder', 'online forms'], antiTerms: ['electronic patient record', 'terminology server', 'hl7 messaging'] },
  'devops-tooling': { terms: ['devops', 'ci/cd', 'infrastructure as code', 'developer tooling'], antiTerms: ['patient-facing app', 'electronic patient record', 'clinical system'] },
  testing: { terms: ['testing', 'test automation', 'test harness'], antiTerms: ['production clinical system', 'patient-facing app', 'charts'] },
};

const COMMUNITY_OWNERS = /community|individual contributor|clinician-developer|nhsland|HAPI FHIR project/i;

function nationsFor(row: Row, tokens: string[]): string[] {
  const nations = new Set<string>();
  const owner = row.owner_organisation ?? '';
  const text = `${row.summary ?? ''} ${tokens.join(' ')}`;
  if (/NHS England|NHSX|NHS Digital|NHS Business Services Authority|Bennett Institute|Strategy Unit|Nottinghamshire|Lincolnshire|UCLH|Endeavour|UK Health Security Agency|NHS-R Community|Technology Enhanced Learning/.test(owner)) nations.add('England');
  if (/Scotland/.test(owner) || /Scotland|Scottish|CHI number/.test(text)) nations.add('Scotland');
  if (/Wales|Cymru/.test(owner) || /\bWales\b|Welsh/.test(text)) nations.add('Wales');
  if (/Northern Ireland/.test(owner) || /Northern Ireland/.test(text)) nations.add('Northern Ireland');
  if (/\bEngland\b|English/.test(text)) nations.add('England');
  return [...nations].sort();
}

function developmentStatus(maturity: string): string {
  const m = maturity.toLowerCase();
  if (/retired|discontinued|archived/.test(m)) return 'obsolete';
  if (/proof of concept|research code|draft|demonstrator|specification only/.test(m)) return 'concept';
  if (/pre-alpha|alpha|early|work in progress|pilot/.test(m)) return 'development';
  if (m.startsWith('dormant')) return 'obsolete';
  return 'stable';
}

function maintenanceType(row: Row): string {
  const m = (row.maturity ?? '').toLowerCase();
  if (/retired|discontinued|archived/.test(m) || m.startsWith('dormant') || /; dormant/.test(m)) return 'none';
  return COMMUNITY_OWNERS.test(row.owner_organisation ?? '') ? 'community' : 'internal';
}

function softwareType(row: Row): string {
  const text = `${row.name} ${row.summary}`;
  if (/React Native|Android|mobile app/i.test(text)) return 'standalone/mobile';
  if (/\bplugin\b|GitHub Action|\baction\b|Wagtail CMS StreamField/i.test(text)) return 'addon';
  if (/template|cookiecutter|Terraform module|blueprint/i.test(text)) return 'configurationFiles';
  if (/\b(library|package|gem|crate|npm|NuGet|SDK|helpers|functions|components|middleware|tag helpers|tag-helper|DSL|toolkit|R tools|themes)\b/i.test(text)) return 'library';
  if (/\b(API|service|server|adaptor|pipeline|backend|Lambda)\b/.test(text)) return 'standalone/backend';
  if (/\b(web app|website|site|UI|front end|dashboard|portal|Shiny|platform|record|system)\b/i.test(text)) return 'standalone/web';
  return 'standalone/other';
}

function platforms(type: string, row: Row): string[] {
  const text = `${row.name} ${row.summary}`;
  if (/React Native/.test(text)) return ['android', 'ios'];
  if (/Android/.test(text)) return ['android'];
  if (type === 'standalone/web' || row.category === 'ui-design-system' || row.category === 'prototyping') return ['web'];
  return [];
}

function classify(tokens: string[]) {
  const services = new Set<string>();
  const standards = new Set<string>();
  const related = new Set<string>();
  for (const token of tokens) {
    const targets = ALIASES[token];
    if (targets) {
      for (const t of targets) (SERVICES.has(t) ? services : standards).add(t);
      if (!SERVICES.has(token) && !STANDARDS.has(token)) related.add(token);
      continue;
    }
    if (SERVICES.has(token)) services.add(token);
    else if (STANDARDS.has(token)) standards.add(token);
    else related.add(token);
  }
  return { services: [...services], standards: [...standards], related: [...related] };
}

function matchingTerms(row: Row, known: string[], related: string[]): { terms: string[]; antiTerms: string[] } {
  const terms: string[] = [];
  const add = (t: string) => {
    const v = t.toLowerCase().replace(/\s+/g, ' ').trim();
    if (v.length >= 2 && v.length <= 80 && !terms.includes(v)) terms.push(v);
  };
  const name = row.name ?? '';
  add(name.replace(/\s*\([^)]*\)\s*/g, ' '));
  for (const inner of name.matchAll(/\(([^)]+)\)/g)) if (!/unofficial|public mirror|NEL CCG|Java|Python|JS|Rust crate/i.test(inner[1] ?? '')) add(inner[1] ?? '');
  for (const k of known) {
    add(k);
    for (const e of EXPANSIONS[k] ?? []) add(e);
  }
  for (const r of related) {
    add(r);
    for (const e of EXPANSIONS[r] ?? []) add(e);
  }
  const category = CATEGORY_TERMS[row.category ?? ''];
  if (!category) throw new Error(`no matching terms for category "${row.category}" (row ${row.id}): add it to CATEGORY_TERMS`);
  for (const t of category.terms) add(t);
  const antiTerms = category.antiTerms.filter((a) => !terms.includes(a));
  return { terms: terms.slice(0, 40), antiTerms };
}

function manifestFor(row: Row, summary: string): Record<string, unknown> {
  const tokens = (row.nhs_services_or_standards ?? '').split(';').map((t) => t.trim()).filter(Boolean);
  const { services, standards, related } = classify(tokens);
  const type = softwareType(row);
  const maturity = row.maturity ?? '';
  return {
    publiccodeYmlVersion: '0.7',
    id: row.id,
    name: row.name,
    url: row.url,
    softwareType: type,
    developmentStatus: developmentStatus(maturity),
    categories: [row.category],
    platforms: platforms(type, row),
    programmingLanguages: (row.primary_language ?? '').split('/').map((l) => l.trim()).filter(Boolean),
    description: { en: { shortDescription: summary } },
    legal: { license: row.licence, repoOwner: row.owner_organisation },
    maintenance: { type: maintenanceType(row) },
    nhs: {
      services,
      standards,
      related,
      nations: nationsFor(row, tokens),
      statusNote: maturity,
      licenceSource: row.licence_source,
      adopters: [],
      evidence: [],
      matching: matchingTerms(row, [...services, ...standards], related),
    },
  };
}

const rows = readTsv(values.seed);
const summaries = new Map(readTsv(values.summaries).map((r) => [r.id ?? '', r.summary ?? '']));
mkdirSync(values.out, { recursive: true });
let written = 0;
let kept = 0;
const skipped: string[] = [];
for (const row of rows) {
  const id = row.id ?? '';
  const summary = summaries.get(id);
  if (!summary) {
    skipped.push(`${id}: no summary in ${values.summaries}`);
    continue;
  }
  const file = join(values.out, `${id}.yaml`);
  if (existsSync(file) && !values.force) {
    kept += 1;
    continue;
  }
  const body = YAML.stringify(manifestFor(row, summary), { lineWidth: 0 });
  writeFileSync(file, `# yaml-language-server: $schema=../../shared/schemas/component.schema.json\n${body}`);
  written += 1;
}
process.stdout.write(`${rows.length} rows: ${written} manifests written, ${kept} kept, ${skipped.length} skipped\n`);
for (const s of skipped) process.stdout.write(`  skipped ${s}\n`);
