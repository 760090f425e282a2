import type { FileReport } from '.';

/** One array of findings with 1-based positions: the shape scripts and CI consume. */
export function formatJson(reports: FileReport[]): string {
  const rows = reports.flatMap(({ file, findings, pageType }) =>
    findings.map((finding) => ({
      file,
      pageType: pageType ?? 'lesson',
      ruleId: finding.ruleId,
      severity: finding.severity,
      line: finding.range.start.line + 1,
      column: finding.range.start.character + 1,
      endLine: finding.range.end.line + 1,
      endColumn: finding.range.end.character + 1,
      message: finding.message,
    })),
  );
  return `${JSON.stringify(rows, null, 2)}\n`;
}
