/**
 * Inputs of the match evaluation and benchmark: catalogue manifests and the dev cases.
 * Reads the built shared package (run `pnpm exec tsc -b` first; `pnpm eval:match` does).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ComponentSchema, parseManifest, type Component } from '../../shared/dist/catalogue/index.js';
import type { PageNeed } from '../../shared/dist/matching/index.js';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const DEV_CASES = join(ROOT, '../shared/catalogue-seed/pages-dev.jsonl');

/** Every manifest in catalogue/components, validated; a bad manifest stops the run with its name. */
export function loadComponents(dir = join(ROOT, 'catalogue/components')): Component[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.yaml'))
    .sort()
    .map((f) => {
      const parsed = ComponentSchema.safeParse(parseManifest({ path: f, text: readFileSync(join(dir, f), 'utf8') }).value);
      if (!parsed.success) throw new Error(`${f}: ${parsed.error.message}`);
      return parsed.data;
    });
}

export interface DevCase {
  readonly case_id: string;
  readonly source: string;
  readonly source_type: string;
  readonly title: string;
  readonly summary: string;
  readonly key_terms: readonly string[];
  readonly expected: readonly string[];
  readonly acceptable: readonly string[];
  readonly must_not: readonly string[];
}

/** The dev cases, or undefined (with the reason) when ../shared is not beside the repository. */
export function loadCases(path = DEV_CASES): DevCase[] | undefined {
  if (!existsSync(path)) return undefined;
  return readFileSync(path, 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as DevCase);
}

/** A case's page as the issue defines it: title, summary and key terms (plus its URL, as the extension sees). */
export function casePage(c: DevCase, withUrl = true): PageNeed {
  return {
    title: c.title,
    text: `${c.summary}\n${c.key_terms.join(', ')}`,
    ...(withUrl && /^https?:\/\//.test(c.source) ? { url: c.source } : {}),
  };
}
