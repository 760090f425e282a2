import type { Nodes, Parents, Root } from 'mdast';
import type { OffsetRange } from './frontMatter';

/** Stands in for inline code, so that it counts as a word but is never matched as prose. */
export const CODE_STAND_IN = '\u25AF';

interface Segment {
  /** Offset in the prose block's text. */
  at: number;
  /** Offset in the document. */
  source: number;
  length: number;
  /** True when the segment's text is the source text character for character. */
  exact: boolean;
}

/** The visible text of one paragraph, heading or table cell, mapped back to document offsets. */
export class ProseBlock implements OffsetRange {
  constructor(
    readonly kind: 'paragraph' | 'heading' | 'cell',
    readonly text: string,
    readonly start: number,
    readonly end: number,
    private readonly segments: readonly Segment[],
  ) {}

  /** The document offset of an offset in `text`. */
  toSource(offset: number): number {
    let low = 0;
    let high = this.segments.length - 1;
    if (high < 0) return this.start;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (this.segments[mid].at <= offset) low = mid;
      else high = mid - 1;
    }
    const segment = this.segments[low];
    const inside = Math.min(Math.max(offset - segment.at, 0), segment.length);
    return segment.exact ? segment.source + inside : segment.source;
  }

  sourceRange(start: number, end: number): OffsetRange {
    const from = this.toSource(start);
    const to = end > start ? this.toSource(end - 1) + 1 : from;
    return { start: from, end: Math.max(from, to) };
  }
}

const LIQUID = /\{%[\s\S]*?%\}|\{\{[\s\S]*?\}\}/g;
const BARE_URL = /\b(?:https?:\/\/|www\.)[^\s<>()\[\]]*[^\s<>()\[\].,;:!?'"]/gi;
const KRAMDOWN_ATTRIBUTES = /\{:[^}\n]*\}/g;
const PANDOC_ATTRIBUTES = /(?<=[\])])\{[^}\n]*\}/g;

/** Blanks out template and attribute syntax, keeping the length so that offsets still match. */
export function maskSyntax(text: string): string {
  const blank = (match: string) => ' '.repeat(match.length);
  return text.replace(LIQUID, blank).replace(KRAMDOWN_ATTRIBUTES, blank).replace(PANDOC_ATTRIBUTES, blank).replace(BARE_URL, blank);
}

export function collectProse(tree: Root, source: string): ProseBlock[] {
  const blocks: ProseBlock[] = [];
  const visit = (node: Nodes) => {
    if (node.type === 'paragraph' || node.type === 'heading' || node.type === 'tableCell') {
      const block = buildBlock(node, source);
      if (block) blocks.push(block);
      return;
    }
    if ('children' in node) for (const child of node.children as Nodes[]) visit(child);
  };
  visit(tree);
  return blocks;
}

function buildBlock(node: Parents, source: string): ProseBlock | undefined {
  const start = node.position?.start.offset;
  const end = node.position?.end.offset;
  if (start === undefined || end === undefined) return undefined;
  const segments: Segment[] = [];
  let text = '';
  const add = (value: string, sourceStart: number, exact: boolean) => {
    segments.push({ at: text.length, source: sourceStart, length: value.length, exact });
    text += value;
  };
  const visit = (child: Nodes) => {
    const from = child.position?.start.offset;
    const to = child.position?.end.offset;
    switch (child.type) {
      case 'text': {
        if (from === undefined || to === undefined) return;
        addText(child.value, source.slice(from, to), from, add);
        return;
      }
      case 'inlineCode':
        if (from !== undefined) add(CODE_STAND_IN, from, false);
        return;
      case 'break':
        if (from !== undefined) add(' ', from, false);
        return;
      case 'html':
      case 'image':
      case 'imageReference':
      case 'footnoteReference':
        return;
      case 'link':
        if (isBareUrl(child)) return;
        break;
    }
    if ('children' in child) for (const grandchild of child.children as Nodes[]) visit(grandchild);
  };
  for (const child of node.children as Nodes[]) visit(child);
  const masked = maskSyntax(text);
  if (masked.trim() === '') return undefined;
  const kind = node.type === 'paragraph' ? 'paragraph' : node.type === 'heading' ? 'heading' : 'cell';
  return new ProseBlock(kind, masked, start, end, segments);
}

function isBareUrl(link: Nodes & { type: 'link' }): boolean {
  const only = link.children.length === 1 ? link.children[0] : undefined;
  if (only?.type !== 'text') return false;
  return only.value === link.url || `mailto:${only.value}` === link.url || link.url.endsWith(only.value);
}

/**
 * A text node's value differs from its source when it spans lines inside a quote or list (the
 * markers are not part of the value), ends a line with spaces, or holds escapes and entities. When
 * the lines correspond, each line that ends its source line maps character for character and any
 * other line maps to its start; otherwise the node maps to its start.
 */
function addText(value: string, raw: string, from: number, add: (value: string, source: number, exact: boolean) => void) {
  if (value === raw) {
    add(value, from, true);
    return;
  }
  const valueLines = value.split('\n');
  const rawLines = raw.split('\n');
  if (valueLines.length !== rawLines.length) {
    add(value, from, false);
    return;
  }
  let lineStart = from;
  valueLines.forEach((line, i) => {
    const last = i === valueLines.length - 1;
    const rawLine = rawLines[i];
    // Trailing spaces (a hard break, or stray white space) are not part of the value.
    const content = last ? rawLine : rawLine.replace(/[ \t]+(\r?)$/, '$1');
    const exact = content.endsWith(line);
    const source = exact ? lineStart + content.length - line.length : lineStart + (i === 0 ? 0 : rawLine.length - rawLine.trimStart().length);
    add(last ? line : `${line}\n`, source, exact);
    lineStart += rawLine.length + 1;
  });
}
