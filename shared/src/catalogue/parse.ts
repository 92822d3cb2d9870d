/** Parses one manifest's YAML text keeping positions, so every finding can say file:line:col. */
import { LineCounter, isMap, isScalar, isSeq, parseDocument, type Document } from 'yaml';
import { OrganisationsFileSchema } from './schema.js';

/** One manifest as read from disk (or a pull request): `path` is what messages print. */
export interface ManifestSource {
  readonly path: string;
  readonly text: string;
}

export interface Position {
  /** 1-based. */
  readonly line: number;
  /** 1-based. */
  readonly column: number;
}

export interface ParsedManifest {
  readonly source: ManifestSource;
  /** Plain data, or undefined when the YAML could not be read. */
  readonly value: unknown;
  readonly syntaxErrors: readonly (Position & { message: string })[];
  /** Position of the value at `path` (or of the key itself with `key`); falls back to the nearest existing parent. */
  locate(path: readonly PropertyKey[], key?: string): Position;
}

/** Manifests above this size are refused before parsing (hostile input; real ones are ~2 KB). */
export const MAX_MANIFEST_BYTES = 64 * 1024;

type YamlNode = Document['contents'];

export function parseManifest(source: ManifestSource): ParsedManifest {
  const lineCounter = new LineCounter();
  const doc = parseDocument(source.text, { lineCounter, uniqueKeys: true, prettyErrors: false, strict: true });
  const position = (offset: number): Position => {
    const { line, col } = lineCounter.linePos(offset);
    return { line, column: col };
  };
  const syntaxErrors = doc.errors.map((e) => ({ message: e.message.split('\n')[0] ?? e.message, ...position(e.pos[0]) }));
  let value: unknown;
  if (syntaxErrors.length === 0) {
    try {
      value = doc.toJS({ maxAliasCount: 50 });
    } catch (error) {
      syntaxErrors.push({ message: error instanceof Error ? error.message : String(error), ...position(0) });
    }
  }
  const firstContentOffset = (): number => doc.contents?.range?.[0] ?? 0;
  return {
    source,
    value,
    syntaxErrors,
    locate(path, key) {
      let node: YamlNode = doc.contents;
      let offset = firstContentOffset();
      const steps = key === undefined ? path : [...path, key];
      for (let i = 0; i < steps.length; i++) {
        const step = steps[i];
        const isKeyStep = key !== undefined && i === steps.length - 1;
        if (isMap(node)) {
          const pair = node.items.find((p) => isScalar(p.key) && p.key.value === step);
          if (!pair) break;
          const keyNode = pair.key as { range?: [number, number, number] } | null;
          if (isKeyStep) {
            offset = keyNode?.range?.[0] ?? offset;
            break;
          }
          node = pair.value as YamlNode;
          offset = node?.range?.[0] ?? keyNode?.range?.[0] ?? offset;
        } else if (isSeq(node) && typeof step === 'number') {
          const item = node.items[step] as YamlNode | undefined;
          if (!item) break;
          node = item;
          offset = item.range?.[0] ?? offset;
        } else {
          break;
        }
      }
      return position(offset);
    },
  };
}

/** Organisation logins from catalogue/organisations.yaml text; throws with the reason when it is not valid. */
export function parseOrganisationsFile(text: string, path: string): string[] {
  const doc = parseDocument(text, { uniqueKeys: true });
  if (doc.errors.length > 0) throw new Error(`${path}: ${doc.errors[0]?.message ?? 'YAML error'}`);
  const parsed = OrganisationsFileSchema.safeParse(doc.toJS());
  if (!parsed.success) throw new Error(`${path}: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
  return parsed.data.organisations;
}
