/**
 * The few pieces of SVG the report's charts are drawn with: bars and cells with a tooltip, axes of
 * whole steps, a legend. Text is escaped here, so titles from lessons are data only.
 */

export const FONT = 'system-ui, -apple-system, &quot;Segoe UI&quot;, sans-serif';
export const TEXT_COLOUR = '#333';
const LABEL_SIZE = 11;
/** A wide estimate of a label's advance per character at LABEL_SIZE, so that no label overflows its room. */
const CHARACTER_WIDTH = 6.4;

export interface Series {
  label: string;
  colour: string;
}

export function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}

/** A tenth of a pixel: shorter SVG, and a finer fraction shows nothing. */
const round = (value: number) => Math.round(value * 10) / 10;

export function textWidth(text: string): number {
  return [...text].length * CHARACTER_WIDTH;
}

/** The label cut with an ellipsis to fit `width`; the whole label stays in its tooltip. */
export function fitted(text: string, width: number): string {
  const characters = [...text];
  const room = Math.floor(width / CHARACTER_WIDTH);
  return characters.length <= room ? text : `${characters.slice(0, Math.max(1, room - 1)).join('')}…`;
}

export function rect(x: number, y: number, width: number, height: number, fill: string, tooltip?: string): string {
  const title = tooltip === undefined ? '' : `<title>${escapeXml(tooltip)}</title>`;
  const size = `x="${round(x)}" y="${round(y)}" width="${round(Math.max(0, width))}" height="${round(height)}"`;
  return `<rect ${size} fill="${fill}">${title}</rect>`;
}

export function text(x: number, y: number, content: string, anchor: 'start' | 'middle' | 'end' = 'start', extra = ''): string {
  const position = `x="${round(x)}" y="${round(y)}" text-anchor="${anchor}"`;
  return `<text ${position} font-size="${LABEL_SIZE}" fill="${TEXT_COLOUR}"${extra}>${escapeXml(content)}</text>`;
}

export function line(x1: number, y1: number, x2: number, y2: number, stroke = '#888', width = 1): string {
  return `<line x1="${round(x1)}" y1="${round(y1)}" x2="${round(x2)}" y2="${round(y2)}" stroke="${stroke}" stroke-width="${width}"/>`;
}

/** Ticks from 0 past `max` in steps of 1, 2 or 5 times a power of ten: about eight of them, whole numbers only. */
export function ticks(max: number): number[] {
  const rough = Math.max(1, max / 8);
  const power = 10 ** Math.floor(Math.log10(rough));
  const step = [1, 2, 5, 10].map((factor) => factor * power).find((candidate) => candidate >= rough) ?? 10 * power;
  return Array.from({ length: Math.max(1, Math.ceil(max / step)) + 1 }, (_, index) => index * step);
}

/** A horizontal axis under a plot `width` wide at `y`, scaled to its last tick, with its title below. */
export function bottomAxis(x: number, y: number, width: number, values: readonly number[], title: string): string {
  const last = values.at(-1) ?? 1;
  const parts = [line(x, y, x + width, y)];
  for (const value of values) {
    const at = x + (value / last) * width;
    parts.push(line(at, y, at, y + 5), text(at, y + 17, value.toLocaleString('en-US'), 'middle'));
  }
  parts.push(text(x + width / 2, y + 34, title, 'middle', ' font-weight="bold"'));
  return parts.join('');
}

/** A vertical axis beside a plot `height` tall whose bottom is at `bottom`, with its title turned along it. */
export function leftAxis(x: number, bottom: number, height: number, values: readonly number[], title: string): string {
  const last = values.at(-1) ?? 1;
  const parts = [line(x, bottom, x, bottom - height)];
  for (const value of values) {
    const at = bottom - (value / last) * height;
    parts.push(line(x - 5, at, x, at), text(x - 8, at + 4, value.toLocaleString('en-US'), 'end'));
  }
  const middle = bottom - height / 2;
  parts.push(text(x - 40, middle, title, 'middle', ` font-weight="bold" transform="rotate(-90 ${round(x - 40)} ${round(middle)})"`));
  return parts.join('');
}

export const LEGEND_ROW = 18;

/** Swatches and labels from (x, y) down, under an optional title. */
export function legend(x: number, y: number, series: readonly Series[], title?: string): string {
  const parts = title ? [text(x, y + 10, title, 'start', ' font-weight="bold"')] : [];
  const top = title ? y + LEGEND_ROW : y;
  series.forEach((entry, index) => {
    const rowTop = top + index * LEGEND_ROW;
    parts.push(`<rect x="${x}" y="${rowTop + 1}" width="12" height="12" fill="${entry.colour}" stroke="#666" stroke-width="0.5"/>`);
    parts.push(text(x + 18, rowTop + 11, entry.label));
  });
  return parts.join('');
}

export function legendWidth(series: readonly Series[], title?: string): number {
  return Math.max(title ? textWidth(title) : 0, ...series.map((entry) => 18 + textWidth(entry.label)));
}

export function legendHeight(series: readonly Series[], title?: string): number {
  return (title ? LEGEND_ROW : 0) + series.length * LEGEND_ROW;
}

/** The outer element: white, sized in pixels, scaled down with its box on a narrow screen. */
export function svgDocument(width: number, height: number, body: string): string {
  const size = `width="${Math.ceil(width)}" height="${Math.ceil(height)}" viewBox="0 0 ${Math.ceil(width)} ${Math.ceil(height)}"`;
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" ${size} font-family="${FONT}">` +
    `<rect width="100%" height="100%" fill="white"/>${body}</svg>`
  );
}
