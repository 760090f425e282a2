import type { Nodes, Parents } from 'mdast';
import { opensAttributes as opensKramdownAttributes } from '../dialects/kramdown';
import { opensAttributes as opensPandocAttributes } from '../dialects/pandoc';
import { templateSpans } from '../dialects/templates';
import { NextIndexOfAny } from '../text/nextIndex';
import { preOrder } from './walk';
import type { OffsetRange } from '../types/range';

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
    return delta === 0
      ? this
      : new ProseBlock(this.kind, this.text, this.start + delta, this.end + delta, this.segments, (this.facts ??= new Map()));
  }

  /** This block with the facts already derived for an earlier block of the same kind and text. */
  withFactsOf(earlier: ProseBlock): ProseBlock {
    return new ProseBlock(this.kind, this.text, this.start, this.end, this.segments, (earlier.facts ??= new Map()));
  }
}

const BARE_URL = /\b(?:https?:\/\/|www\.)[^\s<>()[\]]*[^\s<>()[\].,;:!?'"]/gi;

const URL_START = /:\/\/|www\./i;

/**
 * Blanks out template and attribute syntax, keeping the length so that offsets still match:
 * Liquid tags and output (`{% … %}`, `{{ … }}`), kramdown attributes (`{: …}`) and Pandoc
 * attributes after a link or span (`[text]{.class}`). Each is found with one scan, however many
 * are left open.
 */
export function maskSyntax(text: string): string {
  let masked = text;
  if (masked.includes('{')) masked = blankAttributes(blankSpans(masked, templateSpans(masked)));
  return URL_START.test(masked) ? masked.replace(BARE_URL, blank) : masked;
}

function blank(match: string): string {
  return ' '.repeat(match.length);
}

/** `{: …}` anywhere (kramdown), then `{…}` right after `]` or `)` (Pandoc), each on one line. */
function blankAttributes(text: string): string {
  const kramdown = blankBraces(text, (at) => opensKramdownAttributes(text, at));
  return blankBraces(kramdown, (at) => opensPandocAttributes(kramdown, at));
}

/** Each `{` that `opens` says opens an attribute list, to the next `}` on its line. */
function blankBraces(text: string, opens: (at: number) => boolean): string {
  const spans: Array<[number, number]> = [];
  const ends = new NextIndexOfAny(text, '}\n');
  for (let at = text.indexOf('{'); at !== -1;) {
    const end = opens(at) ? ends.from(at + 1) : -1;
    if (end !== -1 && text[end] === '}') {
      spans.push([at, end + 1]);
      at = text.indexOf('{', end + 1);
    } else at = text.indexOf('{', at + 1);
  }
  return blankSpans(text, spans);
}

function blankSpans(text: string, spans: ReadonlyArray<readonly [number, number]>): string {
  if (spans.length === 0) return text;
  const parts: string[] = [];
  let from = 0;
  for (const [start, end] of spans) {
    parts.push(text.slice(from, start), ' '.repeat(end - start));
    from = end;
  }
  parts.push(text.slice(from));
  return parts.join('');
}

/**
 * The prose blocks in a list of nodes: a tree's children, or the blocks that an edit re-parsed. A
 * block with the kind and text of one of the `earlier` blocks takes over its derived facts.
 */
export function collectProse(nodes: readonly Nodes[], source: string, earlier: readonly ProseBlock[] = []): ProseBlock[] {
  const blocks: ProseBlock[] = [];
  for (const node of nodes) {
    for (const inner of preOrder(node, (candidate) => !isProseBlock(candidate))) {
      if (!isProseBlock(inner)) continue;
      const block = buildBlock(inner, source);
      if (block) blocks.push(block);
    }
  }
  if (earlier.length === 0) return blocks;
  const byText = new Map(earlier.map((block) => [block.text, block]));
  return blocks.map((block) => {
    const same = byText.get(block.text);
    return same?.kind === block.kind ? block.withFactsOf(same) : block;
  });
}

function isProseBlock(node: Nodes): node is Parents {
  return node.type === 'paragraph' || node.type === 'heading' || node.type === 'tableCell';
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
  for (const child of node.children as Nodes[]) for (const inline of preOrder(child, hasProse)) addInline(builder, inline);
  const masked = maskSyntax(builder.text);
  if (masked.trim() === '') return undefined;
  const kind = node.type === 'paragraph' ? 'paragraph' : node.type === 'heading' ? 'heading' : 'cell';
  return new ProseBlock(kind, masked, start, end, builder.segments);
}

function add(builder: Builder, value: string, source: number, exact: boolean) {
  builder.segments.push({ at: builder.text.length, source: source - builder.start, length: value.length, exact });
  builder.text += value;
}

/** Whether an inline node's children are part of the prose: not those of images, HTML or a bare URL. */
function hasProse(node: Nodes): boolean {
  return (
    node.type !== 'image' &&
    node.type !== 'imageReference' &&
    node.type !== 'footnoteReference' &&
    !(node.type === 'link' && isBareUrl(node))
  );
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
  }
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
    const source = exact
      ? lineStart + content.length - line.length
      : lineStart + (i === 0 ? 0 : rawLine.length - rawLine.trimStart().length);
    add(builder, last ? line : `${line}\n`, source, exact);
    lineStart += rawLine.length + 1;
  }
}
