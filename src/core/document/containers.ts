import type { LineIndex } from '../text/lines';
import { allMatches } from '../text/matches';
import type { OffsetRange } from './frontMatter';
import type { ContainerBlock } from './model';

const FENCED_DIV = /^ {0,3}(:{3,})(.*)$/;
const DIV_NAME = /^\s*\{?\s*\.?([A-Za-z][\w-]*)/;
const KRAMDOWN_IAL = /^((?:\s*>)*)\s*\{:\s*([^}]*)\}\s*$/;
const HEADING = /^\s{0,3}#{1,6}\s+(.*?)\s*#*\s*$/;
const DETAILS_TAG = /<(\/?)details\b[^>]*>/gi;
const SUMMARY = /<summary\b[^>]*>([\s\S]*?)<\/summary>/i;
const COMPONENT_TAG = /^\s*<(\/?)([A-Z][A-Za-z0-9]*)\b[^>]*?(\/?)>/;
const ALERT = /^\s{0,3}>\s*\[!(NOTE|TIP|IMPORTANT|WARNING|CAUTION)\]/i;

interface Open {
  syntax: ContainerBlock['syntax'];
  name: string;
  start: number;
  title: string | undefined;
  /** For components: the closing tag's name. */
  tag?: string;
}

/** Every line that opens, closes or names a block holds one of these. */
const MARKUP = /:::|\{:|\[!|</g;

/**
 * Finds named blocks line by line, skipping code and front matter. Line-based scanning is what
 * these dialects are: Pandoc divs and kramdown attribute lines are plain paragraphs to CommonMark.
 * Only the lines with container markup are read.
 */
export function findContainers(lines: LineIndex, skip: readonly OffsetRange[]): ContainerBlock[] {
  const found: Array<ContainerBlock & { order: number }> = [];
  const divs: Open[] = [];
  const details: Open[] = [];
  const components: Open[] = [];
  const skipped = new LineSkipper(lines, skip);
  let order = 0;
  const close = (open: Open, end: number) => found.push({ ...open, end, parent: undefined, order: order++ });

  let readTo = -1;
  for (const markup of allMatches(MARKUP, lines.text)) {
    if (markup.index <= readTo) continue;
    const line = lines.lineAt(markup.index);
    const start = lines.lineStart(line);
    const end = lines.lineEnd(line);
    readTo = end;
    if (skipped.has(line)) continue;
    const text = lines.lineText(line);

    const fence = FENCED_DIV.exec(text);
    if (fence) {
      const rest = fence[2].trim();
      const name = DIV_NAME.exec(rest)?.[1];
      if (rest === '' || /^:+$/.test(rest)) {
        const open = divs.pop();
        if (open) close(open, end);
      } else if (name) {
        divs.push({ syntax: 'fenced-div', name: name.toLowerCase(), start, title: undefined });
      }
      continue;
    }

    const ial = KRAMDOWN_IAL.exec(text);
    if (ial) {
      const block = kramdownBlock(lines, line, quoteDepth(ial[1]));
      for (const className of classNames(ial[2])) {
        if (block) found.push({ syntax: 'kramdown', name: className, start: block.start, end, title: block.title, parent: undefined, order: order++ });
      }
      continue;
    }

    const alert = ALERT.exec(text);
    if (alert && (line === 0 || quoteDepth(lines.lineText(line - 1)) === 0)) {
      let last = line;
      while (last + 1 < lines.lineCount && /^\s{0,3}>/.test(lines.lineText(last + 1))) last++;
      found.push({ syntax: 'alert', name: alert[1].toLowerCase(), start, end: lines.lineEnd(last), title: undefined, parent: undefined, order: order++ });
    }

    for (const tag of allMatches(DETAILS_TAG, text)) {
      if (tag[1] === '/') {
        const open = details.pop();
        if (open) close(open, start + (tag.index ?? 0) + tag[0].length);
      } else {
        details.push({ syntax: 'details', name: 'details', start: start + (tag.index ?? 0), title: summaryAfter(lines, line) });
      }
    }

    const component = COMPONENT_TAG.exec(text);
    if (component) {
      const [, closing, name, selfClosing] = component;
      if (closing) {
        const index = components.map((open) => open.tag).lastIndexOf(name);
        if (index !== -1) {
          const [open] = components.splice(index);
          close(open, end);
        }
      } else if (selfClosing || text.includes(`</${name}>`)) {
        found.push({ syntax: 'component', name: name.toLowerCase(), start, end, title: undefined, parent: undefined, order: order++ });
      } else {
        components.push({ syntax: 'component', name: name.toLowerCase(), start, title: undefined, tag: name });
      }
    }
  }
  for (const open of [...divs, ...details, ...components]) close(open, lines.text.length);

  found.sort((a, b) => a.start - b.start || b.end - a.end || a.order - b.order);
  const containers = found.map(({ order: _order, ...block }) => block);
  for (const block of containers) if (block.syntax === 'fenced-div' && block.title === undefined) block.title = firstHeading(lines, block);
  assignParents(containers);
  return containers;
}

/** The lines of code and front matter, asked about in increasing order. */
class LineSkipper {
  private next = 0;

  constructor(
    private readonly lines: LineIndex,
    /** In document order, without overlaps. */
    private readonly ranges: readonly OffsetRange[],
  ) {}

  has(line: number): boolean {
    const { lines, ranges } = this;
    while (this.next < ranges.length && lines.lineAt(Math.max(ranges[this.next].start, ranges[this.next].end - 1)) < line) this.next++;
    return this.next < ranges.length && lines.lineAt(ranges[this.next].start) <= line;
  }
}

/** How many `>` open the line, each after up to three spaces. */
export function quoteDepth(text: string): number {
  let depth = 0;
  for (let at = afterQuote(text, 0, false); at !== undefined; at = afterQuote(text, at, false)) depth++;
  return depth;
}

/** The line without its first `depth` quote markers, each with up to three spaces before it and one after. */
function stripQuotes(text: string, depth: number): string {
  let at = 0;
  for (let level = 0; level < depth; level++) {
    const next = afterQuote(text, at, true);
    if (next === undefined) break;
    at = next;
  }
  return text.slice(at);
}

/** Where the text goes on after a quote marker at `from` (up to three spaces, `>`, and one optional space when asked). */
function afterQuote(text: string, from: number, withSpace: boolean): number | undefined {
  let at = from;
  while (at < text.length && at - from < 3 && /\s/.test(text[at])) at++;
  if (text[at] !== '>') return undefined;
  at++;
  return withSpace && at < text.length && /\s/.test(text[at]) ? at + 1 : at;
}

/** The quoted lines just above a `{: .class}` line, one level deeper than the attribute line. */
function kramdownBlock(lines: LineIndex, ialLine: number, depth: number): { start: number; title: string | undefined } | undefined {
  let first = ialLine;
  while (first > 0 && (quoteDepth(lines.lineText(first - 1)) > depth || isLazyContinuation(lines, first - 1, depth))) first--;
  if (first === ialLine) return undefined;
  const heading = HEADING.exec(withoutComments(stripQuotes(lines.lineText(first), depth + 1)));
  return { start: lines.lineStart(first), title: heading ? heading[1] : undefined };
}

function withoutComments(text: string): string {
  return text.replace(/<!--[\s\S]*?(?:-->|$)/g, '');
}

/** A non-blank line without `>` that still belongs to the quoted paragraph above it (CommonMark's lazy continuation). */
function isLazyContinuation(lines: LineIndex, line: number, depth: number): boolean {
  for (let above = line; above >= 0 && above > line - 50; above--) {
    const text = lines.lineText(above);
    if (text.trim() === '' || FENCED_DIV.test(text) || KRAMDOWN_IAL.test(text)) return false;
    if (quoteDepth(text) > depth) return above < line;
  }
  return false;
}

function classNames(attributes: string): string[] {
  return [...attributes.matchAll(/\.([A-Za-z][\w-]*)/g)].map((match) => match[1].toLowerCase());
}

function summaryAfter(lines: LineIndex, line: number): string | undefined {
  const window = lines.text.slice(lines.lineStart(line), lines.lineEnd(Math.min(line + 3, lines.lineCount - 1)));
  const summary = SUMMARY.exec(window);
  return summary ? summary[1].replace(/<[^>]+>/g, '').replace(/\s+/g, ' ').trim() : undefined;
}

function firstHeading(lines: LineIndex, block: OffsetRange): string | undefined {
  const first = lines.lineAt(block.start) + 1;
  const last = lines.lineAt(block.end);
  for (let line = first; line < last && line < first + 6; line++) {
    const text = lines.lineText(line);
    if (FENCED_DIV.test(text)) return undefined;
    const heading = HEADING.exec(withoutComments(text));
    if (heading) return heading[1];
  }
  return undefined;
}

function assignParents(containers: ContainerBlock[]) {
  const stack: number[] = [];
  containers.forEach((block, index) => {
    while (stack.length > 0 && containers[stack[stack.length - 1]].end < block.end) stack.pop();
    block.parent = stack.length > 0 ? stack[stack.length - 1] : undefined;
    stack.push(index);
  });
}
