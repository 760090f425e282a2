import type { UncheckedBlock, UncheckedReason } from './model';
import type { OffsetRange } from '../types/range';

/**
 * Container markers (`>`, `-`, `1.`) opened on one line. micromark's work per line grows with the
 * square of this, and the tree's depth with it; real lessons nest four or five deep.
 */
export const MAX_NESTING = 32;

/**
 * Emphasis, strikethrough, bracket, code and HTML delimiters in one run of lines between blank
 * lines. micromark matches them by walking back over the paragraph's earlier delimiters, which is
 * quadratic in their number. The densest paragraph of 4,944 real lessons holds about 160.
 */
export const MAX_DELIMITERS = 1000;

/** Lengths of backtick runs in one run of lines: each new length makes micromark scan the rest of the paragraph for its closing run. */
export const MAX_CODE_SPAN_LENGTHS = 16;

/**
 * A lesson's checking time, estimated in microseconds on a 2-core machine (fitted to lessons of
 * long paragraphs, of tiny blocks and of dense words): parsing and the rules spend a third of a
 * microsecond a character, 4 a word and 12 more for a word in capitals, 3 a `!`, `&` or `\`, 50 a
 * line, 150 a block, 12 a list or quote marker, 25 a table cell and 150 a definition. Past this
 * budget the blocks that cost most for their size are left out, so that no lesson takes much more
 * than a second and a half on a slow day. A 1 MB lesson of ordinary prose, headings and lists comes
 * to about 3,200,000; none of 5,398 real pages comes to a fifth of the budget.
 */
export const PARSE_BUDGET = 1_000_000;

/**
 * Link and footnote definitions in a lesson. micromark looks each reference up in a list of the
 * definitions so far, so references times definitions is what they cost.
 */
export const MAX_DEFINITIONS = 500;

/** Columns a nested list item is indented by, at most: lists nested by indentation alone are counted by it. */
const LIST_INDENT = 4;

const LINE_COST = 50;
const BLOCK_COST = 150;
const MARKER_COST = 12;
const CELL_COST = 25;
const DEFINITION_COST = 150;
const WORD_COST = 4;
const ACRONYM_COST = 12;
const OPENER_COST = 3;

const SPACE = 32;
const TAB = 9;

/**
 * What a block can open with, besides list and quote markers: a heading, a table row, HTML, a div fence, a thematic break or setext
 * underline, an attribute line.
 */
const BLOCK_START = new Set(['#', '|', '<', ':', '=', '-', '_', '*', '{'].map((character) => character.charCodeAt(0)));

interface Chunk extends OffsetRange {
  delimiters: number;
  definitions: number;
  /** Made at the chunk's first backtick: most chunks have none, and a lesson can have hundreds of thousands of chunks. */
  codeSpanLengths?: Set<number>;
  deepest: number;
  cost: number;
}

/**
 * The runs of lines that would make the Markdown parser super-linear in time or memory, or slower
 * than the budget: whole lines, in document order, apart from each other. Code blocks are not
 * read, since their content is never parsed as Markdown. Starts at `from` (after the front matter).
 */
export function uncheckedBlocks(text: string, from: number): UncheckedBlock[] {
  const chunks = markupChunks(text, from);
  const reasons: Array<UncheckedReason | undefined> = [];
  // What is left out still costs the parser the empty line it leaves, one for each run of blocks left out.
  const leftOut = (index: number) => reasons[index] !== undefined;
  let total = 0;
  let definitions = 0;
  chunks.forEach((chunk, index) => {
    const reason =
      tooCostly(chunk) ??
      (definitions + chunk.definitions > MAX_DEFINITIONS ? { kind: 'definitions' as const, limit: MAX_DEFINITIONS } : undefined);
    reasons.push(reason);
    if (reason) total += leftOut(index - 1) ? 0 : LINE_COST;
    else {
      total += chunk.cost;
      definitions += chunk.definitions;
    }
  });
  if (total > PARSE_BUDGET) {
    const budget: UncheckedReason = { kind: 'budget', limit: PARSE_BUDGET };
    for (const index of dearestFirst(chunks, leftOut)) {
      if (total <= PARSE_BUDGET) break;
      const neighboursLeftOut = Number(leftOut(index - 1)) + Number(leftOut(index + 1));
      total -= chunks[index].cost - LINE_COST + LINE_COST * neighboursLeftOut;
      reasons[index] = budget;
    }
  }
  const unchecked: UncheckedBlock[] = [];
  chunks.forEach((chunk, index) => {
    const reason = reasons[index];
    if (reason) unchecked.push({ start: chunk.start, end: chunk.end, reason });
  });
  return adjacentMerged(text, unchecked);
}

/** The chunks not yet left out, those that cost most for their size first (the earlier first among equals). */
function dearestFirst(chunks: readonly Chunk[], leftOut: (index: number) => boolean): number[] {
  const value = new Float64Array(chunks.length);
  chunks.forEach((chunk, index) => (value[index] = (chunk.cost - LINE_COST) / (chunk.end - chunk.start + 1)));
  return chunks
    .map((_, index) => index)
    .filter((index) => !leftOut(index))
    .sort((a, b) => value[b] - value[a]);
}

/** Blocks with nothing but blank lines between them, as one block: each block left out costs the parser an empty line. */
function adjacentMerged(text: string, blocks: readonly UncheckedBlock[]): UncheckedBlock[] {
  const merged: UncheckedBlock[] = [];
  for (const block of blocks) {
    const last = merged.at(-1);
    if (last && isBlank(text, last.end, block.start)) last.end = block.end;
    else merged.push({ ...block });
  }
  return merged;
}

function isBlank(text: string, start: number, end: number): boolean {
  for (let at = start; at < end; at++) {
    const code = text.charCodeAt(at);
    if (code !== SPACE && code !== TAB && code !== 10 && code !== 13) return false;
  }
  return true;
}

function tooCostly(chunk: Chunk): UncheckedReason | undefined {
  if (chunk.deepest > MAX_NESTING) return { kind: 'nesting', depth: chunk.deepest, limit: MAX_NESTING };
  if (chunk.delimiters > MAX_DELIMITERS) return { kind: 'delimiters', count: chunk.delimiters, limit: MAX_DELIMITERS };
  const codeSpanLengths = chunk.codeSpanLengths?.size ?? 0;
  if (codeSpanLengths > MAX_CODE_SPAN_LENGTHS) return { kind: 'code-spans', count: codeSpanLengths, limit: MAX_CODE_SPAN_LENGTHS };
  return undefined;
}

/** An open fenced code block: its marker, and the container prefix its lines must repeat. */
interface Fence {
  marker: number;
  length: number;
  quotes: number;
  /** The column that the list item around the fence asks its lines for. */
  indent: number;
}

/**
 * The runs of non-blank lines outside code, with what each costs the parser. A code fence belongs
 * to the quotes and the list indentation before it: a line without them ends the code, as it ends
 * the container.
 */
function markupChunks(text: string, from: number): Chunk[] {
  const chunks: Chunk[] = [];
  let chunk: Chunk | undefined;
  let fence: Fence | undefined;
  const close = () => {
    if (chunk) chunks.push(chunk);
    chunk = undefined;
  };
  const startChunk = (at: number, end: number): Chunk => ({ start: at, end, delimiters: 0, definitions: 0, deepest: 0, cost: 0 });
  for (let lineStart = from; lineStart < text.length;) {
    let lineEnd = lineStart;
    while (lineEnd < text.length && text.charCodeAt(lineEnd) !== 10 && text.charCodeAt(lineEnd) !== 13) lineEnd++;
    const next = text.charCodeAt(lineEnd) === 13 && text.charCodeAt(lineEnd + 1) === 10 ? lineEnd + 2 : lineEnd + 1;
    const prefix = containerPrefix(text, lineStart, lineEnd);
    if (fence && (prefix.quotes < fence.quotes || (prefix.indent < fence.indent && prefix.content < lineEnd))) {
      fence = undefined;
      close();
    }
    if (fence && chunk) {
      // A code block is one chunk: its lines cost the parser, though their content is not Markdown.
      chunk.end = lineEnd;
      chunk.cost += characterCost(lineStart, lineEnd) + LINE_COST;
      if (isClosingFence(text, prefix.content, lineEnd, fence)) {
        fence = undefined;
        close();
      }
      lineStart = next;
      continue;
    }
    if (isBlank(text, lineStart, lineEnd)) {
      close();
      lineStart = next;
      continue;
    }
    const opened = openingFence(text, prefix.content, lineEnd);
    if (opened) {
      close();
      // Only a list item asks its lines to be indented; a fence indented up to three spaces does not.
      fence = { ...opened, quotes: prefix.quotes, indent: prefix.markers > prefix.quotes ? prefix.indent : 0 };
      chunk = startChunk(lineStart, lineEnd);
      chunk.cost = characterCost(lineStart, lineEnd) + LINE_COST + BLOCK_COST + MARKER_COST * prefix.markers;
      chunk.deepest = prefix.markers;
      lineStart = next;
      continue;
    }
    chunk ??= startChunk(lineStart, lineEnd);
    const startsBlock = chunk.start === lineStart || prefix.markers > 0 || BLOCK_START.has(text.charCodeAt(prefix.content));
    const depth = prefix.markers > prefix.quotes ? Math.max(prefix.markers, Math.floor(prefix.indent / LIST_INDENT)) : prefix.markers;
    const marks = lineMarkup(text, prefix.content, lineEnd, chunk);
    const definition = text.charCodeAt(prefix.content) === 91 /* [ */ && text.slice(prefix.content, lineEnd).includes(']:');
    chunk.end = lineEnd;
    chunk.delimiters += marks.delimiters;
    if (definition) chunk.definitions++;
    chunk.deepest = Math.max(chunk.deepest, depth);
    chunk.cost +=
      characterCost(lineStart, lineEnd) +
      LINE_COST +
      (startsBlock ? BLOCK_COST : 0) +
      MARKER_COST * prefix.markers +
      CELL_COST * marks.pipes +
      marks.delimiters +
      (definition ? DEFINITION_COST : 0) +
      WORD_COST * marks.words +
      ACRONYM_COST * marks.acronyms +
      OPENER_COST * marks.openers;
    lineStart = next;
  }
  close();
  return chunks;
}

function characterCost(start: number, end: number): number {
  return ((end - start) * 3) / 10;
}

interface Prefix {
  /** Container markers: quotes and list items. */
  markers: number;
  quotes: number;
  /** Column of the content after the markers. */
  indent: number;
  /** Offset of the content after the markers. */
  content: number;
}

function containerPrefix(text: string, start: number, end: number): Prefix {
  let at = start;
  let markers = 0;
  let quotes = 0;
  for (;;) {
    while (at < end && (text.charCodeAt(at) === SPACE || text.charCodeAt(at) === TAB)) at++;
    if (at < end && text.charCodeAt(at) === 62 /* > */) {
      markers++;
      quotes++;
      at++;
      continue;
    }
    const item = listMarkerEnd(text, at, end);
    if (item === undefined) break;
    markers++;
    at = item;
  }
  return { markers, quotes, indent: at - start, content: at };
}

/** After a bullet or ordered list marker followed by white space or the line end. */
function listMarkerEnd(text: string, at: number, end: number): number | undefined {
  if (at >= end) return undefined;
  const code = text.charCodeAt(at);
  let after = at;
  if (code === 45 /* - */ || code === 42 /* * */ || code === 43 /* + */) after = at + 1;
  else {
    while (after < end && after - at < 9 && text.charCodeAt(after) >= 48 && text.charCodeAt(after) <= 57) after++;
    if (after === at || (text.charCodeAt(after) !== 46 /* . */ && text.charCodeAt(after) !== 41) /* ) */) return undefined;
    after++;
  }
  if (after >= end) return after;
  const next = text.charCodeAt(after);
  return next === SPACE || next === TAB ? after : undefined;
}

function openingFence(text: string, at: number, end: number): { marker: number; length: number } | undefined {
  const marker = text.charCodeAt(at);
  if (marker !== 96 /* ` */ && marker !== 126 /* ~ */) return undefined;
  let length = 0;
  while (at + length < end && text.charCodeAt(at + length) === marker) length++;
  if (length < 3) return undefined;
  if (marker === 96 && text.slice(at + length, end).includes('`')) return undefined;
  return { marker, length };
}

function isClosingFence(text: string, at: number, end: number, fence: Fence): boolean {
  let length = 0;
  while (at + length < end && text.charCodeAt(at + length) === fence.marker) length++;
  return length >= fence.length && text.slice(at + length, end).trim() === '';
}

interface LineMarkup {
  delimiters: number;
  pipes: number;
  words: number;
  /** Words that open with two capitals or a capital and a digit ("CRM", "X1"). */
  acronyms: number;
  /** `!`, `&` and `\`, which may open an image, an entity or an escape. */
  openers: number;
}

/**
 * Runs of `*`, `_` or `~`, each bracket and `<`, and runs of backticks (whose lengths are
 * collected); table cell separators; and words, a word being a run of letters and digits (any
 * character past ASCII counts as a letter).
 */
function lineMarkup(text: string, start: number, end: number, chunk: Chunk): LineMarkup {
  let delimiters = 0;
  let pipes = 0;
  let words = 0;
  let acronyms = 0;
  let openers = 0;
  let previous = -1;
  let backticks = 0;
  let inWord = false;
  for (let at = start; at < end; at++) {
    const code = text.charCodeAt(at);
    const wordCharacter = isWordCharacter(code);
    if (wordCharacter && !inWord) {
      words++;
      if (isCapital(code) && at + 1 < end && (isCapital(text.charCodeAt(at + 1)) || isDigit(text.charCodeAt(at + 1)))) acronyms++;
    }
    inWord = wordCharacter;
    if (code === 96 /* ` */) backticks++;
    else if (backticks > 0) {
      (chunk.codeSpanLengths ??= new Set()).add(backticks);
      backticks = 0;
    }
    switch (code) {
      case 42: /* * */
      case 95: /* _ */
      case 126: /* ~ */
      case 96 /* ` */:
        if (code !== previous) delimiters++;
        break;
      case 91: /* [ */
      case 93: /* ] */
      case 60 /* < */:
        delimiters++;
        break;
      case 124 /* | */:
        pipes++;
        break;
      case 33: /* ! */
      case 38: /* & */
      case 92 /* \ */:
        // Each may open an image, an entity or an escape: micromark tries, and makes a token of it.
        openers++;
        break;
    }
    previous = code;
  }
  if (backticks > 0) (chunk.codeSpanLengths ??= new Set()).add(backticks);
  return { delimiters, pipes, words, acronyms, openers };
}

function isWordCharacter(code: number): boolean {
  return isDigit(code) || isCapital(code) || (code >= 97 && code <= 122) || code > 127;
}

function isCapital(code: number): boolean {
  return code >= 65 && code <= 90;
}

function isDigit(code: number): boolean {
  return code >= 48 && code <= 57;
}
