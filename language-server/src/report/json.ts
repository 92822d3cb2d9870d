/** `--format json`: the stable machine-readable shape other tools rely on (issue 3). */
import type { Report } from './model.js';

export function formatJson(report: Report): string {
  const files = report.files.map((f) => ({
    path: f.path,
    issues: f.issues.map((i) => ({ ruleId: i.ruleId, severity: i.severity, message: i.message, range: i.range, location: i.location })),
  }));
  return `${JSON.stringify({ files, summary: report.summary }, null, 2)}\n`;
}
