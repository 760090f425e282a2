import type { Heading, Nodes } from 'mdast';
import remarkFrontmatter from 'remark-frontmatter';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { LineIndex } from '../text/lines';
import { findContainers } from './containers';
import { remarkLessonGfm } from './gfm';
import { reparse } from './incremental';
import { parseFrontMatter, type FrontMatter, type OffsetRange } from './frontMatter';
import type { ContainerBlock, HeadingInfo, HtmlComment, LessonDocument, SkipReason } from './model';
import { collectProse } from './prose';

const processor = unified().use(remarkParse).use(remarkFrontmatter, ['yaml']).use(remarkLessonGfm);
/** For re-parsing blocks after the front matter: a `---` there is a thematic break. */
const bodyProcessor = unified().use(remarkParse).use(remarkLessonGfm);

export interface ParseOptions {
  /** Above this many characters the lesson is not analysed. */
  maxLength?: number;
}

export const DEFAULT_MAX_LENGTH = 1_000_000;
const BOM = '\uFEFF';

/**
 * Parses a lesson once; every rule reads the same model. Given the previous version of the same
 * lesson, only the blocks around the edit are parsed again.
 */
export function parseLesson(input: string, options: ParseOptions = {}, previous?: LessonDocument): LessonDocument {
  const text = input.startsWith(BOM) ? input.slice(1) : input;
  const skipped = skipReason(text, options.maxLength ?? DEFAULT_MAX_LENGTH);
  if (skipped) return emptyDocument(text, skipped);

  const lines = new LineIndex(text);
  const reused = previous && !previous.skipped ? reparse(previous, text, lines, (body) => bodyProcessor.parse(body)) : undefined;
  const tree = reused ?? processor.parse(text);
  const yamlNode = tree.children[0]?.type === 'yaml' ? tree.children[0] : undefined;
  const frontMatter = yamlNode?.position ? parseFrontMatter(text, { start: yamlNode.position.start.offset ?? 0, end: yamlNode.position.end.offset ?? 0 }) : undefined;
  const unclosedFrontMatter = !frontMatter && /^---[ \t]*\r?\n/.test(text) ? { start: 0, end: lines.lineEnd(0) } : undefined;
  const body = { start: frontMatter ? frontMatter.range.end : 0, end: text.length };

  const nonProse: OffsetRange[] = frontMatter ? [frontMatter.range] : [];
  const codeBlocks: OffsetRange[] = frontMatter ? [frontMatter.range] : [];
  const comments: HtmlComment[] = [];
  const headingNodes: Array<{ node: Heading; range: OffsetRange }> = [];
  walk(tree, (node) => {
    const range = rangeOf(node);
    if (!range) return;
    switch (node.type) {
      case 'code':
      case 'math' as string:
        codeBlocks.push(range);
        nonProse.push(range);
        break;
      case 'inlineCode':
        nonProse.push(range);
        break;
      case 'html':
        nonProse.push(range);
        for (const comment of node.value.matchAll(/<!--([\s\S]*?)-->/g)) {
          const start = range.start + (comment.index ?? 0);
          comments.push({ start, end: start + comment[0].length, body: comment[1].trim() });
        }
        break;
      case 'heading':
        headingNodes.push({ node, range });
        break;
    }
  });
  nonProse.sort((a, b) => a.start - b.start);

  const containers = findContainers(lines, codeBlocks);
  const headings = describeHeadings(headingNodes, text, containers, body.end);
  const cache = new Map<unknown, unknown>();

  return {
    text,
    lines,
    tree,
    frontMatter,
    unclosedFrontMatter,
    body,
    headings,
    containers,
    comments,
    nonProse,
    prose: collectProse(tree, text),
    skipped: undefined,
    derived<T>(key: unknown, compute: () => T): T {
      if (!cache.has(key)) cache.set(key, compute());
      return cache.get(key) as T;
    },
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
    prose: [],
    skipped,
    derived: (_key, compute) => compute(),
  };
}

function walk(node: Nodes, visit: (node: Nodes) => void) {
  visit(node);
  if ('children' in node) for (const child of node.children as Nodes[]) walk(child, visit);
}

function rangeOf(node: Nodes): OffsetRange | undefined {
  const start = node.position?.start.offset;
  const end = node.position?.end.offset;
  return start === undefined || end === undefined ? undefined : { start, end };
}

export function plainText(node: Nodes): string {
  if (node.type === 'html') return '';
  if ('value' in node) return node.value;
  if ('children' in node) return (node.children as Nodes[]).map(plainText).join('');
  return '';
}

function describeHeadings(nodes: Array<{ node: Heading; range: OffsetRange }>, text: string, containers: readonly ContainerBlock[], bodyEnd: number): HeadingInfo[] {
  return nodes.map(({ node, range }, index) => {
    const innermost = containers.filter((block) => block.start <= range.start && range.end <= block.end).at(-1);
    let sectionEnd = innermost ? innermost.end : bodyEnd;
    for (const next of nodes.slice(index + 1)) {
      if (next.range.start >= sectionEnd) break;
      if (next.node.depth <= node.depth) {
        sectionEnd = next.range.start;
        break;
      }
    }
    const headingText = plainText(node).replace(/\s+/g, ' ').trim() || text.slice(range.start, range.end).replace(/^#+\s*/, '').trim();
    return { ...range, depth: node.depth, text: headingText, sectionEnd };
  });
}

export type { FrontMatter };
