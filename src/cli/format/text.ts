import type { FileReport } from '.';
import { printable } from '../printable';

/** Grouped by file, one finding a line, then a count: what a person reads in a terminal. */
export function formatText(reports: FileReport[]): string {
  const lines: string[] = [];
  const counts = { error: 0, warning: 0, info: 0, hint: 0 };
  for (const { file, findings } of reports) {
    if (findings.length === 0) continue;
    lines.push(printable(file));
    for (const finding of findings) {
      counts[finding.severity]++;
      const where = `${finding.range.start.line + 1}:${finding.range.start.character + 1}`;
      lines.push(`  ${where.padEnd(8)}${finding.severity.padEnd(9)}${printable(finding.message)}  ${finding.ruleId}`);
    }
    lines.push('');
  }
  const total = counts.error + counts.warning + counts.info + counts.hint;
  const files = reports.length;
  lines.push(
    total === 0
      ? `No findings in ${files} ${files === 1 ? 'lesson' : 'lessons'}.`
      : `${total} ${total === 1 ? 'finding' : 'findings'} (${plural(counts.error, 'error')}, ${plural(counts.warning, 'warning')}, ` +
          `${counts.info + counts.hint} info) in ${files} ${files === 1 ? 'lesson' : 'lessons'}.`,
  );
  return `${lines.join('\n')}\n`;
}

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}
