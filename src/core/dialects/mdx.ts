import type { OffsetRange } from '../types/range';

/** One piece of MDX's own syntax on lines of its own: an ESM statement, a component's tag, or an expression. */
export interface MdxBlock extends OffsetRange {
  kind: 'esm' | 'jsx' | 'expression';
  /** A component's name (`Question`, `Tip`); `''` for a fragment, an ESM block or an expression. */
  name: string;
}

export function isMdxPath(path: string | undefined): boolean {
  return path !== undefined && /\.mdx$/i.test(path);
}

const FENCE = /^ {0,3}(`{3,}|~{3,})/;
const ESM = /^(?:import|export)(?=[\s{*])/;
const TAG_START = /^[ \t]*<(\/?)([A-Z][\w.]*|(?=>))/;
const EXPRESSION_START = /^[ \t]*\{/;
/** Past this many lines, a tag or an expression that is still open is taken for text: MDX would refuse the page. */
const MAX_BLOCK_LINES = 400;

/**
 * MDX's own syntax that stands on lines of its own, in order and apart from each other: ESM
 * (`import`/`export`, to the next blank line), components' opening, closing and self-closing tags
 * (their attributes may run over many lines: `<Question choices={[…]} />`) and `{…}` expressions,
 * outside fenced code. Each block is whole lines, up to its last line's end (before the line break). The Markdown between a component's
 * tags stays Markdown. Each line is
 * scanned at most once, so the time is linear in the page's length.
 */
export function mdxBlocks(text: string, from = 0): MdxBlock[] {
  const blocks: MdxBlock[] = [];
  let fence: string | undefined;
  let line = from;
  let afterBlank = true;
  while (line < text.length) {
    const lineEnd = endOfLine(text, line);
    const content = text.slice(line, lineEnd);
    const startsBlock = afterBlank;
    afterBlank = content.trim() === '';
    if (fence) {
      if (closesFence(content, fence)) fence = undefined;
      line = nextLine(text, lineEnd);
      continue;
    }
    const opened = FENCE.exec(content);
    if (opened) {
      fence = opened[1];
      line = nextLine(text, lineEnd);
      continue;
    }
    const block = blockAt(text, line, content, startsBlock);
    if (block && 'end' in block) {
      blocks.push(block);
      afterBlank = true;
      line = nextLine(text, block.end);
    } else line = block ? block.resumeAt : nextLine(text, lineEnd);
  }
  return blocks;
}

function blockAt(text: string, line: number, content: string, startsBlock: boolean): MdxBlock | { resumeAt: number } | undefined {
  // ESM opens a block only after a blank line: "import" at the start of a wrapped line is a word.
  if (startsBlock && ESM.test(content)) return { kind: 'esm', name: '', start: line, end: endOfParagraph(text, line) };
  const tag = TAG_START.exec(content);
  if (tag) return wholeLines(text, line, line + content.indexOf('<'), 'jsx', tag[2]);
  if (EXPRESSION_START.test(content)) return wholeLines(text, line, line + content.indexOf('{'), 'expression', '');
  return undefined;
}

/** The lines from `line` to the end of the tag or expression opened at `open`, when nothing but space follows it. */
function wholeLines(text: string, line: number, open: number, kind: MdxBlock['kind'], name: string): MdxBlock | { resumeAt: number } {
  const close = closingOf(text, open);
  if (close.at === -1) return { resumeAt: close.scannedTo };
  const lineEnd = endOfLine(text, close.at + 1);
  if (text.slice(close.at + 1, lineEnd).trim() !== '') return { resumeAt: nextLine(text, lineEnd) };
  return { kind, name, start: line, end: lineEnd };
}

/**
 * Where the tag or expression that opens at `open` ends (its `>` or `}`), skipping quoted strings,
 * template literals and nested braces; -1 when it is still open after `MAX_BLOCK_LINES` lines.
 */
function closingOf(text: string, open: number): { at: number; scannedTo: number } {
  const isTag = text[open] === '<';
  let depth = isTag ? 0 : 1;
  let quote = '';
  let lines = 0;
  for (let at = open + 1; at < text.length; at++) {
    const char = text[at];
    if (char === '\n' && ++lines > MAX_BLOCK_LINES) return { at: -1, scannedTo: at + 1 };
    if (quote) {
      if (char === '\\') at++;
      else if (char === quote) quote = '';
      continue;
    }
    if (char === '/' && text[at + 1] === '*' && (depth > 0 || !isTag)) {
      const closeComment = text.indexOf('*/', at + 2);
      if (closeComment === -1) return { at: -1, scannedTo: text.length };
      lines += countLineBreaks(text, at, closeComment);
      at = closeComment + 1;
    } else if (char === '"' || char === "'" || char === '`') {
      // In a tag, only an attribute value is quoted: an apostrophe in a word is text.
      if (!isTag || depth > 0 || text[at - 1] === '=') quote = char;
    } else if (char === '{') depth++;
    else if (char === '}') {
      depth--;
      if (!isTag && depth === 0) return { at, scannedTo: at + 1 };
    } else if (char === '>' && isTag && depth === 0) return { at, scannedTo: at + 1 };
  }
  return { at: -1, scannedTo: text.length };
}

function closesFence(content: string, fence: string): boolean {
  const trimmed = content.trimStart();
  if (content.length - trimmed.length > 3) return false;
  let run = 0;
  while (trimmed[run] === fence[0]) run++;
  return run >= fence.length && trimmed.slice(run).trim() === '';
}

function endOfLine(text: string, at: number): number {
  const end = text.indexOf('\n', at);
  return end === -1 ? text.length : end;
}

function nextLine(text: string, lineEnd: number): number {
  return Math.min(lineEnd + 1, text.length);
}

/** The end of the last line before the next blank line, or of the text. */
function endOfParagraph(text: string, line: number): number {
  let end = endOfLine(text, line);
  for (let at = nextLine(text, end); at < text.length; at = nextLine(text, end)) {
    const lineEnd = endOfLine(text, at);
    if (text.slice(at, lineEnd).trim() === '') break;
    end = lineEnd;
  }
  return end;
}

function countLineBreaks(text: string, start: number, end: number): number {
  let count = 0;
  for (let at = text.indexOf('\n', start); at !== -1 && at < end; at = text.indexOf('\n', at + 1)) count++;
  return count;
}

const COMPONENT_TAG = /^\s*<(\/?)([A-Z][A-Za-z0-9]*)\b[^>]*?(\/?)>/;

/**
 * A component's tag that opens a line (`<Question>`, `</Tip>`, `<Youtube id="…" />`), as JSX in MDX or a component in HTML-flavoured
 * Markdown.
 */
export function componentTag(text: string): { name: string; closing: boolean; selfClosing: boolean } | undefined {
  const tag = COMPONENT_TAG.exec(text);
  return tag ? { name: tag[2], closing: tag[1] === '/', selfClosing: tag[3] === '/' } : undefined;
}
