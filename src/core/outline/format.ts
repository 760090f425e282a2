import { PAGE_TYPE_NOUNS } from '../course/pageType';
import {
  OUTLINE_PARTS,
  type CourseOutline,
  type OutlineModule,
  type OutlinePage,
  type OutlinePart,
  type PartRollup,
  type ReviewCounts,
  type SeverityCounts,
} from './outline';

export const OUTLINE_FORMATS = ['table', 'json', 'md'] as const;
export type OutlineFormat = (typeof OUTLINE_FORMATS)[number];

export const PART_LABELS: Record<OutlinePart, string> = {
  objectives: 'objectives',
  practice: 'practice',
  feedback: 'feedback',
  summary: 'summary',
  'knowledge-check': 'knowledge check',
  hook: 'hook',
};

export function formatOutline(outline: CourseOutline, format: OutlineFormat): string {
  if (format === 'json') return `${JSON.stringify(outline, null, 2)}\n`;
  return format === 'md' ? markdown(outline) : table(outline);
}

/** "every page", "in the module's quiz page", "3 of 8 pages", "missing", "not expected". */
export function coverageText(rollup: PartRollup): string {
  switch (rollup.coverage) {
    case 'every-page':
      return rollup.expected === 0 ? 'not expected' : 'every page';
    case 'module':
      return 'for the module';
    case 'some-pages':
      return `${rollup.pages} of ${rollup.expected} pages`;
    case 'missing':
      return 'missing';
    case 'not-expected':
      return 'not expected';
  }
}

export function findingsText(counts: SeverityCounts): string {
  const parts = [plural(counts.error, 'error'), plural(counts.warning, 'warning'), `${counts.info} info`];
  return counts.error + counts.warning + counts.info === 0 ? 'no findings' : parts.join(', ');
}

export function reviewsText(counts: ReviewCounts): string {
  if (counts.approved + counts.outstanding === 0) return 'no reviews';
  const details = [counts.stale > 0 ? `${counts.stale} stale` : '', counts.overdue > 0 ? `${counts.overdue} overdue` : ''].filter(Boolean);
  return `${counts.approved} approved, ${counts.outstanding} outstanding${details.length > 0 ? ` (${details.join(', ')})` : ''}`;
}

function table(outline: CourseOutline): string {
  const lines: string[] = [];
  for (const module of outline.modules) {
    lines.push(`${module.title}  (${moduleFacts(module)})`);
    lines.push(`  parts: ${OUTLINE_PARTS.map((part) => `${PART_LABELS[part]} ${coverageText(module.parts[part])}`).join(' · ')}`);
    lines.push(`  ${findingsText(module.findings)}; ${reviewsText(module.reviews)}`);
    const rows = module.pages.map((page) => [
      PAGE_TYPE_NOUNS[page.type].replace(/ page$/, ''),
      minutesText(page),
      `${page.words.toLocaleString('en-US')} words`,
      severityShort(page.findings),
      page.path,
    ]);
    const widths = [0, 1, 2, 3].map((column) => Math.max(...rows.map((row) => row[column].length)));
    const padded = (cell: string, column: number) =>
      column < 4 ? (column === 1 || column === 2 ? cell.padStart(widths[column]) : cell.padEnd(widths[column])) : cell;
    for (const row of rows) lines.push(`  ${row.map(padded).join('  ')}`);
    lines.push('');
  }
  const totals = outline.totals;
  lines.push(
    `${plural(outline.modules.length, 'module')}, ${plural(totals.pages, 'page')}, ${totals.words.toLocaleString('en-US')} words, ` +
      `about ${hours(totals.minutes)}; ${findingsText(totals.findings)}; ${reviewsText(totals.reviews)}.`,
  );
  return `${lines.join('\n')}\n`;
}

function markdown(outline: CourseOutline): string {
  const lines: string[] = ['# Course outline', ''];
  const totals = outline.totals;
  lines.push(
    `${plural(outline.modules.length, 'module')}, ${plural(totals.pages, 'page')}, ${totals.words.toLocaleString('en-US')} words, ` +
      `about ${hours(totals.minutes)}; ${findingsText(totals.findings)}; ${reviewsText(totals.reviews)}.`,
    '',
  );
  lines.push(`| module | pages | ${OUTLINE_PARTS.map((part) => PART_LABELS[part]).join(' | ')} | findings | reviews |`);
  lines.push(`| --- | ---: | ${OUTLINE_PARTS.map(() => '---').join(' | ')} | --- | --- |`);
  for (const module of outline.modules) {
    lines.push(
      `| ${cell(module.title)} | ${module.pages.length} | ` +
        `${OUTLINE_PARTS.map((part) => coverageText(module.parts[part])).join(' | ')} | ${findingsText(module.findings)} | ` +
        `${reviewsText(module.reviews)} |`,
    );
  }
  for (const module of outline.modules) {
    lines.push('', `## ${cell(module.title)}`, '', `${moduleFacts(module)}.`, '');
    lines.push(
      '| page | type | minutes | words | errors | warnings | info | reviews |',
      '| --- | --- | ---: | ---: | ---: | ---: | ---: | --- |',
    );
    for (const page of module.pages) {
      lines.push(
        `| [${cell(page.title)}](${encodeURI(page.path)}) | ${PAGE_TYPE_NOUNS[page.type]} | ${minutesText(page)} | ` +
          `${page.words.toLocaleString('en-US')} | ${page.findings.error} | ${page.findings.warning} | ${page.findings.info} | ` +
          `${reviewsText(page.reviews)} |`,
      );
    }
  }
  return `${lines.join('\n')}\n`;
}

function moduleFacts(module: OutlineModule): string {
  const where =
    module.source.kind === 'folder'
      ? `folder ${module.source.folder || '.'}`
      : `from ${module.source.file.slice(module.source.file.lastIndexOf('/') + 1)}`;
  return `${plural(module.pages.length, 'page')}, about ${hours(module.minutes)}, ${where}`;
}

function minutesText(page: OutlinePage): string {
  return `${page.minutesDeclared ? '' : '~'}${page.minutes} min`;
}

function severityShort(counts: SeverityCounts): string {
  return `E${counts.error} W${counts.warning} I${counts.info}`;
}

/** "45 min", "1 h", "2 h 5 min". */
export function hours(minutes: number): string {
  if (minutes < 60) return `${minutes} min`;
  const whole = Math.floor(minutes / 60);
  const rest = minutes % 60;
  return rest === 0 ? `${whole} h` : `${whole} h ${rest} min`;
}

/** "1 page", "1,234 pages". */
export function plural(count: number, noun: string): string {
  return `${count.toLocaleString('en-US')} ${noun}${count === 1 ? '' : 's'}`;
}

/** Text for a Markdown table cell: no line breaks, pipes escaped. */
function cell(text: string): string {
  return text.replace(/\s+/g, ' ').replace(/\|/g, '\\|');
}
