import type { QueueItem } from './entry';
import { waitingOn, type WaitingOn } from './waitingOn';

export const QUEUE_FORMATS = ['table', 'json', 'csv', 'md'] as const;
export type QueueFormat = (typeof QUEUE_FORMATS)[number];

/** The shape of `course-review queue --format json`, one object per outstanding review. */
export interface QueueRecord {
  file: string;
  title: string | null;
  role: string;
  status: QueueItem['status'];
  /** Who must act next: the author (changes requested), the reviewer, nobody yet (unassigned), or a request. */
  waitingOn: WaitingOn['kind'];
  reviewer: string | null;
  requested: string | null;
  due: string | null;
  overdue: boolean;
  stale: boolean;
  daysWaiting: number | null;
}

export function queueRecord(item: QueueItem): QueueRecord {
  return {
    file: item.file,
    title: item.title ?? null,
    role: item.role,
    status: item.status,
    waitingOn: waitingOn(item).kind,
    reviewer: item.reviewer ?? null,
    requested: item.requested ?? null,
    due: item.due ?? null,
    overdue: item.overdue,
    stale: item.stale,
    daysWaiting: item.daysWaiting ?? null,
  };
}

const COLUMNS: Array<[keyof QueueRecord, string]> = [
  ['file', 'File'],
  ['title', 'Title'],
  ['role', 'Role'],
  ['status', 'Status'],
  ['waitingOn', 'Waiting on'],
  ['reviewer', 'Reviewer'],
  ['requested', 'Requested'],
  ['due', 'Due'],
  ['overdue', 'Overdue'],
  ['stale', 'Stale'],
  ['daysWaiting', 'Days waiting'],
];

export function formatQueue(items: readonly QueueItem[], format: QueueFormat): string {
  const records = items.map(queueRecord);
  switch (format) {
    case 'json':
      return `${JSON.stringify(records, null, 2)}\n`;
    case 'csv':
      return csv([COLUMNS.map(([key]) => key), ...records.map((record) => COLUMNS.map(([key]) => cell(record[key])))]);
    case 'md':
      return markdownTable(
        COLUMNS.map(([, label]) => label),
        records.map((record) => COLUMNS.map(([key]) => cell(record[key]))),
      );
    case 'table':
      return textTable(records);
  }
}

function cell(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'boolean') return value ? 'yes' : '';
  return String(value);
}

/** RFC 4180: fields with a comma, quote or line break are quoted; lines end with CRLF. */
export function csv(rows: readonly (readonly string[])[]): string {
  const field = (raw: string) => {
    const value = /^[=+\-@\t\r]/.test(raw) ? `'${raw}` : raw;
    return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
  };
  return rows.map((row) => row.map(field).join(',')).join('\r\n') + '\r\n';
}

export function markdownTable(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const escape = (value: string) => value.replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');
  const line = (cells: readonly string[]) => `| ${cells.map(escape).join(' | ')} |`;
  return [line(header), line(header.map(() => '---')), ...rows.map(line)].join('\n') + '\n';
}

function textTable(records: readonly QueueRecord[]): string {
  if (records.length === 0) return 'No outstanding reviews.\n';
  const rows = records.map((record) => [
    record.file,
    record.role,
    record.status + (record.overdue ? ' (overdue)' : '') + (record.waitingOn === 'author' ? ', waiting on author' : ''),
    record.reviewer ?? '—',
    record.due ?? '—',
    record.daysWaiting === null ? '—' : `${record.daysWaiting}d`,
  ]);
  const header = ['FILE', 'ROLE', 'STATUS', 'REVIEWER', 'DUE', 'WAITING'];
  const widths = header.map((title, column) => Math.max(title.length, ...rows.map((row) => row[column].length)));
  const render = (row: string[]) =>
    row.map((value, column) => (column === row.length - 1 ? value : value.padEnd(widths[column]))).join('  ');
  return (
    [
      render(header),
      ...rows.map(render),
      '',
      `${records.length} outstanding review${records.length === 1 ? '' : 's'}, ` +
        `${records.filter((record) => record.overdue).length} overdue, ${records.filter((record) => record.stale).length} stale.`,
    ].join('\n') + '\n'
  );
}
