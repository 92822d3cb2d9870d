/**
 * The core terminology offline: the value sets and code systems of FHIR R4 (built by
 * shared/scripts/build-terminology.ts into dist/definitions/r4-terminology.json, loaded by the Node adapter
 * or fetched by a browser host) and the lookups the binding rules need. Codes of systems we do not hold
 * (SNOMED CT, LOINC, UCUM, BCP-47, ...) are "not checked", never an error.
 */

export interface TerminologyFile {
  fhirVersion: string;
  source: string;
  /** Complete code systems: url -> codes (flattened hierarchy). */
  codeSystems: Record<string, { version?: string; status?: string; caseSensitive: boolean; codes: string[] }>;
  /** Expanded value sets: url -> system -> codes, or '*' when any code of the system is accepted (not checkable). */
  valueSets: Record<string, { name: string; version?: string; systems: Record<string, string[] | '*'> }>;
  /** Canonical URLs of the core extension definitions. */
  extensionUrls?: string[];
  /** Core search parameters by canonical URL. */
  searchParameters?: Record<string, { type: string; base: string[] }>;
  /** Resource type of every core ValueSet / CodeSystem canonical. */
  canonicalTypes?: Record<string, 'ValueSet' | 'CodeSystem'>;
}

/** Membership answer: in, not in, or not checkable offline. */
export type Membership = 'yes' | 'no' | 'unknown';

export interface ValueSetInfo {
  url: string;
  name: string;
  version?: string;
  /** Systems the value set draws on. */
  systems: readonly string[];
  /** Is system|code in the value set? */
  has(system: string, code: string): Membership;
  /** A bare code (a `code` element): in any of the value set's systems? */
  hasCode(code: string): Membership;
}

export interface CodeSystemInfo {
  url: string;
  version?: string;
  has(code: string): boolean;
}

export interface Terminology {
  readonly fhirVersion: string;
  /** A value set by canonical (a `|version` suffix is ignored); undefined when unknown or not expandable. */
  valueSet(canonical: string): ValueSetInfo | undefined;
  /** A complete code system we hold, by canonical. */
  codeSystem(canonical: string): CodeSystemInfo | undefined;
  /** Is this the URL of a core (R4) extension definition? */
  isCoreExtension(url: string): boolean;
  /** 'ValueSet' or 'CodeSystem' for a core terminology canonical (a `|version` suffix is ignored). */
  canonicalType(canonical: string): 'ValueSet' | 'CodeSystem' | undefined;
  /** A core search parameter by canonical (a `|version` suffix is ignored). */
  searchParameter(canonical: string): { type: string; base: readonly string[] } | undefined;
}

/** A canonical without its `|version` suffix. */
function withoutVersion(canonical: string): string {
  const bar = canonical.indexOf('|');
  return bar < 0 ? canonical : canonical.slice(0, bar);
}

/** Builds the lookups over a terminology file; sets are built lazily per value set / code system. */
export function createTerminology(data: TerminologyFile): Terminology {
  // null: known not to be held.
  const vsCache = new Map<string, ValueSetInfo | null>();
  const csCache = new Map<string, CodeSystemInfo | null>();

  function codeSystem(canonical: string): CodeSystemInfo | undefined {
    const url = withoutVersion(canonical);
    const cached = csCache.get(url);
    if (cached !== undefined) return cached ?? undefined;
    const raw = Object.prototype.hasOwnProperty.call(data.codeSystems, url) ? data.codeSystems[url] : undefined;
    let info: CodeSystemInfo | undefined;
    if (raw) {
      const set = new Set(raw.caseSensitive ? raw.codes : raw.codes.map((c) => c.toLowerCase()));
      info = { url, ...(raw.version ? { version: raw.version } : {}), has: (code) => set.has(raw.caseSensitive ? code : code.toLowerCase()) };
    }
    csCache.set(url, info ?? null);
    return info;
  }

  function valueSet(canonical: string): ValueSetInfo | undefined {
    const url = withoutVersion(canonical);
    const cached = vsCache.get(url);
    if (cached !== undefined) return cached ?? undefined;
    const raw = Object.prototype.hasOwnProperty.call(data.valueSets, url) ? data.valueSets[url] : undefined;
    let info: ValueSetInfo | undefined;
    if (raw) {
      const sets = new Map<string, Set<string> | '*'>();
      for (const [system, codes] of Object.entries(raw.systems)) sets.set(system, codes === '*' ? '*' : new Set(codes));
      const has = (system: string, code: string): Membership => {
        const s = sets.get(system);
        if (s === undefined) return 'no';
        if (s === '*') return 'unknown';
        return s.has(code) ? 'yes' : 'no';
      };
      info = {
        url,
        name: raw.name,
        ...(raw.version ? { version: raw.version } : {}),
        systems: [...sets.keys()],
        has,
        hasCode(code) {
          let unknown = false;
          for (const s of sets.values()) {
            if (s === '*') unknown = true;
            else if (s.has(code)) return 'yes';
          }
          return unknown ? 'unknown' : 'no';
        },
      };
    }
    vsCache.set(url, info ?? null);
    return info;
  }

  const extensions = new Set(data.extensionUrls ?? []);
  const searchParameters = data.searchParameters ?? {};
  return {
    fhirVersion: data.fhirVersion,
    valueSet,
    codeSystem,
    isCoreExtension: (url) => extensions.has(url),
    canonicalType(canonical) {
      const url = withoutVersion(canonical);
      const types = data.canonicalTypes ?? {};
      return Object.prototype.hasOwnProperty.call(types, url) ? types[url] : undefined;
    },
    searchParameter(canonical) {
      const url = withoutVersion(canonical);
      return Object.prototype.hasOwnProperty.call(searchParameters, url) ? searchParameters[url] : undefined;
    },
  };
}
