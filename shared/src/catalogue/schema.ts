/**
 * The catalogue manifest: a subset of publiccode.yml 0.7 (https://yml.publiccode.tools/schema.core.html)
 * plus an `nhs` block for what NHS buyers ask, plus a `crawl` block that only `wheelhouse catalogue crawl`
 * writes. Browser-safe: the browser extension and the matcher import it.
 *
 * Manifests are hostile input (anyone can open a pull request), so every URL must be http(s) and every
 * text field is plain text: markup and script URLs are rejected here, not escaped later.
 */
import { z } from 'zod';
import {
  DEVELOPMENT_STATUSES,
  EVIDENCE_TYPES,
  KNOWN_NHS_SERVICES,
  KNOWN_NHS_STANDARDS,
  MAINTENANCE_TYPES,
  NATIONS,
  NOASSERTION,
  SOFTWARE_TYPES,
} from './vocabulary.js';

/**
 * Plain text: no HTML tags or comments, no script-capable URL schemes, no control characters other
 * than tab and newline. `a < b` is fine; `<b>` is not. Written without flags so the exported JSON
 * Schema `pattern` behaves the same in editors.
 */
export const PLAIN_TEXT_PATTERN =
  // eslint-disable-next-line no-control-regex -- rejecting control characters is the point
  /^(?![\s\S]*<[A-Za-z/!?])(?![\s\S]*(?:[jJ][aA][vV][aA]|[vV][bB])[sS][cC][rR][iI][pP][tT]\s*:)(?![\s\S]*[dD][aA][tT][aA]:[^\s,;]*[;,])[^\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]*$/;

const plainText = (max: number) =>
  z
    .string()
    .trim()
    .min(1, 'must not be empty')
    .max(max, `must be at most ${max} characters`)
    .regex(PLAIN_TEXT_PATTERN, 'must be plain text: no HTML tags, no javascript:/vbscript:/data: URLs');

/** http(s) URL only: `javascript:`, `data:`, `file:` and friends are rejected. */
export const HttpUrlSchema = z
  .url({ protocol: /^https?$/, hostname: z.regexes.domain, error: 'must be an http(s) URL' })
  .regex(/^https?:\/\/[^\s<>"'`\\]+$/, 'must be an http(s) URL without spaces or quotes')
  .max(2048);

/** Lower-case kebab-case: file names, ids, categories. */
export const ID_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** An SPDX licence expression's shape (ids checked against the SPDX list by `catalogue check`), or NOASSERTION. */
export const SPDX_EXPRESSION_SHAPE = /^[A-Za-z0-9.+\-:() ]+$/;

/** `owner/name` on GitHub. */
export const REPO_SLUG_PATTERN = /^[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})\/[A-Za-z0-9._-]{1,100}$/;

/** Open vocabulary: known values complete in editors, other plain strings still pass. */
const openVocabulary = <const T extends readonly [string, ...string[]]>(known: T) =>
  z.union([z.enum(known), plainText(80)]);

const DescriptionSchema = z.strictObject({
  shortDescription: plainText(150).describe('One or two sentences a buyer understands (publiccode.yml: at most 150 characters).'),
  longDescription: plainText(10000).optional().describe('Longer plain-text description.'),
  features: z.array(plainText(100)).max(50).optional().describe('Short feature list, one item per feature.'),
});

export const AdopterSchema = z.strictObject({
  organisation: plainText(200).describe('Organisation using the component in production.'),
  odsCode: z
    .string()
    .regex(/^[A-Z0-9]{3,10}$/, 'must be an ODS code (upper-case letters and digits)')
    .optional()
    .describe('Organisation Data Service code, e.g. RRK or X26.'),
  source: HttpUrlSchema.describe('Public page that says so (no source, no adopter).'),
});
export type Adopter = z.infer<typeof AdopterSchema>;

export const EvidenceSchema = z.strictObject({
  type: z.enum(EVIDENCE_TYPES).describe('DCB0129 clinical safety case, DTAC, DSPT, ...'),
  url: HttpUrlSchema.describe('Where the document or statement is published.'),
  date: z.iso.date().optional().describe('Date of the document (YYYY-MM-DD).'),
  note: plainText(500).optional(),
});
export type Evidence = z.infer<typeof EvidenceSchema>;

export const MatchingSchema = z.strictObject({
  terms: z.array(plainText(80)).max(100).default([]).describe('Words and phrases in a need that point to this component.'),
  antiTerms: z
    .array(plainText(80))
    .max(100)
    .default([])
    .describe('Words and phrases in a need that mean this component is the wrong answer.'),
});

export const NhsSchema = z.strictObject({
  services: z.array(openVocabulary(KNOWN_NHS_SERVICES)).max(50).default([]).describe('National NHS services it integrates with.'),
  standards: z.array(openVocabulary(KNOWN_NHS_STANDARDS)).max(50).default([]).describe('Standards it implements.'),
  related: z
    .array(plainText(80))
    .max(50)
    .default([])
    .describe('Other programmes, datasets and technologies it relates to.'),
  nations: z.array(z.enum(NATIONS)).max(4).default([]).describe('UK nations whose health services it was built for or is used in.'),
  statusNote: plainText(300).optional().describe('What the maintainers or the repository say about its state.'),
  licenceSource: plainText(300).optional().describe('Where the licence was read from, and any conflict found.'),
  adopters: z.array(AdopterSchema).max(1000).default([]).describe('Only with a public source.'),
  evidence: z.array(EvidenceSchema).max(100).default([]).describe('Assurance documents, with links.'),
  matching: MatchingSchema.default({ terms: [], antiTerms: [] }),
});
export type Nhs = z.infer<typeof NhsSchema>;

/** Facts `wheelhouse catalogue crawl` read from GitHub. Never edited by hand. */
export const CrawlFactsSchema = z.strictObject({
  checkedAt: z.iso.datetime().describe('When the crawl read these facts.'),
  repository: z.string().regex(REPO_SLUG_PATTERN).describe('owner/name as GitHub reports it (follows renames).'),
  licence: z.string().regex(SPDX_EXPRESSION_SHAPE).nullable().describe('SPDX id GitHub detected, NOASSERTION, or null.'),
  lastActivity: z.iso.datetime().nullable().describe('Last push.'),
  archived: z.boolean(),
  fork: z.boolean(),
  parent: z.string().regex(REPO_SLUG_PATTERN).nullable().describe('Upstream owner/name when this is a fork.'),
  mirrorUrl: HttpUrlSchema.nullable().describe('Upstream URL when this is a mirror.'),
  stars: z.int().min(0),
  topics: z.array(z.string().regex(/^[a-z0-9][a-z0-9-]{0,49}$/)).max(20),
  publiccodeYml: z.boolean().describe('Whether the repository carries a publiccode.yml.'),
});
export type CrawlFacts = z.infer<typeof CrawlFactsSchema>;

export const ComponentSchema = z
  .strictObject({
    publiccodeYmlVersion: z.literal('0.7'),
    id: z
      .string()
      .regex(ID_PATTERN, 'must be lower-case kebab-case (a-z, 0-9, -)')
      .max(100)
      .describe('Stable id; equals the manifest file name without .yaml.'),
    name: plainText(120),
    url: HttpUrlSchema.describe('Source repository URL.'),
    landingURL: HttpUrlSchema.optional().describe('Product or documentation page.'),
    softwareType: z.enum(SOFTWARE_TYPES),
    developmentStatus: z.enum(DEVELOPMENT_STATUSES),
    categories: z
      .array(z.string().regex(ID_PATTERN, 'categories are kebab-case'))
      .min(1)
      .max(10)
      .describe('Wheelhouse categories (kebab-case).'),
    platforms: z.array(z.enum(['web', 'windows', 'mac', 'linux', 'ios', 'android'])).max(6).default([]),
    programmingLanguages: z.array(plainText(40)).max(10).default([]).describe('Main languages, most used first.'),
    dependsOn: z
      .strictObject({
        open: z.array(z.strictObject({ name: plainText(100), versionMin: plainText(40).optional() })).optional(),
        proprietary: z.array(z.strictObject({ name: plainText(100), versionMin: plainText(40).optional() })).optional(),
      })
      .optional(),
    description: z.strictObject({ en: DescriptionSchema, cy: DescriptionSchema.optional() }),
    legal: z.strictObject({
      license: z
        .string()
        .regex(SPDX_EXPRESSION_SHAPE, 'must be an SPDX licence expression or NOASSERTION')
        .describe(`SPDX licence expression, e.g. MIT or "MIT OR Apache-2.0"; ${NOASSERTION} when unclear.`),
      mainCopyrightOwner: plainText(200).optional(),
      repoOwner: plainText(200).optional(),
    }),
    maintenance: z.strictObject({
      type: z.enum(MAINTENANCE_TYPES),
      contacts: z
        .array(z.strictObject({ name: plainText(100), email: z.email().optional(), affiliation: plainText(200).optional() }))
        .optional(),
    }),
    nhs: NhsSchema,
    crawl: CrawlFactsSchema.optional().describe('Written by `wheelhouse catalogue crawl`; do not edit.'),
  })
  .meta({
    title: 'Wheelhouse catalogue component',
    description: 'One reusable NHS open-source component (publiccode.yml 0.7 subset plus NHS facts).',
  });

/** A component manifest after parsing (defaults filled in). */
export type Component = z.infer<typeof ComponentSchema>;
/** A component manifest as written (defaults optional). */
export type ComponentInput = z.input<typeof ComponentSchema>;

/** What a buyer is shown for a licence: NOASSERTION reads "licence unclear". */
export function licenceLabel(license: string): string {
  return license === NOASSERTION ? 'licence unclear' : license;
}

/** catalogue/organisations.yaml: GitHub organisations the crawl searches for repositories carrying a publiccode.yml. */
export const OrganisationsFileSchema = z.strictObject({
  organisations: z
    .array(z.string().regex(/^[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})$/, 'must be a GitHub organisation login'))
    .max(5000)
    .describe('GitHub organisation logins.'),
});
