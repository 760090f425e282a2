import { healthSections, type Cell, type CourseHealth, type HealthSections, type ReportTable } from '../core';
import { healthCharts, type Chart } from './charts';

export interface HtmlOptions {
  /** A page's link as the HTML file needs it (relative to where the file is saved). */
  href: (path: string) => string;
  /**
   * Shown in a webview: its nonce for the page's style and script, with an Export button and links
   * that ask the editor to open the page. Without it the file has no script at all.
   */
  webview?: { nonce: string };
}

type SectionKey = keyof Omit<HealthSections, 'summary'>;

const SECTIONS: ReadonlyArray<{ key: SectionKey; heading: string; chart?: 'backlog' | 'ageing' | 'coverage' | 'findings' | 'reading' }> = [
  { key: 'backlog', heading: 'Review backlog', chart: 'backlog' },
  { key: 'ageing', heading: 'Ageing of open reviews', chart: 'ageing' },
  { key: 'oldest', heading: 'Oldest reviews' },
  { key: 'overdue', heading: 'Overdue reviews' },
  { key: 'coverage', heading: 'Coverage of parts', chart: 'coverage' },
  { key: 'findings', heading: 'Findings per category', chart: 'findings' },
  { key: 'reading', heading: 'Reading grade', chart: 'reading' },
];

/**
 * The course health report as one HTML file: charts as inline SVG, every chart with its summary
 * line and its table, no script, no network. Opens from disk and travels as an attachment.
 */
export async function healthHtml(health: CourseHealth, options: HtmlOptions): Promise<string> {
  const sections = healthSections(health);
  const charts = healthCharts(health, sections);
  const nonce = options.webview?.nonce;
  const csp = nonce
    ? `default-src 'none'; style-src 'nonce-${nonce}'; script-src 'nonce-${nonce}'; img-src data:;`
    : `default-src 'none'; style-src 'unsafe-inline'; img-src data:;`;
  const nav = SECTIONS.map(({ key, heading }) => `<li><a href="#${key}">${escape(heading)}</a></li>`).join('');
  const body = SECTIONS.map(({ key, heading, chart }) => section(key, heading, sections[key], chart && charts[chart], options)).join('\n');
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="Course Review">
<title>Course health, ${escape(health.today)}</title>
<style${nonce ? ` nonce="${nonce}"` : ''}>${STYLE}</style>
</head>
<body>
<header>
<h1>Course health, ${escape(health.today)}</h1>
<p class="summary">${escape(sections.summary)}</p>
${
  nonce
    ? '<p><button type="button" id="export">Export HTML…</button></p>\n<p id="stale" role="status" hidden>The course changed since this ' +
      'report was made. <button type="button" id="refresh">Refresh</button></p>'
    : ''
}
<nav aria-label="Sections"><ul>${nav}</ul></nav>
</header>
<main>
${body}
</main>
<footer><p>Made by Course Review from ${health.totals.pages.toLocaleString('en-US')} pages on ${escape(health.today)}.</p></footer>
${nonce ? `<script nonce="${nonce}">${WEBVIEW_SCRIPT}</script>` : ''}
</body>
</html>
`;
}

function section(
  key: SectionKey,
  heading: string,
  content: { summary: string; table: ReportTable },
  chart: Chart | undefined,
  options: HtmlOptions,
): string {
  const headingId = `${key}-heading`;
  const figure = chart
    ? `<figure class="chart"><div class="plot">${labelled(chart.svg, `${key}-caption`)}</div><figcaption ` +
      `id="${key}-caption">${escape(chart.title)}. ${escape(content.summary)} The table below gives the same ` +
      `figures.</figcaption></figure>`
    : '';
  return `<section id="${key}" aria-labelledby="${headingId}">
<h2 id="${headingId}">${escape(heading)}</h2>
${chart ? '' : `<p>${escape(content.summary)}</p>`}
${figure}
${table(content.table, options)}
</section>`;
}

/** The chart is one image to assistive technology, named by its caption; its table carries the figures. */
function labelled(svg: string, captionId: string): string {
  return svg.replace(/^<svg /, `<svg role="img" aria-labelledby="${captionId}" focusable="false" `);
}

function table(content: ReportTable, options: HtmlOptions): string {
  if (content.rows.length === 0) return `<p class="empty">${escape(content.empty)}</p>`;
  const align = (index: number) => (content.numeric.includes(index) ? ' class="number"' : '');
  const head = content.header.map((text, index) => `<th scope="col"${align(index)}>${escape(text)}</th>`).join('');
  const rowCell = (value: Cell, index: number) =>
    index === 0 ? `<th scope="row">${cell(value, options)}</th>` : `<td${align(index)}>${cell(value, options)}</td>`;
  const rows = content.rows.map((row) => `<tr>${row.map(rowCell).join('')}</tr>`).join('\n');
  return `<div class="table"><table>
<caption>${escape(content.caption)}</caption>
<thead><tr>${head}</tr></thead>
<tbody>
${rows}
</tbody>
</table></div>`;
}

function cell(value: Cell, options: HtmlOptions): string {
  if (typeof value !== 'object') return escape(String(value));
  return `<a href="${escape(options.href(value.path))}" data-path="${escape(value.path)}">${escape(value.text)}</a>`;
}

function escape(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

const SYSTEM_FONT = 'system-ui, -apple-system, "Segoe UI", sans-serif';

const STYLE = `
:root { color-scheme: light; }
body { margin: 0; padding: 1.5rem 2rem 3rem; font: 15px/1.5 ${SYSTEM_FONT}; color: #1b1b1b; background: #fafafa; max-width: 75rem; }
h1 { font-size: 1.6rem; margin: 0 0 .25rem; }
h2 { font-size: 1.25rem; margin: 2rem 0 .5rem; border-bottom: 1px solid #ccc; padding-bottom: .25rem; }
.summary { font-size: 1.05rem; }
nav ul { list-style: none; padding: 0; display: flex; flex-wrap: wrap; gap: .25rem 1rem; }
a { color: #0050a0; }
figure.chart { margin: .5rem 0 1rem; }
.plot { background: white; border: 1px solid #ddd; padding: .5rem; display: inline-block; max-width: 100%; box-sizing: border-box; }
.plot svg { display: block; max-width: 100%; height: auto; }
figcaption { font-size: .9rem; color: #333; margin-top: .25rem; }
.table { overflow-x: auto; }
table { border-collapse: collapse; margin: .5rem 0; background: white; }
caption { text-align: left; font-weight: 600; padding: .25rem 0; }
th, td { border: 1px solid #ccc; padding: .2rem .5rem; text-align: left; vertical-align: top; }
thead th { background: #eee; }
tbody th { font-weight: normal; }
.number { text-align: right; font-variant-numeric: tabular-nums; }
.empty { font-style: italic; }
button { font: inherit; padding: .3rem .9rem; }
#stale { background: #fff4ce; border: 1px solid #c8a600; padding: .4rem .75rem; }
footer { margin-top: 3rem; font-size: .85rem; color: #444; }
`;

/**
 * In the webview only: links open the page in the editor, the buttons export the file and make the report again once the course changed.
 */
const WEBVIEW_SCRIPT = `
const vscode = acquireVsCodeApi();
document.getElementById('export').addEventListener('click', () => vscode.postMessage({ command: 'export' }));
document.getElementById('refresh').addEventListener('click', () => vscode.postMessage({ command: 'refresh' }));
window.addEventListener('message', (event) => {
  if (event.data?.command === 'stale') document.getElementById('stale').hidden = false;
});
document.addEventListener('click', (event) => {
  const link = event.target.closest('a[data-path]');
  if (!link) return;
  event.preventDefault();
  vscode.postMessage({ command: 'open', path: link.dataset.path });
});
`;
