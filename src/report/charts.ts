import { parse, View } from 'vega';
import { compile, type TopLevelSpec } from 'vega-lite';
import {
  CATEGORIES,
  coverageText,
  OPEN_STATUS_LABELS,
  OPEN_STATUSES,
  OUTLINE_PARTS,
  PART_LABELS,
  healthSections,
  type CourseHealth,
  type Coverage,
} from '../core';

/** Colours that keep 3:1 against white and against each other's neighbours, and read apart in the common colour-blindnesses (Okabe–Ito). */
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

/** The report's charts, rendered to SVG now: the HTML carries no script and needs no network. */
export async function healthCharts(
  health: CourseHealth,
  sections = healthSections(health),
): Promise<Partial<Record<'backlog' | 'ageing' | 'coverage' | 'findings' | 'reading', Chart>>> {
  const specs = chartSpecs(health, sections);
  const entries = await Promise.all(
    Object.entries(specs).map(async ([key, spec]) => [key, { title: spec.description ?? key, svg: await toSvg(spec) }] as const),
  );
  return Object.fromEntries(entries);
}

export function chartSpecs(
  health: CourseHealth,
  sections = healthSections(health),
): Partial<Record<'backlog' | 'ageing' | 'coverage' | 'findings' | 'reading', TopLevelSpec>> {
  // Titles come from lessons and configuration: they are data only, never part of a sort expression.
  const modules = uniqueLabels(health.modules.map((module) => module.title));
  const specs: Partial<Record<'backlog' | 'ageing' | 'coverage' | 'findings' | 'reading', TopLevelSpec>> = {};
  if (health.backlog.length > 0) {
    const roles = [...new Set(health.backlog.map((bar) => bar.label))];
    specs.backlog = {
      ...base('Open reviews per role, stacked by status'),
      data: {
        values: health.backlog.map((bar) => ({
          role: bar.label,
          row: roles.indexOf(bar.label),
          status: OPEN_STATUS_LABELS[bar.status],
          order: OPEN_STATUSES.indexOf(bar.status),
          reviews: bar.count,
        })),
      },
      mark: { type: 'bar' },
      height: { step: ROW + 6 },
      encoding: {
        y: { field: 'role', type: 'nominal', sort: BY_ROW, title: null, axis: { labelLimit: LABEL_LIMIT } },
        x: {
          field: 'reviews',
          type: 'quantitative',
          title: 'Open reviews',
          axis: countAxis(
            Math.max(...roles.map((role) => health.backlog.filter((bar) => bar.label === role).reduce((sum, bar) => sum + bar.count, 0))),
          ),
        },
        color: {
          field: 'status',
          type: 'nominal',
          title: 'Status',
          scale: {
            domain: OPEN_STATUSES.map((status) => OPEN_STATUS_LABELS[status]),
            range: OPEN_STATUSES.map((status) => STATUS_COLOURS[status]),
          },
        },
        order: { field: 'order', type: 'quantitative' },
        tooltip: [{ field: 'role' }, { field: 'status' }, { field: 'reviews' }],
      },
    };
  }
  const ageing = sections.ageing.table.rows;
  if (ageing.length > 0) {
    const values = ageing.flatMap(([band, reviews, overdue]) => [
      { band, state: 'not overdue', reviews: Number(reviews) - Number(overdue) },
      { band, state: 'overdue', reviews: Number(overdue) },
    ]);
    specs.ageing = {
      ...base('Open reviews by days waiting; the overdue part of each bar in orange'),
      data: { values },
      mark: { type: 'bar' },
      height: 160,
      encoding: {
        x: { field: 'band', type: 'ordinal', sort: ageing.map(([band]) => String(band)), title: 'Days waiting', axis: { labelAngle: 0 } },
        y: {
          field: 'reviews',
          type: 'quantitative',
          title: 'Open reviews',
          axis: countAxis(Math.max(...ageing.map(([, reviews]) => Number(reviews)))),
        },
        color: {
          field: 'state',
          type: 'nominal',
          title: null,
          scale: { domain: ['not overdue', 'overdue'], range: ['#0072B2', '#D55E00'] },
        },
        order: { field: 'state', type: 'nominal', sort: 'descending' },
        tooltip: [{ field: 'band', title: 'days waiting' }, { field: 'state' }, { field: 'reviews' }],
      },
    };
  }
  if (modules.length > 0) {
    const gapRows = mostOf(health.modules, (module) =>
      OUTLINE_PARTS.reduce((sum, part) => sum + GAP_WEIGHT[module.parts[part].coverage], 0),
    );
    const cells = gapRows.flatMap((row) =>
      OUTLINE_PARTS.map((part) => ({
        module: modules[row],
        row,
        part: PART_LABELS[part],
        coverage: COVERAGE_LABELS[health.modules[row].parts[part].coverage],
        text: coverageText(health.modules[row].parts[part]),
      })),
    );
    specs.coverage = {
      ...base(`Which parts each module has: module by part${shownOf(gapRows, health.modules, 'with the most gaps')}`),
      data: { values: cells },
      mark: { type: 'rect', stroke: 'white', strokeWidth: 1 },
      width: { step: 84 },
      height: { step: ROW },
      encoding: {
        y: { field: 'module', type: 'nominal', sort: BY_ROW, title: null, axis: { labelLimit: LABEL_LIMIT } },
        x: {
          field: 'part',
          type: 'nominal',
          sort: OUTLINE_PARTS.map((part) => PART_LABELS[part]),
          title: null,
          axis: { orient: 'top', labelAngle: 0 },
        },
        color: {
          field: 'coverage',
          type: 'ordinal',
          title: 'Coverage',
          scale: {
            domain: COVERAGE_ORDER.map((coverage) => COVERAGE_LABELS[coverage]),
            range: COVERAGE_ORDER.map((coverage) => COVERAGE_COLOURS[coverage]),
          },
        },
        tooltip: [{ field: 'module' }, { field: 'part' }, { field: 'text', title: 'coverage' }],
      },
    };
    const total = (row: number) => CATEGORIES.reduce((sum, category) => sum + health.modules[row].categories[category], 0);
    const findingRows = mostOf(health.modules, (_, row) => total(row));
    const findings = findingRows.flatMap((row) =>
      CATEGORIES.flatMap((category) =>
        health.modules[row].categories[category] > 0
          ? [{ module: modules[row], row, category, findings: health.modules[row].categories[category] }]
          : [],
      ),
    );
    if (findings.length > 0) {
      specs.findings = {
        ...base(`Findings per module, stacked by category${shownOf(findingRows, health.modules, 'with the most findings')}`),
        data: { values: findings },
        mark: { type: 'bar' },
        height: { step: ROW },
        encoding: {
          y: { field: 'module', type: 'nominal', sort: BY_ROW, title: null, axis: { labelLimit: LABEL_LIMIT } },
          x: {
            field: 'findings',
            type: 'quantitative',
            aggregate: 'sum',
            title: 'Findings',
            axis: countAxis(Math.max(...findingRows.map(total))),
          },
          color: { field: 'category', type: 'nominal', title: 'Category', scale: { domain: [...CATEGORIES], range: CATEGORY_COLOURS } },
          tooltip: [{ field: 'module' }, { field: 'category' }, { field: 'findings', aggregate: 'sum' }],
        },
      };
    }
    const gradedRows = mostOf(health.modules, (module) =>
      module.reading.grade === undefined ? undefined : module.reading.grade - module.reading.target,
    );
    const graded = gradedRows.map((row) => ({ module: health.modules[row], row }));
    if (graded.length > 0) {
      const values = graded.map(({ module, row }) => ({
        module: modules[row],
        row,
        grade: module.reading.grade,
        target: module.reading.target,
        above: (module.reading.grade ?? 0) > module.reading.target ? 'above target' : 'at or below target',
      }));
      specs.reading = {
        ...base(
          `Reading grade of each module; the black tick is its target${shownOf(
            gradedRows,
            health.modules.filter((module) => module.reading.grade !== undefined),
            'furthest above their target',
          )}`,
        ),
        data: { values },
        height: { step: ROW },
        encoding: { y: { field: 'module', type: 'nominal', sort: BY_ROW, title: null, axis: { labelLimit: LABEL_LIMIT } } },
        layer: [
          {
            mark: { type: 'bar' },
            encoding: {
              x: { field: 'grade', type: 'quantitative', title: 'Flesch-Kincaid grade' },
              color: {
                field: 'above',
                type: 'nominal',
                title: null,
                scale: { domain: ['at or below target', 'above target'], range: ['#56B4E9', '#D55E00'] },
              },
              tooltip: [{ field: 'module' }, { field: 'grade' }, { field: 'target' }],
            },
          },
          { mark: { type: 'tick', color: 'black', thickness: 3 }, encoding: { x: { field: 'target', type: 'quantitative' } } },
        ],
      };
    }
  }
  return specs;
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

/** Rows in the order of the data's `row` field: the modules' reading order, the roles' order. */
const BY_ROW = { field: 'row', op: 'min' } as const;

/** Two modules may share a title (two tables of contents with an "Introduction"): each bar and row needs its own. */
function uniqueLabels(titles: readonly string[]): string[] {
  const seen = new Map<string, number>();
  return titles.map((title) => {
    const count = (seen.get(title) ?? 0) + 1;
    seen.set(title, count);
    return count === 1 ? title : `${title} (${count})`;
  });
}

/** An axis of counts: whole numbers only, each once, however small the largest count. */
function countAxis(max: number) {
  const rough = Math.max(1, max / 8);
  const power = 10 ** Math.floor(Math.log10(rough));
  const step = [1, 2, 5, 10].map((factor) => factor * power).find((candidate) => candidate >= rough) ?? 10 * power;
  return { format: 'd', values: Array.from({ length: Math.ceil(max / step) + 1 }, (_, index) => index * step) };
}

function base(description: string) {
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v5.json',
    description,
    width: WIDTH,
    background: 'white',
    config: {
      font: 'system-ui, -apple-system, "Segoe UI", sans-serif',
      axis: { labelColor: '#333', titleColor: '#333' },
      legend: { labelColor: '#333', titleColor: '#333' },
    },
  } as const;
}

async function toSvg(spec: TopLevelSpec): Promise<string> {
  const view = new View(parse(compile(spec).spec), { renderer: 'none' });
  try {
    return await view.toSVG();
  } finally {
    view.finalize();
  }
}
