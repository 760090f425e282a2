import { alertAt } from '../dialects/githubAlerts';
import { attributeLine, blockAbove } from '../dialects/kramdown';
import { componentTag } from '../dialects/mdx';
import { fencedDivLine, isFencedDivLine } from '../dialects/pandoc';
import { atxHeadingText } from '../text/atxHeading';
import type { LineIndex } from '../text/lines';
import { allMatches } from '../text/matches';
import type { ContainerBlock } from './model';
import type { OffsetRange } from '../types/range';

const DETAILS_TAG = /<(\/?)details\b[^>]*>/gi;
const SUMMARY = /<summary\b[^>]*>([\s\S]*?)<\/summary>/i;

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

    const div = fencedDivLine(text);
    if (div) {
      if (div.kind === 'close') {
        const open = divs.pop();
        if (open) close(open, end);
      } else if (div.kind === 'open') {
        divs.push({ syntax: 'fenced-div', name: div.name, start, title: undefined });
      }
      continue;
    }

    const attributes = attributeLine(text);
    if (attributes) {
      const block = blockAbove(lines, line, attributes.depth);
      for (const className of attributes.classes) {
        if (block)
          found.push({
            syntax: 'kramdown',
            name: className,
            start: block.start,
            end,
            title: block.title,
            parent: undefined,
            order: order++,
          });
      }
      continue;
    }

    const alert = alertAt(lines, line);
    if (alert)
      found.push({
        syntax: 'alert',
        name: alert.name,
        start,
        end: lines.lineEnd(alert.lastLine),
        title: undefined,
        parent: undefined,
        order: order++,
      });

    for (const tag of allMatches(DETAILS_TAG, text)) {
      if (tag[1] === '/') {
        const open = details.pop();
        if (open) close(open, start + (tag.index ?? 0) + tag[0].length);
      } else {
        details.push({ syntax: 'details', name: 'details', start: start + (tag.index ?? 0), title: summaryAfter(lines, line) });
      }
    }

    const component = componentTag(text);
    if (component) {
      const { name, closing, selfClosing } = component;
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

function summaryAfter(lines: LineIndex, line: number): string | undefined {
  const window = lines.text.slice(lines.lineStart(line), lines.lineEnd(Math.min(line + 3, lines.lineCount - 1)));
  const summary = SUMMARY.exec(window);
  return summary
    ? summary[1]
        .replace(/<[^>]+>/g, '')
        .replace(/\s+/g, ' ')
        .trim()
    : undefined;
}

function firstHeading(lines: LineIndex, block: OffsetRange): string | undefined {
  const first = lines.lineAt(block.start) + 1;
  const last = lines.lineAt(block.end);
  for (let line = first; line < last && line < first + 6; line++) {
    const text = lines.lineText(line);
    if (isFencedDivLine(text)) return undefined;
    const heading = atxHeadingText(text);
    if (heading !== undefined) return heading;
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
