import {
  CATEGORIES,
  coverageText,
  OPEN_STATUS_LABELS,
  OPEN_STATUSES,
  OUTLINE_PARTS,
  PART_LABELS,
  healthSections,
  type Cell,
  type CourseHealth,
  type Coverage,
} from '../core';
import { barRows, columns, grid, type BarRow } from './plots';
import type { Series } from './svg';

/**
 * Colours that keep 3:1 against white and against each other's neighbours, and read apart in the
 * common colour-blindnesses (Okabe–Ito).
 */
const STATUS_COLOURS: Record<(typeof OPEN_STATUSES)[number], string> = {
  missing: '#999999',
  requested: '#0072B2',
  'changes-requested': '#E69F00',
  stale: '#CC79A7',
};
const COVERAGE_ORDER: readonly Coverage[] = ['every-page', 'module', 'some-pages', 'missing', 'not-expected'];
const COVERAGE_COLOURS: Record<Coverage, string> = {
  'every-page': '#009E73',
  module: '#56B4E9',
  'some-pages': '#F0E442',
  missing: '#D55E00',
  'not-expected': '#EEEEEE',
};
const COVERAGE_LABELS: Record<Coverage, string> = {
  'every-page': 'every page',
  module: 'for the module',
  'some-pages': 'some pages',
  missing: 'missing',
  'not-expected': 'not expected',
};
const CATEGORY_COLOURS = ['#0072B2', '#E69F00', '#009E73', '#CC79A7', '#56B4E9', '#D55E00', '#F0E442', '#999999'];

const WIDTH = 520;
const ROW = 22;
/** Long module titles are cut in the axis; the table beside the chart has them whole. */
const LABEL_LIMIT = 220;

export interface Chart {
  /** What the chart shows, in one line: its accessible name. */
  title: string;
  svg: string;
}

type ChartKey = 'backlog' | 'ageing' | 'coverage' | 'findings' | 'reading';

/**
 * The report's charts, drawn as SVG now: the HTML carries no script and needs no network. Each
 * mark's tooltip names its row, its series and its value.
 */
export function healthCharts(health: CourseHealth, sections = healthSections(health)): Partial<Record<ChartKey, Chart>> {
  const charts: Partial<Record<ChartKey, Chart>> = {};
  if (health.backlog.length > 0) charts.backlog = backlogChart(health);
  if (sections.ageing.table.rows.length > 0) charts.ageing = ageingChart(sections.ageing.table.rows);
  if (health.modules.length > 0) {
    const modules = uniqueLabels(health.modules.map((module) => module.title));
    charts.coverage = coverageChart(health, modules);
    const findings = findingsChart(health, modules);
    if (findings) charts.findings = findings;
    const reading = readingChart(health, modules);
    if (reading) charts.reading = reading;
  }
  return charts;
}

// Series that name the core's statuses and categories are made with their chart: the extension
// loads this module at activation, and the core only when it first needs it.
const statusSeries = (): Series[] => OPEN_STATUSES.map((status) => ({ label: OPEN_STATUS_LABELS[status], colour: STATUS_COLOURS[status] }));

function backlogChart(health: CourseHealth): Chart {
  const roles = [...new Set(health.backlog.map((bar) => bar.label))];
  const rows = roles.map((role) => ({
    label: role,
    segments: OPEN_STATUSES.flatMap((status, series) =>
      health.backlog
        .filter((bar) => bar.label === role && bar.status === status && bar.count > 0)
        .map((bar) => ({
          series,
          value: bar.count,
          tooltip: `role: ${role}; status: ${OPEN_STATUS_LABELS[status]}; reviews: ${bar.count}`,
        })),
    ),
  }));
  const title = 'Open reviews per role, stacked by status';
  const svg = barRows(rows, {
    width: WIDTH,
    labelLimit: LABEL_LIMIT,
    rowHeight: ROW + 6,
    axisTitle: 'Open reviews',
    series: statusSeries(),
    legendTitle: 'Status',
  });
  return { title, svg };
}

function ageingChart(rows: ReadonlyArray<readonly Cell[]>): Chart {
  const series: Series[] = [
    { label: 'not overdue', colour: '#0072B2' },
    { label: 'overdue', colour: '#D55E00' },
  ];
  const items = rows.map(([band, reviews, overdue]) => {
    const late = Number(overdue);
    const onTime = Number(reviews) - late;
    const tooltip = (state: string, count: number) => `days waiting: ${String(band)}; state: ${state}; reviews: ${count}`;
    return {
      label: String(band),
      segments: [
        ...(onTime > 0 ? [{ series: 0, value: onTime, tooltip: tooltip('not overdue', onTime) }] : []),
        ...(late > 0 ? [{ series: 1, value: late, tooltip: tooltip('overdue', late) }] : []),
      ],
    };
  });
  const title = 'Open reviews by days waiting; the overdue part of each bar in orange';
  const svg = columns(items, {
    width: WIDTH,
    height: 160,
    labelLimit: LABEL_LIMIT,
    axisTitle: 'Open reviews',
    labelTitle: 'Days waiting',
    series,
  });
  return { title, svg };
}

const COVERAGE_SERIES: readonly Series[] = COVERAGE_ORDER.map((coverage) => ({
  label: COVERAGE_LABELS[coverage],
  colour: COVERAGE_COLOURS[coverage],
}));

function coverageChart(health: CourseHealth, modules: readonly string[]): Chart {
  const shown = mostOf(health.modules, (module) => OUTLINE_PARTS.reduce((sum, part) => sum + GAP_WEIGHT[module.parts[part].coverage], 0));
  const rows = shown.map((row) => ({
    label: modules[row],
    cells: OUTLINE_PARTS.map((part) => {
      const rollup = health.modules[row].parts[part];
      const tooltip = `module: ${modules[row]}; part: ${PART_LABELS[part]}; coverage: ${coverageText(rollup)}`;
      return { series: COVERAGE_ORDER.indexOf(rollup.coverage), value: 1, tooltip };
    }),
  }));
  const title = `Which parts each module has: module by part${shownOf(shown, health.modules, 'with the most gaps')}`;
  const columnLabels = OUTLINE_PARTS.map((part) => PART_LABELS[part]);
  const svg = grid(rows, columnLabels, {
    cellWidth: 100,
    rowHeight: ROW,
    labelLimit: LABEL_LIMIT,
    series: COVERAGE_SERIES,
    legendTitle: 'Coverage',
  });
  return { title, svg };
}

const categorySeries = (): Series[] => CATEGORIES.map((category, index) => ({ label: category, colour: CATEGORY_COLOURS[index] }));

function findingsChart(health: CourseHealth, modules: readonly string[]): Chart | undefined {
  const total = (row: number) => CATEGORIES.reduce((sum, category) => sum + health.modules[row].categories[category], 0);
  const shown = mostOf(health.modules, (_, row) => total(row));
  if (!shown.some((row) => total(row) > 0)) return undefined;
  const rows = shown.map((row) => ({
    label: modules[row],
    segments: CATEGORIES.flatMap((category, series) => {
      const count = health.modules[row].categories[category];
      return count > 0 ? [{ series, value: count, tooltip: `module: ${modules[row]}; category: ${category}; findings: ${count}` }] : [];
    }),
  }));
  const title = `Findings per module, stacked by category${shownOf(shown, health.modules, 'with the most findings')}`;
  const svg = barRows(rows, {
    width: WIDTH,
    labelLimit: LABEL_LIMIT,
    rowHeight: ROW,
    axisTitle: 'Findings',
    series: categorySeries(),
    legendTitle: 'Category',
  });
  return { title, svg };
}

const READING_SERIES: readonly Series[] = [
  { label: 'at or below target', colour: '#56B4E9' },
  { label: 'above target', colour: '#D55E00' },
];

function readingChart(health: CourseHealth, modules: readonly string[]): Chart | undefined {
  const shown = mostOf(health.modules, (module) =>
    module.reading.grade === undefined ? undefined : module.reading.grade - module.reading.target,
  );
  if (shown.length === 0) return undefined;
  const rows: BarRow[] = shown.map((row) => {
    const { grade = 0, target } = health.modules[row].reading;
    const tooltip = `module: ${modules[row]}; grade: ${grade}; target: ${target}`;
    return {
      label: modules[row],
      segments: [{ series: grade > target ? 1 : 0, value: grade, tooltip }],
      marker: { value: target, tooltip },
    };
  });
  const graded = health.modules.filter((module) => module.reading.grade !== undefined);
  const title = `Reading grade of each module; the black tick is its target${shownOf(shown, graded, 'furthest above their target')}`;
  const svg = barRows(rows, {
    width: WIDTH,
    labelLimit: LABEL_LIMIT,
    rowHeight: ROW,
    axisTitle: 'Flesch-Kincaid grade',
    series: READING_SERIES,
  });
  return { title, svg };
}

/** A chart of more rows than this is read by nobody: it shows the rows that matter most, the table all of them. */
export const MAX_CHART_ROWS = 40;

/** How much each coverage counts towards a module's gaps. */
const GAP_WEIGHT: Record<Coverage, number> = { missing: 2, 'some-pages': 1, 'every-page': 0, module: 0, 'not-expected': 0 };

/**
 * The indexes of the items a chart shows, in their reading order: all of them when they fit,
 * else the MAX_CHART_ROWS that score highest (ties to the earlier). An undefined score leaves an item out.
 */
function mostOf<T>(items: readonly T[], score: (item: T, index: number) => number | undefined): number[] {
  const scored = items.flatMap((item, index) => {
    const value = score(item, index);
    return value === undefined ? [] : [{ index, value }];
  });
  if (scored.length <= MAX_CHART_ROWS) return scored.map(({ index }) => index);
  return scored
    .sort((a, b) => b.value - a.value || a.index - b.index)
    .slice(0, MAX_CHART_ROWS)
    .map(({ index }) => index)
    .sort((a, b) => a - b);
}

/** ", the 40 modules with the most gaps of 4,462 (the table has every one)" when the chart shows some only. */
function shownOf(rows: readonly number[], candidates: readonly unknown[], which: string): string {
  if (rows.length >= candidates.length) return '';
  return `; the ${rows.length} modules ${which}, of ${candidates.length.toLocaleString('en-US')} (the table has every one)`;
}

/** Two modules may share a title (two tables of contents with an "Introduction"): each bar and row needs its own. */
function uniqueLabels(titles: readonly string[]): string[] {
  const seen = new Map<string, number>();
  return titles.map((title) => {
    const count = (seen.get(title) ?? 0) + 1;
    seen.set(title, count);
    return count === 1 ? title : `${title} (${count})`;
  });
}
