/**
 * The `wheelhouse.config.json` schema: one file read by the CLI and the language server (STYLE.md 6).
 * This file imports only zod so the build step (scripts/config-schema.ts) can run it with plain Node.
 * The defaults without zod (DEFAULT_CONFIG, CONFIG_FILE_NAME) are in ./defaults.ts.
 */
import { z } from 'zod';

export const DEFAULT_CATALOGUE_REPOSITORY = 'wheelhouse-nhs/wheelhouse';
export const DEFAULT_CATALOGUE_URL = 'https://wheelhouse-nhs.github.io/wheelhouse';

export const RuleSettingSchema = z
  .enum(['error', 'warning', 'information', 'off'])
  .describe('Severity for this rule, or "off" to turn it off.');

export const CatalogueSettingsSchema = z
  .object({
    repository: z
      .string()
      .regex(/^[A-Za-z0-9_.-]+\/[A-Za-z0-9_.-]+$/, 'must be "owner/name", e.g. wheelhouse-nhs/wheelhouse')
      .default(DEFAULT_CATALOGUE_REPOSITORY)
      .describe('GitHub repository holding the catalogue manifests, as owner/name.'),
    url: z
      .url({ protocol: /^https?$/, error: 'must be an http(s) URL' })
      .default(DEFAULT_CATALOGUE_URL)
      .describe('Where the published catalogue is served (GitHub Pages).'),
  })
  .strict();

export const WheelhouseConfigSchema = z
  .object({
    $schema: z.string().optional().describe('JSON Schema for editors; ignored by Wheelhouse.'),
    fhirVersion: z
      .string()
      .regex(/^[0-9]+\.[0-9]+\.[0-9]+$/, 'must be a FHIR version such as 4.0.1 or 3.0.2')
      .default('4.0.1')
      .describe(
        'FHIR version of the content (4.0.1 = R4; 3.0.x = STU3, where CareConnect URLs are legitimate).',
      ),
    rules: z
      .record(
        z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'rule ids are kebab-case, e.g. nhs-number-checksum'),
        RuleSettingSchema,
      )
      .default({})
      .describe('Per-rule severity overrides, e.g. { "nhs-number-test-range": "off" }.'),
    profiles: z
      .array(z.url({ error: 'must be a canonical URL' }))
      .default([])
      .describe('Profiles every resource is validated against, in addition to meta.profile.'),
    packages: z
      .record(
        z
          .string()
          .regex(/^[A-Za-z0-9][A-Za-z0-9._-]*$/, 'must be a FHIR package id such as fhir.r4.ukcore.stu2'),
        z.string().min(1, 'must be a version (e.g. 2.0.2) or a local path (file:...)'),
      )
      .default({})
      .describe(
        'FHIR package dependencies: package id -> version, or "file:<path>" for a local package folder.',
      ),
    pdsCompatibility: z
      .boolean()
      .default(false)
      .describe(
        'Report the retired NHS number verification-status systems PDS still returns as warnings, not errors.',
      ),
    allowUnresolvedExtensionDomains: z
      .array(z.string().min(1))
      .default([])
      .describe(
        'Extensions whose URL host is one of these domains or a subdomain (e.g. "fhir.example-trust.nhs.uk") are not reported as unresolved.',
      ),
    ukCoreIndex: z
      .string()
      .min(1)
      .optional()
      .describe(
        'Path (relative to this file) of a ukcore-index/1 JSON file: UK Core canonicals, statuses and the CareConnect map.',
      ),
    catalogue: CatalogueSettingsSchema.default({
      repository: DEFAULT_CATALOGUE_REPOSITORY,
      url: DEFAULT_CATALOGUE_URL,
    }).describe(
      'Catalogue of NHS open-source components used by `wheelhouse match` and the browser extension.',
    ),
  })
  .strict()
  .describe('Wheelhouse configuration (wheelhouse.config.json).');

/** The parsed config, every default filled in. */
export type WheelhouseConfig = z.infer<typeof WheelhouseConfigSchema>;
/** What a user may write (defaults optional). */
export type WheelhouseConfigInput = z.input<typeof WheelhouseConfigSchema>;
export type RuleSetting = z.infer<typeof RuleSettingSchema>;

/** JSON Schema (draft 2020-12) of the config, for editors; written to shared/schemas by the build. */
export function configJsonSchema(): Record<string, unknown> {
  return z.toJSONSchema(WheelhouseConfigSchema, { io: 'input', target: 'draft-2020-12' });
}
