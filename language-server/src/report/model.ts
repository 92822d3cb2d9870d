/** The CLI's report model: issues with 0-based LSP-style ranges, per file (the `--format json` shape). */
import type { Issue, Rule } from '@wheelhouse/shared/validation';

export interface Position {
  line: number;
  character: number;
}

export interface ReportIssue {
  ruleId: string;
  severity: Issue['severity'];
  message: string;
  range: { start: Position; end: Position };
  location: string;
  docs?: string;
}

export interface FileReport {
  path: string;
  issues: ReportIssue[];
}

export interface Summary {
  files: number;
  errors: number;
  warnings: number;
  information: number;
}

export interface Report {
  files: FileReport[];
  summary: Summary;
  /** Rules that ran, for SARIF's tool.driver.rules (not printed in the JSON format). */
  rules: readonly Pick<Rule, 'id' | 'severity' | 'description' | 'docs'>[];
}

export function summarise(files: readonly FileReport[]): Summary {
  const summary: Summary = { files: files.length, errors: 0, warnings: 0, information: 0 };
  for (const f of files) {
    for (const i of f.issues) {
      if (i.severity === 'error') summary.errors++;
      else if (i.severity === 'warning') summary.warnings++;
      else summary.information++;
    }
  }
  return summary;
}
