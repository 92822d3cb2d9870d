/**
 * UK Core facts the NHS rules need (canonical URLs and their status, the CareConnect -> UK Core map,
 * required bindings, invariants, identifier slices). Read from a `ukcore-index/1` JSON file extracted
 * from https://github.com/NHSDigital/FHIR-R4-UKCORE-STAGING-MAIN; injected, never loaded here (STYLE.md 7).
 */
import { z } from 'zod';

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
export type UkCoreIndex = z.infer<typeof UkCoreIndexSchema>;

export type UkCoreStatus = z.infer<typeof StatusSchema>;

export interface UkCoreCanonical {
  url: string;
  status: UkCoreStatus;
  kind: 'profile' | 'extension';
}

export interface UkCoreFacts {
  readonly canonicals: ReadonlyMap<string, UkCoreCanonical>;
  /** CareConnect STU3 URL (https://fhir.hl7.org.uk/STU3/StructureDefinition/CareConnect-X-1) -> UK Core URL. */
  readonly careConnect: ReadonlyMap<string, string>;
  readonly requiredBindings: UkCoreIndex['requiredBindings'];
  readonly constraints: UkCoreIndex['constraints'];
  /** Code system URL -> its codes (UK Core code systems the NHS rules check against). */
  readonly codeSystems: ReadonlyMap<string, { status: UkCoreStatus; codes: ReadonlySet<string> }>;
}

/** Thrown when a UK Core index file is not in the expected shape. */
export class UkCoreIndexError extends Error {
  override readonly name = 'UkCoreIndexError';
  constructor(
    message: string,
    readonly issues: readonly string[],
  ) {
    super(message);
  }
}

/** Validates parsed `ukcore-index/1` JSON and indexes it; throws UkCoreIndexError naming each bad field. */
export function ukCoreFactsFromIndex(json: unknown): UkCoreFacts {
  const parsed = UkCoreIndexSchema.safeParse(json);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`);
    throw new UkCoreIndexError(`Not a ukcore-index/1 file: ${issues.slice(0, 3).join('; ')}`, issues);
  }
  const index = parsed.data;
  const canonicals = new Map<string, UkCoreCanonical>();
  for (const p of index.profiles) canonicals.set(p.url, { url: p.url, status: p.status, kind: 'profile' });
  for (const e of index.extensions)
    canonicals.set(e.url, { url: e.url, status: e.status, kind: 'extension' });
  return Object.freeze({
    canonicals,
    careConnect: new Map(
      index.careConnectToUKCore.profiles.flatMap((m) =>
        m.ukcore === null ? [] : [[m.careconnect, m.ukcore] as const],
      ),
    ),
    requiredBindings: index.requiredBindings,
    constraints: index.constraints,
    codeSystems: new Map(
      Object.values(index.codeSystems).map((cs) => [
        cs.url,
        { status: cs.status, codes: new Set((cs.concepts ?? []).map((c) => c.code)) },
      ]),
    ),
  });
}
