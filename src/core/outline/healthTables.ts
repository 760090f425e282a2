import { coverageText, PART_LABELS } from './format';
import { OPEN_STATUS_LABELS, OPEN_STATUSES, type CourseHealth, type OpenReview } from './health';
import { OUTLINE_PARTS } from './outline';
import { CATEGORIES } from '../types/category';

/** A cell that links to a page, by its path as the report was asked for. */
export interface LinkCell {
  text: string;
  path: string;
}
export type Cell = string | number | LinkCell;

/** One table of the report: the text every chart stands on, and what a screen reader reads. */
export interface ReportTable {
  caption: string;
  header: string[];
  /** Columns whose cells are numbers, aligned right. */
  numeric: number[];
  rows: Cell[][];
  /** Said instead of an empty table. */
  empty: string;
}

/** The report's sections, each a summary line and its table, in reading order. */
export interface HealthSections {
  summary: string;
  backlog: { summary: string; table: ReportTable };
  ageing: { summary: string; table: ReportTable };
  coverage: { summary: string; table: ReportTable };
  findings: { summary: string; table: ReportTable };
  reading: { summary: string; table: ReportTable };
  oldest: { summary: string; table: ReportTable };
  overdue: { summary: string; table: ReportTable };
}

export function healthSections(health: CourseHealth): HealthSections {
  const { totals } = health;
  const roles = [...new Map(health.backlog.map((bar) => [bar.role, bar.label]))];
  const lacking = OUTLINE_PARTS.filter((part) => health.gaps[part].length > 0);
  const hard = health.modules.filter((module) => module.reading.grade !== undefined && module.reading.grade > module.reading.target);
  const waited = health.openReviews.filter((review) => review.daysWaiting !== undefined);
  return {
    summary:
      `${count(totals.modules, 'module')}, ${count(totals.pages, 'page')}, ${totals.words.toLocaleString('en-US')} words; ` +
      `${count(totals.openReviews, 'open review')}, ${totals.overdueReviews} overdue, ${count(totals.reviews.stale, 'stale approval')}.`,
    backlog: {
      summary:
        roles.length === 0
          ? 'No review is waiting.'
          : roles
              .map(
                ([role, label]) =>
                  `${label}: ${health.backlog
                    .filter((bar) => bar.role === role)
                    .map((bar) => `${bar.count} ${OPEN_STATUS_LABELS[bar.status]}`)
                    .join(', ')}`,
              )
              .join('; ') + '.',
      table: {
        caption: 'Open reviews per role and status',
        header: ['Role', ...OPEN_STATUSES.map((status) => capitalized(OPEN_STATUS_LABELS[status])), 'Total'],
        numeric: [1, 2, 3, 4, 5],
        rows: roles.map(([role, label]) => {
          const counts = OPEN_STATUSES.map(
            (status) => health.backlog.find((bar) => bar.role === role && bar.status === status)?.count ?? 0,
          );
          return [label, ...counts, counts.reduce((sum, value) => sum + value, 0)];
        }),
        empty: 'No review is waiting.',
      },
    },
    ageing: {
      summary:
        waited.length === 0
          ? 'No open review has a date to count from.'
          : `Open reviews have waited ${median(waited.map((review) => review.daysWaiting ?? 0))} days at the median, ` +
            `${waited[0].daysWaiting} at most; ${count(totals.overdueReviews, 'is', 'are')} overdue.`,
      table: {
        caption: 'Days each open review has waited',
        header: ['Days waiting', 'Reviews', 'Overdue among them'],
        numeric: [1, 2],
        rows:
          waited.length === 0
            ? []
            : AGE_BANDS.map(([label, low, high]) => {
                const inBand = waited.filter((review) => (review.daysWaiting ?? 0) >= low && (review.daysWaiting ?? 0) <= high);
                return [label, inBand.length, inBand.filter((review) => review.overdue).length];
              }),
        empty: 'No open review has a date to count from.',
      },
    },
    coverage: {
      summary:
        lacking.length === 0
          ? 'Every module has every part it is expected to have.'
          : lacking.map((part) => `No ${PART_LABELS[part]} in ${listed(health.gaps[part])}`).join('; ') + '.',
      table: {
        caption: 'Parts of each module',
        header: ['Module', ...OUTLINE_PARTS.map((part) => capitalized(PART_LABELS[part]))],
        numeric: [],
        rows: health.modules.map((module) => [module.title, ...OUTLINE_PARTS.map((part) => coverageText(module.parts[part]))]),
        empty: 'No module.',
      },
    },
    findings: {
      summary: findingsSummary(health),
      table: {
        caption: 'Findings per category in each module',
        header: ['Module', ...CATEGORIES.map(capitalized), 'Total'],
        numeric: CATEGORIES.map((_, index) => index + 1).concat(CATEGORIES.length + 1),
        rows: health.modules.map((module) => [
          module.title,
          ...CATEGORIES.map((category) => module.categories[category]),
          CATEGORIES.reduce((sum, category) => sum + module.categories[category], 0),
        ]),
        empty: 'No module.',
      },
    },
    reading: {
      summary:
        hard.length === 0
          ? 'Every module reads at or below its target grade.'
          : `${count(hard.length, 'module reads', 'modules read')} above the target grade: ` +
            `${listed(hard.map((module) => `${module.title} (${module.reading.grade?.toFixed(1)} for ${module.reading.target})`))}.`,
      table: {
        caption: 'Reading grade (Flesch-Kincaid) of each module against its target',
        header: ['Module', 'Grade', 'Target', 'Words of prose'],
        numeric: [1, 2, 3],
        rows: health.modules.map((module) => [
          module.title,
          module.reading.grade === undefined ? 'too short to judge' : module.reading.grade.toFixed(1),
          module.reading.target,
          module.reading.words,
        ]),
        empty: 'No module.',
      },
    },
    oldest: {
      summary:
        health.oldest.length === 0
          ? 'No open review has a date to count from.'
          : `The review waiting longest: ${reviewText(health.oldest[0])}.`,
      table: reviewsTable('The reviews waiting longest', health.oldest, 'No open review has a date to count from.'),
    },
    overdue: {
      summary:
        health.overdue.length === 0
          ? 'Nothing is overdue.'
          : `${count(health.overdue.length, 'review is', 'reviews are')} past the due date.`,
      table: reviewsTable('Overdue reviews', health.overdue, 'Nothing is overdue.'),
    },
  };
}

const AGE_BANDS: ReadonlyArray<[string, number, number]> = [
  ['0–7 days', 0, 7],
  ['8–14 days', 8, 14],
  ['15–30 days', 15, 30],
  ['31–60 days', 31, 60],
  ['over 60 days', 61, Number.POSITIVE_INFINITY],
];

function reviewsTable(caption: string, reviews: readonly OpenReview[], empty: string): ReportTable {
  return {
    caption,
    header: ['Page', 'Module', 'Role', 'Status', 'Reviewer', 'Days waiting', 'Due'],
    numeric: [5],
    rows: reviews.map((review) => [
      { text: review.title, path: review.path },
      review.module,
      review.label,
      OPEN_STATUS_LABELS[review.status],
      review.reviewer ?? '—',
      review.daysWaiting ?? '—',
      review.due ? `${review.due}${review.overdue ? ` (${review.daysLate} ${review.daysLate === 1 ? 'day' : 'days'} late)` : ''}` : '—',
    ]),
    empty,
  };
}

function findingsSummary(health: CourseHealth): string {
  const totals = CATEGORIES.map(
    (category) => [category, health.modules.reduce((sum, module) => sum + module.categories[category], 0)] as const,
  ).filter(([, total]) => total > 0);
  if (totals.length === 0) return 'No findings.';
  const [topCategory, topCount] = [...totals].sort((a, b) => b[1] - a[1])[0];
  const busiest = [...health.modules].sort((a, b) => sum(b.categories) - sum(a.categories))[0];
  return `Most findings are about ${topCategory} (${topCount}); the module with the most is ${busiest.title} (${sum(busiest.categories)}).`;
}

function reviewText(review: OpenReview): string {
  return `${review.label} of "${review.title}", ${OPEN_STATUS_LABELS[review.status]}, ${review.daysWaiting} days`;
}

function sum(counts: Record<string, number>): number {
  return Object.values(counts).reduce((total, value) => total + value, 0);
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle] : Math.round((sorted[middle - 1] + sorted[middle]) / 2);
}

function listed(items: readonly string[]): string {
  if (items.length <= 3) return items.join(', ');
  return `${items.slice(0, 3).join(', ')} and ${items.length - 3} more`;
}

function count(value: number, one: string, many = `${one}s`): string {
  return `${value.toLocaleString('en-US')} ${value === 1 ? one : many}`;
}

function capitalized(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

export function cellText(cell: Cell): string {
  return typeof cell === 'object' ? cell.text : String(cell);
}

/** The report as Markdown: each section's summary line and its table. */
export function healthMarkdown(health: CourseHealth, href: (path: string) => string = encodeURI): string {
  const sections = healthSections(health);
  const lines = [`# Course health, ${health.today}`, '', sections.summary];
  const headings: Array<[keyof Omit<HealthSections, 'summary'>, string]> = [
    ['backlog', 'Review backlog'],
    ['ageing', 'Ageing of open reviews'],
    ['coverage', 'Coverage of parts'],
    ['findings', 'Findings per category'],
    ['reading', 'Reading grade'],
    ['oldest', 'Oldest reviews'],
    ['overdue', 'Overdue reviews'],
  ];
  for (const [key, heading] of headings) {
    const { summary, table } = sections[key];
    lines.push('', `## ${heading}`, '', summary, '');
    if (table.rows.length === 0) continue;
    lines.push(
      `| ${table.header.map(markdownCell).join(' | ')} |`,
      `| ${table.header.map((_, index) => (table.numeric.includes(index) ? '---:' : '---')).join(' | ')} |`,
    );
    const text = (cell: Cell) =>
      typeof cell === 'object' ? `[${markdownCell(cell.text)}](${href(cell.path)})` : markdownCell(String(cell));
    for (const row of table.rows) lines.push(`| ${row.map(text).join(' | ')} |`);
  }
  return `${lines.join('\n')}\n`;
}

function markdownCell(text: string): string {
  return text.replace(/\s+/g, ' ').replace(/([|[\]])/g, '\\$1');
}
