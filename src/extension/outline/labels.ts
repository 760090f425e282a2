import * as vscode from 'vscode';
import {
  coverageText,
  findingsText,
  hours,
  OPEN_STATUS_LABELS,
  plural,
  OUTLINE_PARTS,
  PART_LABELS,
  reviewsText,
  type Coverage,
  type OutlineModule,
  type OutlinePage,
  type PageType,
  type SeverityCounts,
} from '../../core';

const TYPE_ICONS: Record<PageType, string> = {
  lesson: 'book',
  lab: 'beaker',
  assessment: 'checklist',
  overview: 'compass',
  summary: 'note',
  assignment: 'tasklist',
  reference: 'references',
  fragment: 'file',
};

const COVERAGE_ICONS: Record<Coverage, vscode.ThemeIcon> = {
  'every-page': new vscode.ThemeIcon('pass', new vscode.ThemeColor('testing.iconPassed')),
  module: new vscode.ThemeIcon('pass', new vscode.ThemeColor('testing.iconPassed')),
  'some-pages': new vscode.ThemeIcon('warning', new vscode.ThemeColor('problemsWarningIcon.foreground')),
  missing: new vscode.ThemeIcon('error', new vscode.ThemeColor('problemsErrorIcon.foreground')),
  'not-expected': new vscode.ThemeIcon('circle-slash'),
};

export function pageIcon(type: PageType): vscode.ThemeIcon {
  return new vscode.ThemeIcon(TYPE_ICONS[type]);
}

export function coverageIcon(coverage: Coverage): vscode.ThemeIcon {
  return COVERAGE_ICONS[coverage];
}

/** A module lacks a part that its pages should have. */
export function moduleGaps(module: OutlineModule): string[] {
  return OUTLINE_PARTS.filter((part) => module.parts[part].coverage === 'missing').map((part) => PART_LABELS[part]);
}

/** "4 pages · ~1 h 5 min · no practice, no knowledge check · 3 open reviews" */
export function moduleDescription(module: OutlineModule): string {
  const gaps = moduleGaps(module);
  const parts = [plural(module.pages.length, 'page'), `~${hours(module.minutes)}`];
  if (gaps.length > 0) parts.push(`no ${gaps.join(', no ')}`);
  if (module.reviews.outstanding > 0) parts.push(plural(module.reviews.outstanding, 'open review'));
  return parts.join(' · ');
}

export function moduleTooltip(module: OutlineModule): vscode.MarkdownString {
  const where =
    module.source.kind === 'folder'
      ? `the folder \`${module.source.folder || '.'}\``
      : `\`${module.source.file.slice(module.source.file.lastIndexOf('/') + 1)}\``;
  const lines = [
    `**${escapeMarkdown(module.title)}**, from ${where}`,
    '',
    `${plural(module.pages.length, 'page')}, ${module.words.toLocaleString('en-US')} words, about ${hours(module.minutes)}`,
    '',
    '| Part | Coverage |',
    '| --- | --- |',
    ...OUTLINE_PARTS.map((part) => `| ${PART_LABELS[part]} | ${coverageText(module.parts[part])} |`),
    '',
    `Findings: ${findingsText(module.findings)}`,
    '',
    `Reviews: ${reviewsText(module.reviews)}`,
  ];
  return new vscode.MarkdownString(lines.join('\n'));
}

/** "Parts" row: what is missing first, then what only some pages have. */
export function partsDescription(module: OutlineModule): string {
  const missing = moduleGaps(module);
  const partial = OUTLINE_PARTS.filter((part) => module.parts[part].coverage === 'some-pages').map((part) => PART_LABELS[part]);
  const said = [
    missing.length > 0 ? `missing: ${missing.join(', ')}` : '',
    partial.length > 0 ? `some pages: ${partial.join(', ')}` : '',
  ].filter(Boolean);
  return said.length > 0 ? said.join(' · ') : 'every expected part';
}

/** "lesson · ~12 min · 1,234 words · 2 warnings" */
export function pageDescription(page: OutlinePage): string {
  return [
    page.type,
    `${page.minutesDeclared ? '' : '~'}${page.minutes} min`,
    `${page.words.toLocaleString('en-US')} words`,
    severityShort(page.findings),
  ]
    .filter(Boolean)
    .join(' · ');
}

export function pageTooltip(page: OutlinePage): vscode.MarkdownString {
  const lines = [
    `**${escapeMarkdown(page.title)}**`,
    '',
    `\`${page.path}\``,
    '',
    `A ${page.type} page: ${escapeMarkdown(page.typeReason)}`,
    '',
    `${page.words.toLocaleString('en-US')} words, ` +
      `${page.minutesDeclared ? `${page.minutes} minutes (declared)` : `about ${page.minutes} minutes (estimated)`}`,
    '',
    `Findings: ${findingsText(page.findings)}`,
    '',
    `Reviews: ${reviewsText(page.reviews)}`,
  ];
  return new vscode.MarkdownString(lines.join('\n'));
}

export function openReviewDescription(review: { status: string; daysWaiting: number | undefined; overdue: boolean }): string {
  const status = OPEN_STATUS_LABELS[review.status as keyof typeof OPEN_STATUS_LABELS] ?? review.status;
  return [
    status,
    review.daysWaiting === undefined ? '' : `${review.daysWaiting} ${review.daysWaiting === 1 ? 'day' : 'days'}`,
    review.overdue ? 'overdue' : '',
  ]
    .filter(Boolean)
    .join(' · ');
}

function severityShort(counts: SeverityCounts): string {
  const said = [
    counts.error > 0 ? plural(counts.error, 'error') : '',
    counts.warning > 0 ? plural(counts.warning, 'warning') : '',
    counts.info > 0 ? `${counts.info} info` : '',
  ].filter(Boolean);
  return said.join(', ');
}

function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_{}[\]()#+\-.!|<>]/g, '\\$&');
}
