import { isMap, isScalar, isSeq, LineCounter, parseDocument, visit, type Document, type Node as YamlNode } from 'yaml';
import { yamlTooDeep } from '../text/nesting';

import type { OffsetRange } from '../types/range';

export type { OffsetRange } from '../types/range';

export interface YamlProblem extends OffsetRange {
  message: string;
}

export interface FrontMatter {
  /** The whole block, fences included. */
  range: OffsetRange;
  /** The YAML between the fences. */
  content: OffsetRange;
  /** Parsed with the Document API so that comments, order and quoting are kept for later edits. */
  document: Document.Parsed;
  /** Plain data; `undefined` when the YAML does not parse or is not a mapping. */
  data: Record<string, unknown> | undefined;
  problems: YamlProblem[];
}

/**
 * Parses the YAML between the fences that remark found. Offsets are shifted into the lesson's text,
 * so that a problem or a value can be pointed at in the editor.
 */
export function parseFrontMatter(text: string, range: OffsetRange): FrontMatter {
  const firstLineEnd = text.indexOf('\n', range.start);
  const contentStart = firstLineEnd === -1 ? range.end : Math.min(firstLineEnd + 1, range.end);
  const closingLineStart = text.lastIndexOf('\n', range.end - 1);
  const contentEnd = Math.max(contentStart, closingLineStart === -1 ? range.end : closingLineStart + 1);
  const source = text.slice(contentStart, contentEnd);
  let lastContent = contentEnd;
  while (lastContent > contentStart && (text[lastContent - 1] === '\n' || text[lastContent - 1] === '\r')) lastContent--;
  const refused = unreadable(source);
  if (refused) {
    const start = Math.min(contentStart + refused.offset, Math.max(contentStart, lastContent - 1));
    return {
      range,
      content: { start: contentStart, end: contentEnd },
      document: parseDocument(''),
      data: undefined,
      problems: [{ message: refused.message, start, end: start + 1 }],
    };
  }
  const document = parseDocument(source, {
    keepSourceTokens: false,
    prettyErrors: false,
    uniqueKeys: false,
    lineCounter: new LineCounter(),
  });
  const problems: YamlProblem[] = [...document.errors].map((error) => {
    const [from, to] = error.pos;
    const start = Math.max(contentStart, Math.min(contentStart + from, lastContent - 1));
    return { message: error.message.split('\n')[0], start, end: Math.max(start + 1, Math.min(contentStart + to, lastContent)) };
  });
  for (const key of duplicateKeys(document)) {
    const start = Math.max(contentStart, Math.min(contentStart + key.start, lastContent - 1));
    problems.push({ message: 'Map keys must be unique', start, end: start + 1 });
  }
  problems.sort((a, b) => a.start - b.start);
  if (problems.length === 0) problems.push(...selfAliases(document, contentStart));
  let data: Record<string, unknown> | undefined;
  if (problems.length === 0) {
    try {
      const value: unknown = document.toJS({ maxAliasCount: 100 });
      if (value && typeof value === 'object' && !Array.isArray(value)) data = value as Record<string, unknown>;
    } catch (error) {
      problems.push({
        message: error instanceof Error ? error.message : String(error),
        start: contentStart,
        end: Math.max(contentStart + 1, lastContent),
      });
    }
  }
  return { range, content: { start: contentStart, end: contentEnd }, document, data, problems };
}

/**
 * Front matter longer than this is not parsed: lessons' front matter is a few hundred characters, and YAML parsers are slow on megabytes.
 */
export const MAX_FRONT_MATTER_LENGTH = 64 * 1024;

/** Aliases in one front matter; `yaml` counts the nodes behind each alias, so many aliases cost their square. */
export const MAX_ALIASES = 100;

/** Why a front matter is not handed to a YAML parser at all: too long, or nested too deep for parsers that recurse. */
export function unreadable(source: string): { message: string; offset: number } | undefined {
  if (source.length > MAX_FRONT_MATTER_LENGTH) {
    return {
      message:
        `front matter too long: ${source.length.toLocaleString('en-US')} characters, at most ` +
        `${MAX_FRONT_MATTER_LENGTH.toLocaleString('en-US')} are read`,
      offset: MAX_FRONT_MATTER_LENGTH,
    };
  }
  const tooDeep = yamlTooDeep(source);
  if (tooDeep)
    return {
      message: `front matter nests too deep: more than ${tooDeep.limit} levels of lists and mappings, at most ${tooDeep.limit} are read`,
      offset: tooDeep.offset,
    };
  return undefined;
}

/**
 * The keys that repeat an earlier key of the same mapping, as `yaml`'s `uniqueKeys` finds them
 * (scalars with the same value), in one pass: `uniqueKeys` compares each key with every earlier
 * one, which takes minutes on a front matter of many keys.
 */
export function duplicateKeys(document: Document): OffsetRange[] {
  const duplicates: OffsetRange[] = [];
  visit(document, {
    Map(_key, map) {
      const seen = new Set<unknown>();
      for (const pair of map.items) {
        if (!isScalar(pair.key) || Number.isNaN(pair.key.value)) continue;
        if (seen.has(pair.key.value)) {
          const [start, end] = pair.key.range ?? [0, 0];
          duplicates.push({ start, end });
        }
        seen.add(pair.key.value);
      }
    },
  });
  return duplicates;
}

/** Aliases inside the node they refer to (`a: &a [*a]`): their value would contain itself, which no reader can write out. */
function selfAliases(document: Document.Parsed, offset: number): YamlProblem[] {
  const problems: YamlProblem[] = [];
  let aliases = 0;
  visit(document, {
    Alias(_key, alias) {
      const [start, end] = alias.range ?? [0, 0];
      if (++aliases > MAX_ALIASES) {
        problems.push({
          message: `too many aliases: more than ${MAX_ALIASES}, at most ${MAX_ALIASES} are read`,
          start: offset + start,
          end: offset + Math.max(end, start + 1),
        });
        return visit.BREAK;
      }
      const target = alias.resolve(document);
      if (target?.range && target.range[0] <= start && end <= target.range[1]) {
        problems.push({
          message: `alias *${alias.source} refers to a node that contains it, so its value would contain itself`,
          start: offset + start,
          end: offset + Math.max(end, start + 1),
        });
      }
      return undefined;
    },
  });
  return problems;
}

/** The text range of a top-level key's value (or of the key itself when the value is empty). */
export function frontMatterValueRange(frontMatter: FrontMatter, key: string): OffsetRange | undefined {
  const contents = frontMatter.document.contents;
  if (!isMap(contents)) return undefined;
  for (const pair of contents.items) {
    if (!isScalar(pair.key) || pair.key.value !== key) continue;
    const node = (pair.value as YamlNode | null) ?? pair.key;
    return shift(node, frontMatter.content.start);
  }
  return undefined;
}

/** Each item of a top-level sequence (or the single scalar) of a key, with its text range. */
export function frontMatterItems(frontMatter: FrontMatter, key: string): Array<OffsetRange & { text: string }> {
  const contents = frontMatter.document.contents;
  if (!isMap(contents)) return [];
  const value = contents.get(key, true) as YamlNode | undefined;
  if (isSeq(value)) {
    return value.items.flatMap((item) => {
      if (!isScalar(item) || item.value == null) return [];
      const range = shift(item as YamlNode, frontMatter.content.start);
      return range ? [{ ...range, text: String(item.value) }] : [];
    });
  }
  if (isScalar(value) && typeof value.value === 'string' && value.value.trim() !== '') {
    const range = shift(value as YamlNode, frontMatter.content.start);
    return range ? [{ ...range, text: value.value }] : [];
  }
  return [];
}

function shift(node: YamlNode, by: number): OffsetRange | undefined {
  if (!node.range) return undefined;
  const [start, valueEnd] = node.range;
  return { start: by + start, end: by + valueEnd };
}

export type FrontMatterLocation =
  | { kind: 'none' }
  | { kind: 'unclosed'; range: OffsetRange }
  /** `range` spans the fences; `content` is the YAML between them, from the line after `---` to the start of the closing line. */
  | { kind: 'yaml'; range: OffsetRange; content: OffsetRange };

const FENCE = /^---[ \t]*$/;

/**
 * Finds the front matter the way remark-frontmatter does (a `---` first line, closed by the next
 * `---` line), without parsing the Markdown: for writers and the review index, which read only the
 * head of a file. `text` has no byte-order mark.
 */
export function locateFrontMatter(text: string): FrontMatterLocation {
  const firstEnd = lineEnd(text, 0);
  if (!FENCE.test(text.slice(0, firstEnd)) || firstEnd === text.length) return { kind: 'none' };
  const contentStart = afterLineBreak(text, firstEnd);
  for (let lineStart = contentStart; lineStart < text.length;) {
    const end = lineEnd(text, lineStart);
    if (FENCE.test(text.slice(lineStart, end))) {
      if (readsAsMarkdown(text.slice(contentStart, lineStart))) return { kind: 'none' };
      return { kind: 'yaml', range: { start: 0, end }, content: { start: contentStart, end: lineStart } };
    }
    lineStart = afterLineBreak(text, end);
  }
  return readsAsMarkdown(text.slice(contentStart, contentStart + 2000))
    ? { kind: 'none' }
    : { kind: 'unclosed', range: { start: 0, end: firstEnd } };
}

const KEY_LINE = /^[ \t]*(?:- +)?["']?[\w$@][^:\n]*:(?:[ \t\r]|$)/m;
const SENTENCE_LINE = /^[ \t]*[*_]*[A-Z][^\n]*\s\S+\s\S+[^\n]*[.!?][*_)"']*[ \t]*$/m;

/**
 * A file may open with a thematic break (`---`) and go on in Markdown: then there is no front
 * matter, even when another `---` follows. Only text without a single `key:` line that holds a
 * sentence reads so (a `# heading` could be a YAML comment); anything else is left to the YAML
 * parser, which says what is wrong.
 */
function readsAsMarkdown(content: string): boolean {
  return !KEY_LINE.test(content) && SENTENCE_LINE.test(content);
}

function lineEnd(text: string, from: number): number {
  for (let i = from; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code === 10 || code === 13) return i;
  }
  return text.length;
}

function afterLineBreak(text: string, at: number): number {
  if (text.charCodeAt(at) === 13 && text.charCodeAt(at + 1) === 10) return at + 2;
  return at < text.length ? at + 1 : at;
}

/**
 * The text range of the node at a path (`['review', 'sme', 'due']`), or of its key; when the path
 * does not exist, of its deepest existing ancestor's key, so that a finding still has a place.
 */
export function frontMatterPathRange(
  frontMatter: FrontMatter,
  path: readonly (string | number)[],
  part: 'value' | 'key' = 'value',
): OffsetRange | undefined {
  let node: unknown = frontMatter.document.contents;
  let found: OffsetRange | undefined;
  for (const segment of path) {
    if (!isMap(node) && !isSeq(node)) break;
    const pair = isMap(node) ? node.items.find((item) => (isScalar(item.key) ? item.key.value : item.key) === segment) : undefined;
    const key = pair && isScalar(pair.key) ? shift(pair.key as YamlNode, frontMatter.content.start) : undefined;
    const child: unknown = isMap(node) ? pair?.value : node.items[Number(segment)];
    if (isMap(node) && !pair) break;
    const value = child && typeof child === 'object' && 'range' in child ? shift(child as YamlNode, frontMatter.content.start) : undefined;
    found = part === 'key' && key ? key : (value ?? key ?? found);
    node = child;
  }
  return found;
}
