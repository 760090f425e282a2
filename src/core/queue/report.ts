import { daysBetween } from '../review/dates';
import { csv, markdownTable } from './format';
import type { QueueItem } from './entry';

export const REPORT_FORMATS = ['md', 'csv'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

const STATUSES: Array<[QueueItem['status'], string]> = [
  ['missing', 'Not requested'],
  ['requested', 'Requested'],
  ['changes-requested', 'Changes requested'],
  ['stale', 'Stale approval'],
];

/**
 * The review report for a status meeting: counts per role and status, the reviews waiting longest,
 * and the overdue ones. Markdown for reading, CSV (one section after another) for a spreadsheet.
 */
export function reviewReport(items: readonly QueueItem[], today: string, format: ReportFormat): string {
  const roles = [...new Map(items.map((item) => [item.role, item.label])).entries()];
  const countRows = roles.map(([role, label]) => [
    label,
    ...STATUSES.map(([status]) => String(items.filter((item) => item.role === role && item.status === status).length)),
    String(items.filter((item) => item.role === role && item.overdue).length),
  ]);
  const countHeader = ['Role', ...STATUSES.map(([, label]) => label), 'Overdue'];
  const oldest = items
    .filter((item) => item.daysWaiting !== undefined)
    .sort((a, b) => (b.daysWaiting ?? 0) - (a.daysWaiting ?? 0))
    .slice(0, 10);
  const waitingHeader = ['Lesson', 'Role', 'Status', 'Reviewer', 'Days waiting'];
  const waitingRows = oldest.map((item) => [lesson(item), item.label, item.status, item.reviewer ?? '', String(item.daysWaiting)]);
  const overdue = items.filter((item) => item.overdue);
  const overdueHeader = ['Lesson', 'Role', 'Reviewer', 'Due', 'Days late'];
  const overdueRows = overdue.map((item) => [lesson(item), item.label, item.reviewer ?? '', item.due ?? '', String(lateBy(item, today))]);

  if (format === 'csv') {
    return [
      csv([['Review report', today]]),
      csv([countHeader, ...countRows]),
      csv([['Oldest waiting'], waitingHeader, ...waitingRows]),
      csv([['Overdue'], overdueHeader, ...overdueRows]),
    ].join('\r\n');
  }
  const sections = [
    `# Review report, ${today}`,
    `${count(items.length, 'outstanding review')} in ${count(new Set(items.map((item) => item.file)).size, 'lesson')}: ` +
      `${overdue.length} overdue, ${count(items.filter((item) => item.stale).length, 'stale approval')}.`,
    '## By role and status',
    roles.length === 0 ? 'Nothing outstanding.' : markdownTable(countHeader, countRows).trimEnd(),
    '## Oldest waiting',
    oldest.length === 0 ? 'Nothing is waiting with a date.' : markdownTable(waitingHeader, waitingRows).trimEnd(),
    '## Overdue',
    overdue.length === 0 ? 'Nothing is overdue.' : markdownTable(overdueHeader, overdueRows).trimEnd(),
  ];
  return `${sections.join('\n\n')}\n`;
}

function lesson(item: QueueItem): string {
  return item.title ? `${item.title} (${item.file})` : item.file;
}

function lateBy(item: QueueItem, today: string): number {
  return item.due ? daysBetween(item.due, today) : 0;
}

function count(value: number, noun: string): string {
  return `${value} ${noun}${value === 1 ? '' : 's'}`;
}
