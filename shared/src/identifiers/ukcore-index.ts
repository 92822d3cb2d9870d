/**
 * The `ukcore-index/1` file format (zod schema) and its validating entry point. Kept out of the engine's
 * imports and out of the identifiers barrel so validation starts without zod (issue 3): hosts that read an
 * index file (shared/src/node/config.ts, scripts, tests) import this module.
 */
import { z } from 'zod';
import { indexUkCoreFacts, UkCoreIndexError, type UkCoreFacts } from './ukcore-facts.js';

const StatusSchema = z.enum(['active', 'draft', 'retired', 'unknown']);

const ConceptSchema = z.object({ code: z.string(), display: z.string().optional() });

export const UkCoreIndexSchema = z.object({
  format: z.literal('ukcore-index/1'),
  profiles: z.array(
    z.object({
      url: z.string(),
      status: StatusSchema,
      type: z.string().optional(),
      version: z.string().optional(),
    }),
  ),
  extensions: z.array(
    z.object({
      url: z.string(),
      status: StatusSchema,
      context: z.array(z.string()).optional(),
      version: z.string().optional(),
    }),
  ),
  requiredBindings: z
    .array(z.object({ structure: z.string(), path: z.string(), valueSet: z.string() }))
    .default([]),
  constraints: z
    .array(
      z.object({
        structure: z.string(),
        path: z.string(),
        key: z.string(),
        severity: z.enum(['error', 'warning']),
        expression: z.string(),
        human: z.string().optional(),
      }),
    )
    .default([]),
  codeSystems: z
    .record(
      z.string(),
      z.object({ url: z.string(), status: StatusSchema, concepts: z.array(ConceptSchema).nullable() }),
    )
    .default({}),
  careConnectToUKCore: z
    .object({ profiles: z.array(z.object({ careconnect: z.string(), ukcore: z.string().nullable() })) })
    .default({ profiles: [] }),
});

/** Validates parsed `ukcore-index/1` JSON and indexes it; throws UkCoreIndexError naming each bad field. */
export function ukCoreFactsFromIndex(json: unknown): UkCoreFacts {
  const parsed = UkCoreIndexSchema.safeParse(json);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`);
    throw new UkCoreIndexError(`Not a ukcore-index/1 file: ${issues.slice(0, 3).join('; ')}`, issues);
  }
  return indexUkCoreFacts(parsed.data);
}
