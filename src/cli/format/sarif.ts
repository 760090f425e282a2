import type { FileReport } from '.';
import { RULES, ruleDocUrl, type Severity } from '../../core';

const LEVEL: Record<Severity, string> = { error: 'error', warning: 'warning', info: 'note', hint: 'note' };

/** SARIF 2.1.0, for GitHub code scanning and other CI dashboards. */
export function formatSarif(reports: FileReport[]): string {
  const sarif = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'course-review',
            informationUri: ruleDocUrl('').replace(/docs\/rules\/\.md$/, ''),
            rules: RULES.map((rule) => ({
              id: rule.id,
              shortDescription: { text: rule.description },
              helpUri: ruleDocUrl(rule.id),
              properties: { category: rule.category },
            })),
          },
        },
        results: reports.flatMap(({ file, findings }) =>
          findings.map((finding) => ({
            ruleId: finding.ruleId,
            level: LEVEL[finding.severity],
            message: { text: finding.message },
            locations: [
              {
                physicalLocation: {
                  artifactLocation: { uri: file.split('/').map(encodeURIComponent).join('/') },
                  region: {
                    startLine: finding.range.start.line + 1,
                    startColumn: finding.range.start.character + 1,
                    endLine: finding.range.end.line + 1,
                    endColumn: finding.range.end.character + 1,
                  },
                },
              },
            ],
          })),
        ),
      },
    ],
  };
  return `${JSON.stringify(sarif, null, 2)}\n`;
}
