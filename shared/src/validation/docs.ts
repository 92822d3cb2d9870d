/** Where rule docs live: `${DOCS_BASE}/docs/rules/<id>.md`. */
export const DOCS_BASE = 'https://github.com/wheelhouse-nhs/wheelhouse/blob/main';

/** The docs URL of a rule. */
export function ruleDocs(ruleId: string, base: string = DOCS_BASE): string {
  return `${base}/docs/rules/${ruleId}.md`;
}
