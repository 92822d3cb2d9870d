/** Node adapter: reading package folders, .tgz files and workspace trees into a ConformanceStore. */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { join, relative } from 'node:path';
import { conformanceResourcesIn, parseJsonResource } from '../../packages/resources.js';
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

/**
 * Conformance resources anywhere under a workspace folder (an IG source repository): JSON and,
 * with a converter, XML. When the same canonical URL appears in both, the first file found wins
 * (XML first: in NHS repos it is the authored form, JSON a derived copy).
 */
export function readWorkspace(root: string, xmlToJson?: XmlToJson): { resources: FoundResource[]; unreadable: string[] } {
  const resources: FoundResource[] = [];
  const unreadable: string[] = [];
  const seen = new Set<string>();
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
  // XML before JSON, so the authored form wins.
  files.sort((a, b) => Number(a.endsWith('.json')) - Number(b.endsWith('.json')) || a.localeCompare(b));
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
    // Cheap pre-filter: only files that can hold a conformance resource are parsed.
    if (!/StructureDefinition|ValueSet|CodeSystem|NamingSystem|ConceptMap|SearchParameter|OperationDefinition|CapabilityStatement|ImplementationGuide|Questionnaire|Bundle/.test(text.slice(0, 2000))) continue;
    const value = file.endsWith('.xml') ? safeXml(xmlToJson, text) : parseJsonResource(text);
    for (const resource of conformanceResourcesIn(value)) {
      const key = `${resource.resourceType}|${resource.url ?? ''}|${resource.version ?? ''}`;
      if (seen.has(key)) continue;
      seen.add(key);
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
