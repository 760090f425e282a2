import { CODE_STAND_IN, type ProseBlock } from '../document/prose';

/** A span of a prose block's text; `start`/`end` are offsets into `block.text`. */
export interface Span {
  text: string;
  start: number;
  end: number;
}

export interface Sentence extends Span {
  words: Span[];
}

const WORD = new RegExp(`[\\p{L}\\p{N}${CODE_STAND_IN}][\\p{L}\\p{N}\\p{M}'’${CODE_STAND_IN}-]*`, 'gu');
const ABBREVIATIONS = new Set(['e.g', 'i.e', 'etc', 'vs', 'cf', 'dr', 'mr', 'mrs', 'ms', 'prof', 'fig', 'no', 'approx', 'inc', 'ltd', 'st', 'eq', 'ch', 'sec', 'vol', 'p', 'pp']);
const SENTENCE_END = /[.!?…]+["')\]”’]*(?=\s+|$)/g;

export function wordsOf(text: string, offset = 0): Span[] {
  const words: Span[] = [];
  for (const match of text.matchAll(WORD)) {
    const word = match[0].replace(/['’-]+$/, '');
    const start = offset + (match.index ?? 0);
    words.push({ text: word, start, end: start + word.length });
  }
  return words;
}

/**
 * Splits a block into sentences at `.`, `!`, `?` followed by white space, skipping common
 * abbreviations, decimals and initials. Headings and table cells are one sentence each.
 */
export function sentencesOf(block: ProseBlock): Sentence[] {
  const text = block.text;
  if (block.kind !== 'paragraph') return [sentence(text, 0, text.length)].filter((candidate) => candidate.words.length > 0);
  const sentences: Sentence[] = [];
  let start = 0;
  for (const match of text.matchAll(SENTENCE_END)) {
    const end = (match.index ?? 0) + match[0].length;
    if (isAbbreviation(text, match.index ?? 0)) continue;
    const candidate = sentence(text, start, end);
    if (candidate.words.length > 0) sentences.push(candidate);
    start = end;
  }
  if (start < text.length) {
    const rest = sentence(text, start, text.length);
    if (rest.words.length > 0) sentences.push(rest);
  }
  return sentences;
}

function sentence(text: string, from: number, to: number): Sentence {
  const lead = /^\s*/.exec(text.slice(from, to))?.[0].length ?? 0;
  const trail = /\s*$/.exec(text.slice(from, to))?.[0].length ?? 0;
  const start = from + lead;
  const end = Math.max(start, to - trail);
  const slice = text.slice(start, end);
  return { text: slice, start, end, words: wordsOf(slice, start) };
}

function isAbbreviation(text: string, dotAt: number): boolean {
  if (text[dotAt] !== '.') return false;
  const before = /([\p{L}.]+)$/u.exec(text.slice(Math.max(0, dotAt - 12), dotAt))?.[1] ?? '';
  if (ABBREVIATIONS.has(before.toLowerCase())) return true;
  if (/^\p{Lu}$/u.test(before)) return true;
  return /\d$/.test(text.slice(0, dotAt)) && /^\.\d/.test(text.slice(dotAt, dotAt + 2));
}

/** Syllables by vowel groups, with the usual English corrections; good enough for readability grades. */
export function syllables(word: string): number {
  const lower = word.toLowerCase().replace(/[^a-z]/g, '');
  if (lower.length === 0) return word.length > 0 ? 1 : 0;
  if (lower.length <= 3) return 1;
  const trimmed = lower.replace(/(?:[^laeiouy]es|[^laeiouy]ed|[^laeiouy]e)$/, '').replace(/^y/, '');
  const groups = trimmed.match(/[aeiouy]{1,2}/g);
  return Math.max(1, groups ? groups.length : 1);
}
