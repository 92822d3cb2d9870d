/**
 * `--format sarif`: SARIF 2.1.0 as GitHub code scanning accepts it
 * (https://docs.github.com/en/code-security/code-scanning/integrating-with-code-scanning/sarif-support-for-code-scanning).
 * Regions are 1-based; columns count UTF-16 code units (SARIF's default columnKind), as our offsets do.
 */
import { isAbsolute } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Report } from './model.js';

const LEVEL = { error: 'error', warning: 'warning', information: 'note' } as const;

export function formatSarif(report: Report, cwd: string, version: string): string {
  const ruleIndex = new Map(report.rules.map((r, i) => [r.id, i]));
  const rules = report.rules.map((r) => ({
    id: r.id,
    name: r.id,
    shortDescription: { text: r.description },
    ...(r.docs ? { helpUri: r.docs } : {}),
    defaultConfiguration: { level: LEVEL[r.severity] },
  }));
  const results = report.files.flatMap((f) =>
    f.issues.map((i) => ({
      ruleId: i.ruleId,
      ...(ruleIndex.has(i.ruleId) ? { ruleIndex: ruleIndex.get(i.ruleId) } : {}),
      level: LEVEL[i.severity],
      message: { text: i.message },
      locations: [
        {
          physicalLocation: {
            // Paths under the working directory are relative to %SRCROOT%; others are absolute file URIs.
            artifactLocation: isAbsolute(f.path) ? { uri: pathToFileURL(f.path).href } : { uri: encodeURI(f.path), uriBaseId: '%SRCROOT%' },
            region: {
              startLine: i.range.start.line + 1,
              startColumn: i.range.start.character + 1,
              endLine: i.range.end.line + 1,
              endColumn: i.range.end.character + 1,
            },
          },
          logicalLocations: [{ fullyQualifiedName: i.location, kind: 'element' }],
        },
      ],
    })),
  );
  const base = pathToFileURL(cwd.endsWith('/') ? cwd : `${cwd}/`).href;
  const sarif = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: { driver: { name: 'wheelhouse', informationUri: 'https://github.com/wheelhouse-nhs/wheelhouse', semanticVersion: version, version, rules } },
        originalUriBaseIds: { '%SRCROOT%': { uri: base } },
        results,
        columnKind: 'utf16CodeUnits',
      },
    ],
  };
  return `${JSON.stringify(sarif, null, 2)}\n`;
}
