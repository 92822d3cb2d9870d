/**
 * UK Core facts the NHS rules need (canonical URLs and their status, the CareConnect -> UK Core map,
 * required bindings, invariants, identifier slices). Read from a `ukcore-index/1` JSON file extracted
 * from https://github.com/NHSDigital/FHIR-R4-UKCORE-STAGING-MAIN; injected, never loaded here (STYLE.md 7).
 * No zod at run time: the engine imports this module; the schema and the validating entry point
 * (ukCoreFactsFromIndex) are in ./ukcore-index.ts, which only hosts that read an index file load (issue 3).
 */
import type { z } from 'zod';
import type { UkCoreIndexSchema } from './ukcore-index.js';

export type UkCoreIndex = z.infer<typeof UkCoreIndexSchema>;

export type UkCoreStatus = UkCoreIndex['profiles'][number]['status'];

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

/** Indexes a `ukcore-index/1` object already validated (ukCoreFactsFromIndex in ./ukcore-index.ts validates). */
export function indexUkCoreFacts(index: UkCoreIndex): UkCoreFacts {
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
