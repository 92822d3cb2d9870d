/** Parses wheelhouse.config.json text (JSON with comments) into a config, with located errors. */
import {
  findNodeAtLocation,
  getNodeValue,
  parseTree,
  printParseErrorCode,
  type Node,
  type ParseError,
} from 'jsonc-parser';
import { WheelhouseConfigSchema, type WheelhouseConfig } from './schema.js';

export interface ConfigProblem {
  /** JSON path of the bad value, e.g. ['rules', 'nhs-number-checksum']. */
  path: (string | number)[];
  message: string;
  /** UTF-16 offset and length of the bad value (or key) in the text. */
  offset: number;
  length: number;
  /** 1-based line and column, for messages. */
  line: number;
  column: number;
}

export type ParseConfigResult =
  | { ok: true; config: WheelhouseConfig; warnings: ConfigProblem[] }
  | { ok: false; errors: ConfigProblem[]; warnings: ConfigProblem[] };

export interface ParseConfigOptions {
  /** Rule ids the engine knows; other ids in `rules` give a warning (likely a typo). */
  knownRules?: readonly string[];
}

function lineColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let start = 0;
  for (let i = 0; i < offset && i < text.length; i++) {
    if (text.charCodeAt(i) === 10) {
      line++;
      start = i + 1;
    }
  }
  return { line, column: offset - start + 1 };
}

function locate(
  text: string,
  root: Node | undefined,
  path: (string | number)[],
  key?: string,
): { offset: number; length: number } {
  // Walk down as far as the path exists; an unknown key is located at its property name.
  for (let n = path.length; n >= 0; n--) {
    const node = root ? findNodeAtLocation(root, path.slice(0, n)) : undefined;
    if (!node) continue;
    if (key !== undefined && node.type === 'object') {
      const prop = node.children?.find((p) => p.children?.[0]?.value === key);
      const keyNode = prop?.children?.[0];
      if (keyNode) return { offset: keyNode.offset, length: keyNode.length };
    }
    return { offset: node.offset, length: node.length };
  }
  return { offset: 0, length: Math.min(text.length, 1) };
}

function problem(
  text: string,
  path: (string | number)[],
  message: string,
  at: { offset: number; length: number },
): ConfigProblem {
  return { path, message, ...at, ...lineColumn(text, at.offset) };
}

function suggest(word: string, candidates: readonly string[]): string | undefined {
  let best: { c: string; d: number } | undefined;
  for (const c of candidates) {
    const d = distance(word, c);
    if (d <= Math.max(2, Math.floor(c.length / 4)) && (best === undefined || d < best.d)) best = { c, d };
  }
  return best?.c;
}

function distance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let prev = row[0] ?? 0;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const tmp = row[j] ?? 0;
      row[j] = Math.min(tmp + 1, (row[j - 1] ?? 0) + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1));
      prev = tmp;
    }
  }
  return row[b.length] ?? 0;
}

/** Parses and validates config text. Never throws: bad JSON or bad values come back as located errors. */
export function parseConfig(text: string, options: ParseConfigOptions = {}): ParseConfigResult {
  const syntax: ParseError[] = [];
  const root = parseTree(text, syntax, { allowTrailingComma: true, disallowComments: false });
  if (syntax.length > 0 || root === undefined) {
    const errors = syntax.map((e) =>
      problem(text, [], `Invalid JSON: ${printParseErrorCode(e.error)}`, {
        offset: e.offset,
        length: e.length,
      }),
    );
    if (errors.length === 0)
      errors.push(
        problem(text, [], 'The file is empty; write {} for all defaults.', { offset: 0, length: 0 }),
      );
    return { ok: false, errors, warnings: [] };
  }
  const value: unknown = getNodeValue(root);
  const parsed = WheelhouseConfigSchema.safeParse(value);
  const warnings: ConfigProblem[] = [];
  if (!parsed.success) {
    const known = Object.keys(WheelhouseConfigSchema.shape);
    const errors = parsed.error.issues.flatMap((issue) => {
      const path = issue.path.filter((p): p is string | number => typeof p !== 'symbol');
      const where = path.length > 0 ? path.join('.') : '(top level)';
      if (issue.code === 'unrecognized_keys') {
        return issue.keys.map((key) => {
          const allowed = path.length === 0 ? known : path[0] === 'catalogue' ? ['repository', 'url'] : [];
          const hint = suggest(key, allowed);
          const message = `Unknown setting "${key}" in ${where}${hint ? `; did you mean "${hint}"?` : `. Known: ${allowed.join(', ')}.`}`;
          return problem(text, [...path, key], message, locate(text, root, path, key));
        });
      }
      return [problem(text, path, `${where}: ${issue.message}`, locate(text, root, path))];
    });
    return { ok: false, errors, warnings };
  }
  if (options.knownRules) {
    for (const id of Object.keys(parsed.data.rules)) {
      if (options.knownRules.includes(id)) continue;
      const hint = suggest(id, options.knownRules);
      warnings.push(
        problem(
          text,
          ['rules', id],
          `Unknown rule "${id}"${hint ? `; did you mean "${hint}"?` : ''}`,
          locate(text, root, ['rules'], id),
        ),
      );
    }
  }
  return { ok: true, config: parsed.data, warnings };
}
