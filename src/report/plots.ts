import {
  bottomAxis,
  escapeXml,
  fitted,
  leftAxis,
  legend,
  legendHeight,
  legendWidth,
  line,
  rect,
  svgDocument,
  text,
  textWidth,
  ticks,
  type Series,
} from './svg';

/** One part of a bar, or one cell: which series it belongs to, and what its tooltip says. */
export interface Segment {
  series: number;
  value: number;
  tooltip: string;
}

export interface BarRow {
  label: string;
  segments: readonly Segment[];
  /** A black tick across the bar at this value (a target). */
  marker?: { value: number; tooltip: string };
}

interface Frame {
  /** The plot area's width. */
  width: number;
  /** Long labels are cut at this width; the tooltip and the table have them whole. */
  labelLimit: number;
  series: readonly Series[];
  legendTitle?: string;
}

const GAP = 16;
const AXIS_HEIGHT = 42;

/** Rows of horizontal bars, each stacked from its segments in order, on a shared axis of counts. */
export function barRows(rows: readonly BarRow[], frame: Frame & { rowHeight: number; axisTitle: string }): string {
  const labelWidth = Math.min(frame.labelLimit, Math.max(0, ...rows.map((row) => textWidth(row.label)))) + 8;
  const max = Math.max(
    1,
    ...rows.map((row) => row.segments.reduce((sum, segment) => sum + segment.value, 0)),
    ...rows.map((row) => row.marker?.value ?? 0),
  );
  const values = ticks(max);
  const scale = frame.width / (values.at(-1) ?? 1);
  const top = 8;
  const plotHeight = rows.length * frame.rowHeight;
  const parts: string[] = [];
  rows.forEach((row, index) => {
    const y = top + index * frame.rowHeight;
    parts.push(text(labelWidth - 6, y + frame.rowHeight / 2 + 4, fitted(row.label, frame.labelLimit), 'end'));
    let x = labelWidth;
    for (const segment of row.segments) {
      const width = segment.value * scale;
      parts.push(rect(x, y + 2, width, frame.rowHeight - 4, frame.series[segment.series].colour, segment.tooltip));
      x += width;
    }
    if (row.marker) {
      const at = labelWidth + row.marker.value * scale;
      parts.push(`<g>${line(at, y + 1, at, y + frame.rowHeight - 1, 'black', 3)}<title>${escapeXml(row.marker.tooltip)}</title></g>`);
    }
  });
  parts.push(bottomAxis(labelWidth, top + plotHeight, frame.width, values, frame.axisTitle));
  return framed(parts.join(''), labelWidth + frame.width, top + plotHeight + AXIS_HEIGHT, frame);
}

export interface Column {
  label: string;
  segments: readonly Segment[];
}

/** Columns stacked from the bottom, one per label, on a vertical axis of counts. */
export function columns(items: readonly Column[], frame: Frame & { height: number; axisTitle: string; labelTitle: string }): string {
  const left = 56;
  const top = 8;
  const max = Math.max(1, ...items.map((item) => item.segments.reduce((sum, segment) => sum + segment.value, 0)));
  const values = ticks(max);
  const scale = frame.height / (values.at(-1) ?? 1);
  const step = frame.width / Math.max(1, items.length);
  const bottom = top + frame.height;
  const parts = [leftAxis(left, bottom, frame.height, values, frame.axisTitle)];
  items.forEach((item, index) => {
    const x = left + index * step;
    let y = bottom;
    for (const segment of item.segments) {
      const height = segment.value * scale;
      y -= height;
      parts.push(rect(x + step * 0.1, y, step * 0.8, height, frame.series[segment.series].colour, segment.tooltip));
    }
    parts.push(text(x + step / 2, bottom + 16, fitted(item.label, step), 'middle'));
  });
  parts.push(line(left, bottom, left + frame.width, bottom));
  parts.push(text(left + frame.width / 2, bottom + 34, frame.labelTitle, 'middle', ' font-weight="bold"'));
  return framed(parts.join(''), left + frame.width, bottom + AXIS_HEIGHT, frame);
}

/** A grid of coloured cells: rows by columns, each cell's colour its series. */
export function grid(
  rows: readonly { label: string; cells: readonly Segment[] }[],
  columnLabels: readonly string[],
  frame: Omit<Frame, 'width'> & { cellWidth: number; rowHeight: number },
): string {
  const labelWidth = Math.min(frame.labelLimit, Math.max(0, ...rows.map((row) => textWidth(row.label)))) + 8;
  const top = 24;
  const parts = columnLabels.map((label, index) =>
    text(labelWidth + (index + 0.5) * frame.cellWidth, top - 8, fitted(label, frame.cellWidth), 'middle'),
  );
  rows.forEach((row, rowIndex) => {
    const y = top + rowIndex * frame.rowHeight;
    parts.push(text(labelWidth - 6, y + frame.rowHeight / 2 + 4, fitted(row.label, frame.labelLimit), 'end'));
    row.cells.forEach((cell, columnIndex) => {
      const x = labelWidth + columnIndex * frame.cellWidth;
      parts.push(rect(x + 0.5, y + 0.5, frame.cellWidth - 1, frame.rowHeight - 1, frame.series[cell.series].colour, cell.tooltip));
    });
  });
  return framed(parts.join(''), labelWidth + columnLabels.length * frame.cellWidth, top + rows.length * frame.rowHeight + 8, frame);
}

/** The plot with its legend to the right, in the outer SVG element. */
function framed(plot: string, width: number, height: number, frame: Pick<Frame, 'series' | 'legendTitle'>): string {
  const legendX = width + GAP;
  const fullWidth = legendX + legendWidth(frame.series, frame.legendTitle) + 8;
  const fullHeight = Math.max(height, legendHeight(frame.series, frame.legendTitle) + 16);
  return svgDocument(fullWidth, fullHeight, plot + legend(legendX, 8, frame.series, frame.legendTitle));
}
