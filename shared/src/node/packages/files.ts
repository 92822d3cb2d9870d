/** Node adapter: reading package folders, .tgz files and workspace trees into a ConformanceStore. */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { join, relative } from 'node:path';
import { CONFORMANCE_TYPES, conformanceResourcesIn, parseJsonResource } from '../../packages/resources.js';
import { readPackageTar, type TarballContents } from '../../packages/tar.js';
import type { ConformanceResource } from '../../profiles/types.js';

/** Turns FHIR XML text into a plain JSON resource (the XML module's converter), or undefined. */
export type XmlToJson = (text: string) => unknown;

export interface FoundResource {
  resource: ConformanceResource;
  file: string;
}

/** The conformance resources of a package folder (`.../package`), examples excluded. */
export function readPackageFolder(dir: string): FoundResource[] {
  const out: FoundResource[] = [];
  for (const name of readdirSync(dir)) {
    if (!name.endsWith('.json') || name === 'package.json' || name === '.index.json') continue;
    const file = join(dir, name);
    for (const resource of conformanceResourcesIn(parseJsonResource(readFileSync(file, 'utf8')))) out.push({ resource, file });
  }
  return out;
}

/** A .tgz package file, gunzipped and untarred in memory. */
export function readTgz(file: string): TarballContents {
  return readPackageTar(new Uint8Array(gunzipSync(readFileSync(file))));
}

const SKIP_DIRS = new Set(['node_modules', '.git', 'output', 'fsh-generated', 'temp', 'template', 'txCache', '.vscode']);

/** The root resource type of a JSON or XML file, read cheaply (no parse). */
function rootTypeOf(file: string, text: string): string | undefined {
  if (file.endsWith('.json')) return /"resourceType"\s*:\s*"([A-Za-z]+)"/.exec(text)?.[1];
  const body = text.replace(/^\uFEFF?\s*(<\?[^>]*\?>\s*|<!--[\s\S]*?-->\s*)*/, '');
  return /^<([A-Za-z]+)[\s/>]/.exec(body)?.[1];
}

/**
 * Conformance resources anywhere under a workspace folder (an IG source repository): JSON and,
 * with a converter, XML. Only files whose root is a conformance resource (or a Bundle) are parsed.
 * When the same resource is there as JSON and as XML (NHS repos keep converted copies), the JSON
 * form is read and the XML one skipped: the XML parse is the slow part, and the conversions are
 * the same resource (tested on UK Core 2.0.2).
 */
export function readWorkspace(root: string, xmlToJson?: XmlToJson): { resources: FoundResource[]; unreadable: string[] } {
  const resources: FoundResource[] = [];
  const unreadable: string[] = [];
  const seen = new Set<string>();
  const seenUrls = new Set<string>();
  const files: string[] = [];
  const walk = (dir: string): void => {
    let names: string[];
    try {
      names = readdirSync(dir);
    } catch {
      unreadable.push(dir);
      return;
    }
    for (const name of names.sort()) {
      if (name.startsWith('.') && name !== '.') continue;
      const full = join(dir, name);
      let isDir: boolean;
      try {
        isDir = statSync(full).isDirectory();
      } catch {
        continue;
      }
      if (isDir) {
        if (!SKIP_DIRS.has(name)) walk(full);
      } else if (name.endsWith('.json') || (xmlToJson && name.endsWith('.xml'))) {
        files.push(full);
      }
    }
  };
  if (existsSync(root)) walk(root);
  files.sort((a, b) => Number(a.endsWith('.xml')) - Number(b.endsWith('.xml')) || a.localeCompare(b));
  for (const file of files) {
    const base = file.slice(file.lastIndexOf('/') + 1);
    if (base === 'package.json' || base === 'fhirpkg.lock.json' || base === 'package-lock.json') continue;
    let text: string;
    try {
      text = readFileSync(file, 'utf8');
    } catch {
      unreadable.push(file);
      continue;
    }
    const rootType = rootTypeOf(file, text);
    if (!rootType || (rootType !== 'Bundle' && !CONFORMANCE_TYPES.has(rootType))) continue;
    if (file.endsWith('.xml')) {
      const url = /<url\s+value="([^"]*)"/.exec(text)?.[1];
      if (url && rootType !== 'Bundle' && seenUrls.has(`${rootType}|${url}`)) continue;
    }
    const value = file.endsWith('.xml') ? safeXml(xmlToJson, text) : parseJsonResource(text);
    for (const resource of conformanceResourcesIn(value)) {
      const key = `${resource.resourceType}|${resource.url ?? ''}|${resource.version ?? ''}`;
      if (seen.has(key)) continue;
      seen.add(key);
      seenUrls.add(`${resource.resourceType}|${resource.url ?? ''}`);
      resources.push({ resource, file: relative(root, file) });
    }
  }
  return { resources, unreadable };
}

function safeXml(xmlToJson: XmlToJson | undefined, text: string): unknown {
  try {
    return xmlToJson?.(text);
  } catch {
    return undefined;
  }
}
