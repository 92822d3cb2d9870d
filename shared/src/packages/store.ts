/**
 * The conformance resources one validation can see: core definitions plus loaded packages and
 * workspace folders, indexed by canonical URL. It is the profile helper's `ConformanceSource` for
 * the engine; snapshots of differential-only profiles are generated on demand and memoised.
 */
import { SnapshotGenerator, type SnapshotMessage } from '../profiles/snapshot.js';
import { ProfileValidator } from '../profiles/validate.js';
import type { ConformanceResource, ElementDefinition, StructureDefinition } from '../profiles/types.js';

/** Where a resource came from, for messages ("UKCore-Patient (from uk-core/2.0.2/xml/...)"). */
export interface ResourceOrigin {
  /** `id#version` of the package, or `workspace:<folder>`, or `core`. */
  source: string;
  file?: string;
}

export interface StoredResource {
  /** The resource (parsed on first access for lazily added ones). */
  readonly resource: ConformanceResource;
  readonly resourceType: string;
  readonly version: string | undefined;
  readonly origin: ResourceOrigin;
}

class Entry implements StoredResource {
  readonly resourceType: string;
  readonly version: string | undefined;
  readonly origin: ResourceOrigin;
  #value: ConformanceResource | undefined;
  #load: (() => ConformanceResource) | undefined;
  constructor(resourceType: string, version: string | undefined, origin: ResourceOrigin, value: ConformanceResource | undefined, load?: () => ConformanceResource) {
    this.resourceType = resourceType;
    this.version = version;
    this.origin = origin;
    this.#value = value;
    this.#load = load;
  }
  get resource(): ConformanceResource {
    if (!this.#value) {
      this.#value = this.#load ? this.#load() : { resourceType: this.resourceType };
      this.#load = undefined;
    }
    return this.#value;
  }
}

function splitCanonical(url: string): { url: string; version?: string } {
  const bar = url.indexOf('|');
  return bar < 0 ? { url } : { url: url.slice(0, bar), version: url.slice(bar + 1) };
}

export class ConformanceStore {
  readonly #byUrl = new Map<string, Entry[]>();
  readonly #snapshots: SnapshotGenerator;
  /** Snapshots found in a snapshot cache: url -> elements. */
  readonly #preloaded = new Map<string, ElementDefinition[]>();
  readonly #generated = new Map<string, ElementDefinition[]>();
  readonly #snapshotMessages = new Map<string, SnapshotMessage[]>();

  #profileValidator: ProfileValidator | undefined;
  /** Per-validation results keyed by the validated value object (profile rules share one walk). */
  readonly memo = new WeakMap<object, unknown>();

  constructor() {
    this.#snapshots = new SnapshotGenerator({ get: (url) => this.structureDefinitionRaw(url) });
  }

  /** The profile validator over this store's definitions (created on first use). */
  profileValidator(): ProfileValidator {
    this.#profileValidator ??= new ProfileValidator(this);
    return this.#profileValidator;
  }

  /** Adds a resource; a later resource with the same URL and version does not replace the first. */
  add(resource: ConformanceResource, origin: ResourceOrigin): void {
    if (typeof resource.url !== 'string') return;
    this.#push(resource.url, new Entry(resource.resourceType, resource.version, origin, resource));
  }

  /** Adds a resource parsed only when first used (the core definitions: ~1,300 of them). */
  addLazy(url: string, resourceType: string, version: string | undefined, origin: ResourceOrigin, load: () => ConformanceResource): void {
    this.#push(url, new Entry(resourceType, version, origin, undefined, load));
  }

  #push(url: string, entry: Entry): void {
    const list = this.#byUrl.get(url) ?? [];
    if (list.some((r) => r.version === entry.version && r.resourceType === entry.resourceType)) return;
    list.push(entry);
    this.#byUrl.set(url, list);
  }

  /** Every resource of a type (e.g. all StructureDefinitions), first-added version per URL. */
  *all(resourceType?: string): Iterable<StoredResource> {
    for (const list of this.#byUrl.values()) {
      const first = resourceType ? list.find((r) => r.resourceType === resourceType) : list[0];
      if (first) yield first;
    }
  }

  /** A resource and its origin by canonical URL (`url` or `url|version`) and optional type. */
  entry(canonical: string, resourceType?: string): StoredResource | undefined {
    const { url, version } = splitCanonical(canonical);
    const list = this.#byUrl.get(url);
    if (!list) return undefined;
    const typed = resourceType ? list.filter((r) => r.resourceType === resourceType) : list;
    if (version) return typed.find((r) => r.version === version) ?? typed.find((r) => r.version?.startsWith(version));
    return typed[0];
  }

  resource<T extends ConformanceResource = ConformanceResource>(canonical: string, resourceType?: string): T | undefined {
    return this.entry(canonical, resourceType)?.resource as T | undefined;
  }

  /** The engine's ConformanceSource: a conformance resource by canonical URL. */
  resolve(canonical: string): ConformanceResource | undefined {
    return this.entry(canonical)?.resource;
  }

  /** The StructureDefinition as loaded (snapshot only if it carried one). */
  structureDefinitionRaw(canonical: string): StructureDefinition | undefined {
    const sd = this.resource<StructureDefinition>(canonical, 'StructureDefinition');
    if (!sd) return undefined;
    const pre = this.#preloaded.get(sd.url);
    return pre && !sd.snapshot ? { ...sd, snapshot: { element: pre } } : sd;
  }

  /** The StructureDefinition with a snapshot (generated if needed); undefined if unknown or ungeneratable. */
  structureDefinition(canonical: string): StructureDefinition | undefined {
    const sd = this.structureDefinitionRaw(canonical);
    if (!sd || sd.snapshot?.element.length) return sd;
    const elements = this.snapshot(sd.url);
    return elements ? { ...sd, snapshot: { element: elements } } : sd;
  }

  /** Snapshot elements of a profile or type, generating them from the differential when absent. */
  snapshot(canonical: string): ElementDefinition[] | undefined {
    const sd = this.structureDefinitionRaw(canonical);
    if (!sd) return undefined;
    if (sd.snapshot?.element.length) return sd.snapshot.element;
    const done = this.#generated.get(sd.url);
    if (done) return done;
    try {
      const result = this.#snapshots.generate(sd);
      this.#generated.set(sd.url, result.elements);
      if (result.messages.length) this.#snapshotMessages.set(sd.url, result.messages);
      return result.elements;
    } catch (error) {
      this.#snapshotMessages.set(sd.url, [{ severity: 'error', message: error instanceof Error ? error.message : String(error) }]);
      return undefined;
    }
  }

  /** Problems met generating snapshots, by profile URL. */
  snapshotMessages(): ReadonlyMap<string, SnapshotMessage[]> {
    return this.#snapshotMessages;
  }

  /** Snapshots generated in this store (not preloaded), for a snapshot cache to save. */
  generatedSnapshots(): ReadonlyMap<string, ElementDefinition[]> {
    return this.#generated;
  }

  /** Seeds snapshots from a cache; they are used for SDs that lack one. */
  preloadSnapshots(snapshots: Record<string, ElementDefinition[]>): void {
    for (const [url, elements] of Object.entries(snapshots)) this.#preloaded.set(url, elements);
  }

  /** Generates every missing snapshot (for benchmarks and cache warming). */
  generateAllSnapshots(): number {
    let n = 0;
    for (const entry of this.all('StructureDefinition')) {
      if (entry.origin.source === 'core') continue; // core definitions carry snapshots
      const sd = entry.resource as StructureDefinition;
      if (!sd.snapshot?.element.length && !this.#preloaded.has(sd.url) && this.snapshot(sd.url)) n++;
    }
    return n;
  }
}
