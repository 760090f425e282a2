import type { Nodes, Parents } from 'mdast';
import type { OffsetRange } from './frontMatter';

/** Stands in for inline code, so that it counts as a word but is never matched as prose. */
export const CODE_STAND_IN = '\u25AF';

interface Segment {
  /** Offset in the prose block's text. */
  at: number;
  /** Offset from the block's start in the document. */
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
    private facts?: Map<unknown, unknown>,
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
    return this.start + segment.source + (segment.exact ? inside : 0);
  }

  sourceRange(start: number, end: number): OffsetRange {
    const from = this.toSource(start);
    const to = end > start ? this.toSource(end - 1) + 1 : from;
    return { start: from, end: Math.max(from, to) };
  }

  /**
   * A cache for facts that depend on nothing but the block's kind and text (its sentences, its
   * words, a pattern's matches), keyed by a symbol or a string. The next version of the lesson
   * keeps the facts of every block whose text it keeps, so an edit re-analyses only its own block.
   */
  derived<T>(key: unknown, compute: (block: ProseBlock) => T): T {
    const facts = (this.facts ??= new Map());
    let value = facts.get(key) as T | undefined;
    if (value === undefined && !facts.has(key)) {
      value = compute(this);
      facts.set(key, value);
    }
    return value as T;
  }

  /** The same block `delta` characters further on, sharing its facts. */
  moved(delta: number): ProseBlock {
    return delta === 0 ? this : new ProseBlock(this.kind, this.text, this.start + delta, this.end + delta, this.segments, (this.facts ??= new Map()));
  }

  /** This block with the facts already derived for an earlier block of the same kind and text. */
  withFactsOf(earlier: ProseBlock): ProseBlock {
    return new ProseBlock(this.kind, this.text, this.start, this.end, this.segments, (earlier.facts ??= new Map()));
  }
}

const LIQUID = /\{%[\s\S]*?%\}|\{\{[\s\S]*?\}\}/g;
const BARE_URL = /\b(?:https?:\/\/|www\.)[^\s<>()\[\]]*[^\s<>()\[\].,;:!?'"]/gi;
const KRAMDOWN_ATTRIBUTES = /\{:[^}\n]*\}/g;
const PANDOC_ATTRIBUTES = /(?<=[\])])\{[^}\n]*\}/g;

const URL_START = /:\/\/|www\./i;

/** Blanks out template and attribute syntax, keeping the length so that offsets still match. */
export function maskSyntax(text: string): string {
  let masked = text;
  if (masked.includes('{')) masked = masked.replace(LIQUID, blank).replace(KRAMDOWN_ATTRIBUTES, blank).replace(PANDOC_ATTRIBUTES, blank);
  return URL_START.test(masked) ? masked.replace(BARE_URL, blank) : masked;
}

function blank(match: string): string {
  return ' '.repeat(match.length);
}

/**
 * The prose blocks in a list of nodes: a tree's children, or the blocks that an edit re-parsed. A
 * block with the kind and text of one of the `earlier` blocks takes over its derived facts.
 */
export function collectProse(nodes: readonly Nodes[], source: string, earlier: readonly ProseBlock[] = []): ProseBlock[] {
  const blocks: ProseBlock[] = [];
  for (const node of nodes) collectFrom(node, source, blocks);
  if (earlier.length === 0) return blocks;
  const byText = new Map(earlier.map((block) => [block.text, block]));
  return blocks.map((block) => {
    const same = byText.get(block.text);
    return same?.kind === block.kind ? block.withFactsOf(same) : block;
  });
}

function collectFrom(node: Nodes, source: string, blocks: ProseBlock[]) {
  if (node.type === 'paragraph' || node.type === 'heading' || node.type === 'tableCell') {
    const block = buildBlock(node, source);
    if (block) blocks.push(block);
  } else if ('children' in node) {
    for (const child of node.children as Nodes[]) collectFrom(child, source, blocks);
  }
}

/** A prose block's text and segments as they are put together. */
interface Builder {
  readonly source: string;
  /** The block's start in the document. */
  readonly start: number;
  text: string;
  readonly segments: Segment[];
}

function buildBlock(node: Parents, source: string): ProseBlock | undefined {
  const start = node.position?.start.offset;
  const end = node.position?.end.offset;
  if (start === undefined || end === undefined) return undefined;
  const builder: Builder = { source, start, text: '', segments: [] };
  for (const child of node.children as Nodes[]) addInline(builder, child);
  const masked = maskSyntax(builder.text);
  if (masked.trim() === '') return undefined;
  const kind = node.type === 'paragraph' ? 'paragraph' : node.type === 'heading' ? 'heading' : 'cell';
  return new ProseBlock(kind, masked, start, end, builder.segments);
}

function add(builder: Builder, value: string, source: number, exact: boolean) {
  builder.segments.push({ at: builder.text.length, source: source - builder.start, length: value.length, exact });
  builder.text += value;
}

function addInline(builder: Builder, child: Nodes) {
  const from = child.position?.start.offset;
  const to = child.position?.end.offset;
  switch (child.type) {
    case 'text':
      if (from !== undefined && to !== undefined) addText(builder, child.value, builder.source.slice(from, to), from);
      return;
    case 'inlineCode':
      if (from !== undefined) add(builder, CODE_STAND_IN, from, false);
      return;
    case 'break':
      if (from !== undefined) add(builder, ' ', from, false);
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
  if ('children' in child) for (const grandchild of child.children as Nodes[]) addInline(builder, grandchild);
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
function addText(builder: Builder, value: string, raw: string, from: number) {
  if (value === raw) {
    add(builder, value, from, true);
    return;
  }
  const valueLines = value.split('\n');
  const rawLines = raw.split('\n');
  if (valueLines.length !== rawLines.length) {
    add(builder, value, from, false);
    return;
  }
  let lineStart = from;
  for (let i = 0; i < valueLines.length; i++) {
    const line = valueLines[i];
    const last = i === valueLines.length - 1;
    const rawLine = rawLines[i];
    // Trailing spaces (a hard break, or stray white space) are not part of the value.
    const content = last ? rawLine : rawLine.replace(/[ \t]+(\r?)$/, '$1');
    const exact = content.endsWith(line);
    const source = exact ? lineStart + content.length - line.length : lineStart + (i === 0 ? 0 : rawLine.length - rawLine.trimStart().length);
    add(builder, last ? line : `${line}\n`, source, exact);
    lineStart += rawLine.length + 1;
  }
}
