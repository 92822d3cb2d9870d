/** What the engine reports: plain data, no editor types (STYLE.md 1). */
export type Severity = 'error' | 'warning' | 'information';

/** JSON path from the document root, e.g. ['entry', 0, 'resource', 'identifier', 1, 'value']. */
export type Path = readonly (string | number)[];

/** A ready-to-apply text edit; offsets are UTF-16 code units into the validated text. */
export interface TextEdit {
  offset: number;
  length: number;
  newText: string;
}

/** A quick fix: the editor applies `edits` verbatim. */
export interface Fix {
  title: string;
  edits: TextEdit[];
}

export interface Issue {
  ruleId: string;
  severity: Severity;
  message: string;
  /** Where, as a JSON path from the document root. */
  path: Path;
  /** FHIRPath-like, HL7 validator style: "Bundle.entry[0].resource.identifier[1].value". */
  location: string;
  /** UTF-16 offset and length into the text; adapters turn these into line/character. */
  offset: number;
  length: number;
  /** URL of the rule's docs page. */
  docs?: string;
  fix?: Fix;
  /** Extra facts a quick fix or hover needs, e.g. `{ expectedCheckDigit: 3 }`. */
  data?: Record<string, unknown>;
}

/** Orders issues by position, then rule id, so output is stable. */
export function compareIssues(a: Issue, b: Issue): number {
  return a.offset - b.offset || a.length - b.length || (a.ruleId < b.ruleId ? -1 : a.ruleId > b.ruleId ? 1 : 0);
}

/** Renders a JSON path as a FHIRPath-like location, rooted at the resource type when known. */
export function formatLocation(path: Path, rootType?: string): string {
  let out = rootType ?? '';
  for (const segment of path) {
    if (typeof segment === 'number') out += `[${segment}]`;
    else out += out === '' ? segment : `.${segment}`;
  }
  return out;
}
