/**
 * `wheelhouse match`: page text -> catalogue components that already do it (issue 8), or nothing.
 * The matcher is shared/src/matching (the browser extension runs the same code); this file only reads
 * inputs and the catalogue from disk.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { parseHTML } from 'linkedom';
import { ComponentSchema, parseManifest, type Component } from '@wheelhouse/shared/catalogue';
import { buildIndex, extractNeed, loadIndex, match, type DocumentLike, type MatchIndex, type PageNeed } from '@wheelhouse/shared/matching';
import { readManifestDir } from '@wheelhouse/shared/node';
import { UsageError, type Command, type CommandIO } from './command.js';

const usage = `Usage: wheelhouse match (--text <s> | --text-file <f> | --html-file <f>) [--url <u>] [--top N] [--format json|text] [--catalogue <path>]

Suggests catalogue components that already meet the need a page describes, best first, each with
its reasons; prints nothing (an empty list) when no component clears the threshold.

Options:
  --text <s>          The need as plain text.
  --text-file <f>     Read the need from a text file.
  --html-file <f>     Read a saved web page (tender notice, repository, NHS page); its title, description
                      and CPV codes are extracted the way the browser extension does.
  --url <u>           The page's address (a repository URL confirms the component it belongs to).
  --top <N>           At most N suggestions (default 3, at most 50).
  --format <f>        json: { "suggestions": [ { "id", "name", "score", "reasons" } ] }; text (default).
  --catalogue <path>  Manifests folder, catalogue.json or search-index.json (default: the nearest
                      catalogue/components above the working directory, else the one shipped with the CLI).
`;

/** Thrown when the catalogue cannot be found or read. */
export class CatalogueNotFoundError extends Error {
  override readonly name = 'CatalogueNotFoundError';
}

export const matchCommand: Command = {
  name: 'match',
  usage,
  async run(args: readonly string[], io: CommandIO): Promise<number> {
    await Promise.resolve();
    let values;
    try {
      ({ values } = parseArgs({
        args: [...args],
        options: {
          text: { type: 'string' },
          'text-file': { type: 'string' },
          'html-file': { type: 'string' },
          url: { type: 'string' },
          top: { type: 'string', default: '3' },
          format: { type: 'string', default: 'text' },
          catalogue: { type: 'string' },
        },
        allowPositionals: false,
      }));
    } catch (error) {
      throw new UsageError((error as Error).message);
    }
    const sources = (['text', 'text-file', 'html-file'] as const).filter((k) => values[k] !== undefined);
    if (sources.length !== 1) throw new UsageError('give exactly one of --text, --text-file, --html-file');
    const top = Number(values.top);
    if (!Number.isInteger(top) || top < 1 || top > 50) throw new UsageError(`--top must be a whole number from 1 to 50, not "${values.top}"`);
    if (values.format !== 'json' && values.format !== 'text') throw new UsageError(`--format must be json or text, not "${values.format}"`);
    if (values.url !== undefined && !/^https?:\/\/\S+$/i.test(values.url)) throw new UsageError(`--url must be an http(s) URL, not "${values.url}"`);

    let page: PageNeed;
    try {
      page = readPage(values, io.cwd);
    } catch (error) {
      io.stderr(`wheelhouse match: ${(error as Error).message}\n`);
      return 2;
    }
    let index: MatchIndex;
    try {
      index = loadCatalogueIndex(values.catalogue, io);
    } catch (error) {
      io.stderr(`wheelhouse match: ${(error as Error).message}\n`);
      return 2;
    }
    const suggestions = match(index, page, { top });
    if (values.format === 'json') {
      io.stdout(`${JSON.stringify({ suggestions }, null, 2)}\n`);
    } else if (suggestions.length === 0) {
      io.stdout('No catalogue component clears the threshold for this need.\n');
    } else {
      for (const [i, s] of suggestions.entries()) io.stdout(`${i + 1}. ${s.name} (${s.id}), score ${s.score}\n   ${s.reasons.join('\n   ')}\n`);
    }
    return 0;
  },
};

function readPage(values: { text?: string; 'text-file'?: string; 'html-file'?: string; url?: string }, cwd: string): PageNeed {
  const url = values.url;
  if (values.text !== undefined) return { text: values.text, ...(url ? { url } : {}) };
  if (values['text-file'] !== undefined) return { text: readText(resolve(cwd, values['text-file'])), ...(url ? { url } : {}) };
  const html = readText(resolve(cwd, values['html-file'] as string));
  // linkedom's types lean on the DOM lib, which this package does not load: narrow to what we read.
  const parse = parseHTML as unknown as (markup: string) => { document: DocumentLike };
  return extractNeed(parse(html).document, url);
}

function readText(file: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch (error) {
    throw new Error(`cannot read ${file}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`, { cause: error });
  }
}

/** The catalogue as a match index: manifests (built on the fly), catalogue.json, or a prebuilt search-index.json. */
export function loadCatalogueIndex(path: string | undefined, io: CommandIO): MatchIndex {
  const target = path !== undefined ? resolve(io.cwd, path) : defaultCatalogue(io.cwd);
  if (!target || !existsSync(target)) {
    throw new CatalogueNotFoundError(
      path !== undefined ? `catalogue not found: ${target}` : 'no catalogue found: run inside the Wheelhouse repository or pass --catalogue <path>',
    );
  }
  if (statSync(target).isDirectory()) return loadIndex(buildIndex(componentsFromDir(target, io)));
  const json: unknown = JSON.parse(readText(target));
  const format = (json as { format?: unknown } | null)?.format;
  if (format === 'wheelhouse-match-index') return loadIndex(json);
  const components = (json as { components?: unknown } | null)?.components;
  if (!Array.isArray(components)) throw new CatalogueNotFoundError(`${target} is neither a catalogue.json nor a search-index.json`);
  return loadIndex(buildIndex(components.map((c) => ComponentSchema.parse(c))));
}

function componentsFromDir(dir: string, io: CommandIO): Component[] {
  const components: Component[] = [];
  let skipped = 0;
  for (const source of readManifestDir(dir, io.cwd)) {
    const parsed = ComponentSchema.safeParse(parseManifest(source).value);
    if (parsed.success) components.push(parsed.data);
    else skipped++;
  }
  if (skipped > 0) io.stderr(`wheelhouse match: skipped ${skipped} invalid manifest(s); run \`wheelhouse catalogue check\`\n`);
  return components;
}

/** Nearest `catalogue/components` above `cwd`, else the repository the CLI was built in. */
function defaultCatalogue(cwd: string): string | undefined {
  for (let dir = resolve(cwd); ; dir = dirname(dir)) {
    const candidate = join(dir, 'catalogue', 'components');
    if (existsSync(candidate)) return candidate;
    if (dirname(dir) === dir) break;
  }
  const shipped = fileURLToPath(new URL('../../../catalogue/', import.meta.url));
  for (const candidate of [join(shipped, 'components'), join(shipped, 'dist', 'search-index.json'), join(shipped, 'dist', 'catalogue.json')]) {
    if (existsSync(candidate)) return candidate;
  }
  return undefined;
}
