import type { List, Nodes } from 'mdast';
import { isCollection, isMap, isScalar } from 'yaml';
import { frontMatterItems, frontMatterValueRange, type FrontMatter } from '../document/frontMatter';
import { componentTag } from '../dialects/mdx';
import type { ContainerBlock, LessonDocument } from '../document/model';
import { plainText } from '../document/parse';
import { preOrder } from '../document/walk';
import { labelParagraphs } from './labels';
import { classMatches, normaliseHeading, normalisedHeadingMatches, type Vocabulary } from './vocabulary';
import { rangeOf, type OffsetRange } from '../types/range';

export type EvidenceSource = 'front-matter' | 'heading' | 'container' | 'component' | 'paragraph' | 'statement';

/** Where a lesson part was found: its whole extent, and the line that names it. */
export interface Evidence extends OffsetRange {
  source: EvidenceSource;
  label: string;
  /** The heading line, opening fence or front matter key that names the part. */
  marker: OffsetRange;
  container?: ContainerBlock;
}

/** Every place the vocabulary's part appears, computed once per document and vocabulary. */
export function findParts(doc: LessonDocument, vocabulary: Vocabulary): Evidence[] {
  return doc.derived(vocabulary, () => scanParts(doc, vocabulary));
}

function scanParts(doc: LessonDocument, vocabulary: Vocabulary): Evidence[] {
  const found: Evidence[] = [];
  if (doc.frontMatter) {
    for (const key of vocabulary.frontMatterKeys) {
      if (!hasContent(frontMatterValue(doc.frontMatter, key))) continue;
      const range = frontMatterValueRange(doc.frontMatter, key);
      if (range) found.push({ source: 'front-matter', label: key, ...range, marker: range });
    }
  }
  const normalised = normalisedHeadings(doc);
  doc.headings.forEach((heading, index) => {
    if (normalisedHeadingMatches(vocabulary, normalised[index])) {
      found.push({ source: 'heading', label: heading.text, start: heading.start, end: heading.sectionEnd, marker: heading });
    }
  });
  for (const label of labelParagraphs(doc)) {
    if (normalisedHeadingMatches(vocabulary, normaliseHeading(label.text)))
      found.push({ source: 'heading', label: label.text, start: label.start, end: label.sectionEnd, marker: label.marker });
  }
  for (const container of doc.containers) {
    if (classMatches(vocabulary, container.name, container.title)) {
      const marker = { start: container.start, end: doc.lines.lineEnd(doc.lines.lineAt(container.start)) };
      found.push({
        source: 'container',
        label: container.title ?? container.name,
        start: container.start,
        end: container.end,
        marker,
        container,
      });
    }
  }
  const containerStarts = new Set(doc.containers.map((container) => container.start));
  for (const block of doc.mdx) {
    // An MDX component named as a class would be (`<Question>`, `<KnowledgeCheck>`), at its opening tag, unless read as a container
    // already.
    if (
      block.kind !== 'jsx' ||
      block.name === '' ||
      containerStarts.has(block.start) ||
      componentTag(doc.text.slice(block.start, block.end))?.closing
    )
      continue;
    if (classMatches(vocabulary, kebabCase(block.name), undefined))
      found.push({ source: 'component', label: block.name, start: block.start, end: block.end, marker: block });
  }
  return found.sort((a, b) => a.start - b.start);
}

function kebabCase(name: string): string {
  return name
    .replace(/([a-z0-9])([A-Z])/g, '$1-$2')
    .replace(/\./g, '-')
    .toLowerCase();
}

const NORMALISED_HEADINGS = Symbol('normalisedHeadings');

/** The headings' text put through `normaliseHeading`, once per document for every vocabulary. */
function normalisedHeadings(doc: LessonDocument): string[] {
  return doc.derived(NORMALISED_HEADINGS, () => doc.headings.map((heading) => normaliseHeading(heading.text)));
}

/**
 * The key's plain value; when the YAML has an error, what the parser recovered around it, so that
 * one bad line (already reported by front-matter-schema) does not hide the lesson's objectives.
 */
function frontMatterValue(frontMatter: FrontMatter, key: string): unknown {
  if (frontMatter.data) return frontMatter.data[key];
  const contents = frontMatter.document.contents;
  if (!isMap(contents)) return undefined;
  const node: unknown = contents.get(key, true);
  if (isScalar(node)) return node.value;
  return isCollection(node) ? node.items : undefined;
}

function hasContent(value: unknown): boolean {
  if (Array.isArray(value)) return value.length > 0;
  if (typeof value === 'string') return value.trim() !== '';
  return value !== undefined && value !== null && value !== false;
}

export interface ListItemText extends OffsetRange {
  text: string;
}

/** The items of the first list inside a range (the list under an objectives heading or div). */
export function firstListItems(doc: LessonDocument, range: OffsetRange): ListItemText[] {
  const lists = allLists(doc);
  let low = 0;
  let high = lists.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (rangeOf(lists[mid]).start < range.start) low = mid + 1;
    else high = mid;
  }
  for (let index = low; index < lists.length && rangeOf(lists[index]).start <= range.end; index++) {
    if (within(lists[index], range)) return listItems(lists[index]);
  }
  return [];
}

const LISTS = Symbol('lists');

/** Every list of the lesson, nested ones included, in document order. */
export function allLists(doc: LessonDocument): readonly List[] {
  return doc.derived(LISTS, () => preOrder(doc.tree).filter((node): node is List => node.type === 'list'));
}

export function listItems(list: List): ListItemText[] {
  return list.children.flatMap((item) => {
    const start = item.position?.start.offset;
    const end = item.position?.end.offset;
    const first = item.children[0];
    if (start === undefined || end === undefined || !first) return [];
    const firstStart = first.position?.start.offset ?? start;
    const firstEnd = first.position?.end.offset ?? end;
    return [{ start: firstStart, end: firstEnd, text: plainText(first).replace(/\s+/g, ' ').trim() }];
  });
}

export function frontMatterListItems(doc: LessonDocument, key: string): ListItemText[] {
  return doc.frontMatter ? frontMatterItems(doc.frontMatter, key) : [];
}

export function within(node: Nodes, range: OffsetRange): boolean {
  const start = node.position?.start.offset;
  const end = node.position?.end.offset;
  return start !== undefined && end !== undefined && start >= range.start && end <= range.end;
}

export { rangeOf };

/**
 * The items (in document order, by start) that start at or after `from` and before `to` (or at
 * `to`, when `inclusive`), found by binary search: rules ask this for every practice item.
 */
export function startingIn<T extends OffsetRange>(items: readonly T[], from: number, to: number, inclusive = false): readonly T[] {
  const first = firstStartingAt(items, from);
  let last = first;
  while (last < items.length && (items[last].start < to || (inclusive && items[last].start === to))) last++;
  return items.slice(first, last);
}

/** The index of the first item that starts at or after `offset`. */
export function firstStartingAt(items: readonly OffsetRange[], offset: number): number {
  let low = 0;
  let high = items.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (items[mid].start < offset) low = mid + 1;
    else high = mid;
  }
  return low;
}

export function contains(outer: OffsetRange, inner: OffsetRange): boolean {
  return outer.start <= inner.start && inner.end <= outer.end;
}

/** The title line: the first H1, else the front matter `title`, else the first line of the body. */
export function titleRange(doc: LessonDocument): OffsetRange {
  const firstHeading = doc.headings[0];
  if (firstHeading && firstHeading.depth === 1) return { start: firstHeading.start, end: firstHeading.end };
  if (doc.frontMatter) {
    const title = frontMatterValueRange(doc.frontMatter, 'title');
    if (title) return title;
    const line = doc.lines.lineAt(doc.frontMatter.range.start);
    return { start: doc.lines.lineStart(line), end: doc.lines.lineEnd(line) };
  }
  if (firstHeading) return { start: firstHeading.start, end: firstHeading.end };
  for (let line = doc.lines.lineAt(doc.body.start); line < doc.lines.lineCount; line++) {
    if (doc.lines.lineText(line).trim() !== '') return { start: doc.lines.lineStart(line), end: doc.lines.lineEnd(line) };
  }
  return { start: 0, end: 0 };
}
