/**
 * Reads a FHIR package tarball (already gunzipped) with nanotar: `package/package.json` and the
 * JSON resources under `package/` (examples under `package/example(s)/` are listed separately).
 */
import { parseTar } from 'nanotar';
import type { PackageManifest } from './spec.js';

export interface TarballContents {
  manifest: PackageManifest | undefined;
  /** Resource files directly under `package/` (plus `package/other/`...), path inside the tarball -> text. */
  files: { name: string; text: string }[];
  examples: { name: string; text: string }[];
}

// TextDecoder exists in browsers and Node; this package's lib (ES2023 only) does not declare it.
declare const TextDecoder: new () => { decode(data: Uint8Array): string };
const decoder = new TextDecoder();

export function readPackageTar(tar: Uint8Array): TarballContents {
  // nanotar reads `data.buffer` from offset 0: hand it an exact copy, not a view into a pool.
  const exact = tar.byteOffset === 0 && tar.byteLength === tar.buffer.byteLength ? tar : tar.slice();
  const entries = parseTar(exact, { filter: (f) => f.type === 'file' || f.type === undefined });
  let manifest: PackageManifest | undefined;
  const files: TarballContents['files'] = [];
  const examples: TarballContents['examples'] = [];
  for (const entry of entries) {
    const name = entry.name.replace(/^\.\//, '');
    if (!name.endsWith('.json') || !entry.data) continue;
    const text = decoder.decode(entry.data);
    // The root folder is `package/` by the spec; a few hand-made tarballs use another name.
    const inner = name.includes('/') ? name.slice(name.indexOf('/') + 1) : name;
    if (inner === 'package.json') {
      try {
        manifest = JSON.parse(text) as PackageManifest;
      } catch {
        manifest = undefined;
      }
      continue;
    }
    if (inner === '.index.json' || inner.startsWith('other/') || inner.includes('/._') || inner.startsWith('._')) continue;
    if (/^examples?\//.test(inner)) examples.push({ name, text });
    else if (!inner.startsWith('openapi/')) files.push({ name, text });
  }
  return { manifest, files, examples };
}
