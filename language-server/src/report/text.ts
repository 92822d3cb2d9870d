/** `--format text`: one block per file with issues, 1-based line:column as editors show them. */
import type { Report } from './model.js';

export function formatText(report: Report): string {
  const out: string[] = [];
  for (const f of report.files) {
    if (f.issues.length === 0) continue;
    out.push(f.path);
    const rows = f.issues.map((i) => [`${i.range.start.line + 1}:${i.range.start.character + 1}`, i.severity, i.message, i.ruleId, i.location] as const);
    const w0 = Math.max(...rows.map((r) => r[0].length));
    const w1 = Math.max(...rows.map((r) => r[1].length));
    for (const r of rows) out.push(`  ${r[0].padEnd(w0)}  ${r[1].padEnd(w1)}  ${r[2]}  ${r[3]}${r[4] ? `  (${r[4]})` : ''}`);
    out.push('');
  }
  const s = report.summary;
  const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`;
  const total = s.errors + s.warnings + s.information;
  const counts = `${plural(s.errors, 'error')}, ${plural(s.warnings, 'warning')}, ${s.information} information`;
  out.push(total === 0 ? `No problems in ${plural(s.files, 'file')}.` : `${plural(total, 'problem')} (${counts}) in ${plural(s.files, 'file')}.`);
  return `${out.join('\n')}\n`;
}
