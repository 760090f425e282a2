import type { Heading as HeadingNode, Nodes, Root, RootContent } from 'mdast';
import remarkFrontmatter from 'remark-frontmatter';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { LineIndex } from '../text/lines';
import { findContainers } from './containers';
import { gfmSyntaxOf, remarkLessonGfm, type GfmSyntax } from './gfm';
import { uncheckedBlocks } from './guard';
import { reparse, type Reparse } from './incremental';
import { locateFrontMatter, MAX_FRONT_MATTER_LENGTH, parseFrontMatter, type FrontMatter } from './frontMatter';
import './linearEditMap';
import type { ContainerBlock, HeadingInfo, HtmlComment, LessonDocument, SkipReason, UncheckedBlock } from './model';
import { collectProse, type ProseBlock } from './prose';
import { preOrder } from './walk';
import { mdxBlocks, type MdxBlock } from '../dialects/mdx';
import { parseWithout } from './without';
import { withoutBom } from '../text/bom';
import type { OffsetRange } from '../types/range';

/**
 * A parser for each set of constructs a text can hold, indexed by `parserIndex`. Front matter can
 * only open a lesson: after it, as in the blocks an edit re-parses, a `---` is a thematic break.
 */
const PARSERS: ReadonlyArray<(text: string) => Root> = Array.from({ length: 32 }, (_, index) => {
  const syntax: GfmSyntax = {
    tables: (index & 1) !== 0,
    footnotes: (index & 2) !== 0,
    strikethrough: (index & 4) !== 0,
    taskLists: (index & 8) !== 0,
  };
  const processor =
    index & 16
      ? unified().use(remarkParse).use(remarkFrontmatter, ['yaml']).use(remarkLessonGfm, syntax)
      : unified().use(remarkParse).use(remarkLessonGfm, syntax);
  return (text: string) => processor.parse(text);
});

function parserIndex(syntax: GfmSyntax, frontMatter: boolean): number {
  return (
    (syntax.tables ? 1 : 0) |
    (syntax.footnotes ? 2 : 0) |
    (syntax.strikethrough ? 4 : 0) |
    (syntax.taskLists ? 8 : 0) |
    (frontMatter ? 16 : 0)
  );
}

/**
 * Parses with only the constructs that the text can hold, which gives the tree that all of them
 * would: front matter needs the `-` of its fence at the very start of the lesson.
 */
function parseMarkdown(text: string, atLessonStart: boolean): Root {
  return PARSERS[parserIndex(gfmSyntaxOf(text), atLessonStart && text.startsWith('-'))](text);
}

export interface ParseOptions {
  /** Above this many characters the lesson is not analysed. */
  maxLength?: number;
  /** `mdx`: imports, exports, components' tags and expressions on lines of their own are not Markdown. */
  dialect?: 'markdown' | 'mdx';
}

export const DEFAULT_MAX_LENGTH = 1_000_000;

/**
 * Parses a lesson once; every rule reads the same model. Given the previous version of the same
 * lesson, only the blocks around the edit are parsed again, and what the model derives from the
 * other blocks (prose, code, comments, headings) is carried over, moved into place.
 */
export function parseLesson(input: string, options: ParseOptions = {}, previous?: LessonDocument): LessonDocument {
  const text = withoutBom(input);
  const skipped = skipReason(text, options.maxLength ?? DEFAULT_MAX_LENGTH);
  if (skipped) return emptyDocument(text, skipped);

  const lines = new LineIndex(text);
  const location = locateFrontMatter(text);
  const unchecked = uncheckedBlocks(text, location.kind === 'yaml' ? location.range.end : 0);
  // A front matter too long to read is left out of the Markdown parse too, which spends as long on it as on prose.
  const longFrontMatter =
    location.kind === 'yaml' && location.content.end - location.content.start > MAX_FRONT_MATTER_LENGTH ? location.range : undefined;
  const mdx = options.dialect === 'mdx' ? apartFrom(mdxBlocks(text, location.kind === 'yaml' ? location.range.end : 0), unchecked) : [];
  const leftOut = inOrder(longFrontMatter ? [longFrontMatter] : [], unchecked, mdx);
  // A guarded lesson is parsed whole: the blocks left out depend on the whole lesson's cost.
  const incremental = previous && !previous.skipped && previous.unchecked.length === 0 && previous.mdx.length === 0 && leftOut.length === 0;
  const reused = incremental ? reparse(previous, text, lines, (body) => parseMarkdown(body, false)) : undefined;
  const tree = reused?.tree ?? parseWithout(text, leftOut, (kept) => parseMarkdown(kept, location.kind === 'yaml'));
  // The edit was after the front matter, which is the same text at the same place.
  const frontMatter = reused
    ? previous?.frontMatter
    : longFrontMatter
      ? parseFrontMatter(text, longFrontMatter)
      : parseYamlNode(tree, text);
  const unclosedFrontMatter = !frontMatter && location.kind === 'unclosed' ? { start: 0, end: lines.lineEnd(0) } : undefined;
  const body = { start: frontMatter ? frontMatter.range.end : 0, end: text.length };

  const parts = reused && previous ? carriedOver(previous, reused, text) : blockParts(tree.children, text, frontMatter);
  const containers = findContainers(lines, merged(parts.codeBlocks, unchecked));
  const cache = new Map<unknown, unknown>();

  return {
    text,
    lines,
    tree,
    frontMatter,
    unclosedFrontMatter,
    body,
    headings: withSections(parts.headings, containers, body.end),
    containers,
    comments: parts.comments,
    nonProse: mdx.length > 0 ? inOrder(parts.nonProse, mdx) : parts.nonProse,
    codeBlocks: parts.codeBlocks,
    prose: parts.prose,
    skipped: undefined,
    unchecked,
    mdx,
    derived<T>(key: unknown, compute: () => T): T {
      if (!cache.has(key)) cache.set(key, compute());
      return cache.get(key) as T;
    },
  };
}

function parseYamlNode(tree: Root, text: string): FrontMatter | undefined {
  const yamlNode = tree.children[0]?.type === 'yaml' ? tree.children[0] : undefined;
  return yamlNode?.position
    ? parseFrontMatter(text, { start: yamlNode.position.start.offset ?? 0, end: yamlNode.position.end.offset ?? 0 })
    : undefined;
}

type HeadingPart = Omit<HeadingInfo, 'sectionEnd'>;

/** What the model reads off the blocks of the tree, each part in document order. */
interface BlockParts {
  nonProse: OffsetRange[];
  codeBlocks: OffsetRange[];
  comments: HtmlComment[];
  headings: HeadingPart[];
  prose: ProseBlock[];
}

function blockParts(
  blocks: readonly RootContent[],
  text: string,
  frontMatter: FrontMatter | undefined,
  earlierProse: readonly ProseBlock[] = [],
): BlockParts {
  const parts: BlockParts = { nonProse: [], codeBlocks: [], comments: [], headings: [], prose: collectProse(blocks, text, earlierProse) };
  if (frontMatter) {
    parts.nonProse.push(frontMatter.range);
    parts.codeBlocks.push(frontMatter.range);
  }
  for (const block of blocks) if (block.type !== 'yaml') collectParts(block, text, parts);
  parts.nonProse.sort((a, b) => a.start - b.start);
  return parts;
}

function collectParts(root: Nodes, text: string, parts: BlockParts) {
  for (const node of preOrder(root)) {
    const range = rangeOf(node);
    if (!range) continue;
    switch (node.type) {
      case 'code':
      case 'math' as string:
        parts.codeBlocks.push(range);
        parts.nonProse.push(range);
        break;
      case 'inlineCode':
        parts.nonProse.push(range);
        break;
      case 'html':
        parts.nonProse.push(range);
        for (const comment of htmlComments(node.value))
          parts.comments.push({ ...comment, start: range.start + comment.start, end: range.start + comment.end });
        break;
      case 'heading':
        parts.headings.push({ ...range, depth: node.depth, text: headingText(node, text, range) });
        break;
    }
  }
}

/** The previous version's parts, kept before the edit and moved after it, around the parts of the blocks parsed again. */
function carriedOver(previous: LessonDocument, reused: Reparse, text: string): BlockParts {
  const { keptBefore, movedFrom, delta } = reused;
  const splice = <T extends OffsetRange>(earlier: readonly T[], middle: readonly T[], move: (item: T) => T): T[] => {
    const parts: T[] = [];
    let index = 0;
    for (; index < earlier.length && earlier[index].start < keptBefore; index++) parts.push(earlier[index]);
    parts.push(...middle);
    while (index < earlier.length && earlier[index].start < movedFrom) index++;
    for (; index < earlier.length; index++) parts.push(move(earlier[index]));
    return parts;
  };
  const replacedProse = previous.prose.filter((block) => block.start >= keptBefore && block.start < movedFrom);
  const middle = blockParts(reused.parsed, text, undefined, replacedProse);
  const moveRange = (range: OffsetRange) => ({ start: range.start + delta, end: range.end + delta });
  return {
    nonProse: splice(previous.nonProse, middle.nonProse, moveRange),
    codeBlocks: splice(previous.codeBlocks, middle.codeBlocks, moveRange),
    comments: splice(previous.comments, middle.comments, (comment) => ({ ...comment, ...moveRange(comment) })),
    headings: splice(previous.headings, middle.headings, ({ depth, text: title, ...range }) => ({
      ...moveRange(range),
      depth,
      text: title,
    })),
    prose: splice(previous.prose, middle.prose, (block) => block.moved(delta)),
  };
}

function skipReason(text: string, maxLength: number): SkipReason | undefined {
  if (text.length > maxLength) return { kind: 'too-large', size: text.length, limit: maxLength };
  if (text.slice(0, 8192).includes('\0')) return { kind: 'binary' };
  return undefined;
}

function emptyDocument(text: string, skipped: SkipReason): LessonDocument {
  const probe = text.slice(0, 1000);
  return {
    text,
    lines: new LineIndex(probe),
    tree: { type: 'root', children: [] },
    frontMatter: undefined,
    unclosedFrontMatter: undefined,
    body: { start: 0, end: text.length },
    headings: [],
    containers: [],
    comments: [],
    nonProse: [],
    codeBlocks: [],
    prose: [],
    skipped,
    unchecked: [],
    mdx: [],
    derived: (_key, compute) => compute(),
  };
}

function rangeOf(node: Nodes): OffsetRange | undefined {
  const start = node.position?.start.offset;
  const end = node.position?.end.offset;
  return start === undefined || end === undefined ? undefined : { start, end };
}

/** The text of a node and its descendants, without HTML. */
export function plainText(node: Nodes): string {
  const values: string[] = [];
  for (const descendant of preOrder(node, (inner) => inner.type !== 'html'))
    if ('value' in descendant && descendant.type !== 'html') values.push(descendant.value);
  return values.join('');
}

/** The `<!-- … -->` comments in an HTML node's value; one scan, however many comments are left open. */
function htmlComments(value: string): HtmlComment[] {
  const comments: HtmlComment[] = [];
  for (let open = value.indexOf('<!--'); open !== -1;) {
    const close = value.indexOf('-->', open + 4);
    if (close === -1) break;
    comments.push({ start: open, end: close + 3, body: value.slice(open + 4, close).trim() });
    open = value.indexOf('<!--', close + 3);
  }
  return comments;
}

/** Code blocks and unchecked blocks, both in document order and apart from each other, as one list in order. */
function merged(codeBlocks: readonly OffsetRange[], unchecked: readonly UncheckedBlock[]): OffsetRange[] {
  if (unchecked.length === 0) return [...codeBlocks];
  return [...codeBlocks, ...unchecked.map(({ start, end }) => ({ start, end }))].sort((a, b) => a.start - b.start);
}

/** Ranges from several lists, each in order, as one list in order. */
function inOrder(...lists: ReadonlyArray<readonly OffsetRange[]>): OffsetRange[] {
  const nonEmpty = lists.filter((list) => list.length > 0);
  if (nonEmpty.length <= 1) return [...(nonEmpty[0] ?? [])];
  return nonEmpty
    .flat()
    .map(({ start, end }) => ({ start, end }))
    .sort((a, b) => a.start - b.start);
}

/** The MDX blocks that share no character with a block left unchecked. */
function apartFrom(blocks: readonly MdxBlock[], unchecked: readonly UncheckedBlock[]): MdxBlock[] {
  if (unchecked.length === 0) return [...blocks];
  return blocks.filter((block) => !unchecked.some((other) => other.start <= block.end && block.start <= other.end));
}

function headingText(node: HeadingNode, text: string, range: OffsetRange): string {
  return (
    plainText(node).replace(/\s+/g, ' ').trim() ||
    text
      .slice(range.start, range.end)
      .replace(/^#+\s*/, '')
      .trim()
  );
}

/**
 * Where each heading's section ends: the next heading of the same or a higher level, or its
 * container's end. Headings and containers are both in document order, so one sweep finds each
 * heading's innermost container: a container that ended before a heading ended before every later one.
 */
function withSections(headings: readonly HeadingPart[], containers: readonly ContainerBlock[], bodyEnd: number): HeadingInfo[] {
  const open: ContainerBlock[] = [];
  let nextContainer = 0;
  return headings.map((heading, index) => {
    while (nextContainer < containers.length && containers[nextContainer].start <= heading.start) open.push(containers[nextContainer++]);
    while (open.length > 0 && open[open.length - 1].end < heading.end) open.pop();
    const innermost = open.at(-1);
    let sectionEnd = innermost ? innermost.end : bodyEnd;
    for (let next = index + 1; next < headings.length && headings[next].start < sectionEnd; next++) {
      if (headings[next].depth <= heading.depth) {
        sectionEnd = headings[next].start;
        break;
      }
    }
    return { start: heading.start, end: heading.end, depth: heading.depth, text: heading.text, sectionEnd };
  });
}

export type { FrontMatter };
