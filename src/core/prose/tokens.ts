import { CODE_STAND_IN, type ProseBlock } from '../document/prose';
import { allMatches } from '../text/matches';
import { oneLine } from '../text/pattern';

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
const ABBREVIATIONS = new Set(['e.g', 'i.e', 'etc', 'vs', 'cf', 'dr', 'mr', 'mrs', 'ms', 'prof', 'approx', 'inc', 'ltd', 'st']);
/** Abbreviations that stand before a number: "Fig. 2", "No. 5", "pp. 10-12". */
const NUMBERED = new Set(['fig', 'no', 'eq', 'ch', 'sec', 'vol', 'p', 'pp']);
const SENTENCE_END = /[.!?…]+["')\]”’]*(?=\s+|$)/g;

const TRAILING_MARKS = /['’-]+$/;

export function wordsOf(text: string, offset = 0): Span[] {
  const words: Span[] = [];
  for (const match of allMatches(WORD, text)) {
    const last = match[0].charCodeAt(match[0].length - 1);
    const word = last === 39 /* ' */ || last === 0x2019 /* ’ */ || last === 45 /* - */ ? match[0].replace(TRAILING_MARKS, '') : match[0];
    const start = offset + match.index;
    words.push({ text: word, start, end: start + word.length });
  }
  return words;
}

/**
 * Splits a block into sentences at `.`, `!`, `?` followed by white space, skipping common
 * abbreviations, decimals and initials. A heading is one sentence; a paragraph or a table cell
 * may hold several.
 */
export function sentencesOf(block: ProseBlock): Sentence[] {
  const text = block.text;
  if (block.kind === 'heading') return [sentence(text, 0, text.length)].filter((candidate) => candidate.words.length > 0);
  const sentences: Sentence[] = [];
  let start = 0;
  for (const match of allMatches(SENTENCE_END, text)) {
    const end = (match.index ?? 0) + match[0].length;
    if (isAbbreviation(text, match.index ?? 0, end)) continue;
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
  const part = text.slice(from, to);
  // `trim` removes what `\s` matches.
  const start = from + part.length - part.trimStart().length;
  const end = Math.max(start, to - (part.length - part.trimEnd().length));
  const slice = text.slice(start, end);
  return { text: slice, start, end, words: wordsOf(slice, start) };
}

function isAbbreviation(text: string, dotAt: number, end: number): boolean {
  if (text[dotAt] !== '.') return false;
  const before = (/([\p{L}.]+)$/u.exec(text.slice(Math.max(0, dotAt - 12), dotAt))?.[1] ?? '').toLowerCase();
  const next = /^\s*(\S)/.exec(text.slice(end, end + 8))?.[1] ?? '';
  if (before === 'etc') return !/\p{Lu}/u.test(next);
  if (ABBREVIATIONS.has(before)) return true;
  if (NUMBERED.has(before) && /\d/.test(next)) return true;
  if (/\p{Lu}/u.test(text.charAt(dotAt - 1)) && (dotAt < 2 || /[\s.(]/.test(text.charAt(dotAt - 2)))) return true;
  return /\d/.test(text.charAt(dotAt - 1)) && /\d/.test(text.charAt(dotAt + 1));
}

const AFTER_SENTENCE = /[.!?:]["')\]”’*_]*\s+$/;

/** Whether `at` in a prose block's text starts a sentence (or the block: a heading, a list item, a cell). */
export function isSentenceStart(text: string, at: number): boolean {
  const before = text.slice(Math.max(0, at - 8), at);
  return (at <= 8 && before.trim() === '') || AFTER_SENTENCE.test(before);
}

/** Not running prose: a table row that the parser left as a paragraph, TeX, a log line, a list of numbers. */
export function looksLikeProse(sentence: Sentence): boolean {
  if (NOT_PROSE.test(sentence.text)) return false;
  let letters = 0;
  for (const word of sentence.words) if (HAS_LETTER.test(word.text)) letters++;
  return letters >= sentence.words.length * 0.75;
}

const NOT_PROSE = /\|[^|\n]*\||\$\$|\\[a-z]+\{|\b\d{4}-\d\d-\d\d[ T]\d\d:\d\d/;
const HAS_LETTER = new RegExp(`[\\p{L}${CODE_STAND_IN}]`, 'u');

const VOWEL_GROUP = /[aeiouy]+/g;
/**
 * Vowel pairs read as two syllables ("vi-a", "ide-a", "vid-e-o", "act-u-al", "cre-ate", "go-ing", "eas-i-er"), and other missed syllables.
 */
const EXTRA_SYLLABLE = new RegExp(
  [
    /(?<![cghstx])i[ao]/,
    /[cst]ia(?=t)/,
    /tio$/,
    /(?<![pmh])eo(?![un])/,
    /oe(?=[mtf])/,
    /(?<![qg])u[ao]/,
    /(?<![qg])ue(?=n)/,
    /iu/,
    /^(?:cre|re|pre)a(?=t|ct|li)/,
    /(?<=\w\w)ea(?=s?$)/,
    /(?<=lin|nucl)ea(?=r)/,
    /(?<=[aeiouy])i(?=ng)/,
    /(?<=[^aeiouy])ie(?=rs?$|st$|ty)/,
    /(?<=sc|[^aeiouyct])ie(?=n[ct])/,
    /(?<=[aeiou])y(?=[aou]|e(?![ds]?$)|i(?!ng))/,
    /yone$/,
    /^re(?=[ou]|i(?!gn)|a(?:ss|rr))/,
    /^coo(?=r|p)/,
    /(?:[^aeiouy]|qu)ire[sd]?$/,
    /(?:sm|thm)s?$/,
    /^h?our/,
  ]
    .map((pattern) => pattern.source)
    .join('|'),
  'g',
);
/** Silent letters inside a word: "some-thing", "file-name", "use-ful", "state-ment", "auto-mat-ic-ly", "ev-ry". */
const SILENT_E_HEAD = new RegExp(oneLine`
  ^(?:some|where|there|home|base|file|time|code|name|note|side|life|state|store|use|care|hope|love|safe|sure|make|take|type|case|
  space|whole|more|none|house|frame|fore|mile|guide|pipe|stake|else)(?=[^aeiouyrd][^aeiouy]*[aeiouy])(?!ver)`);
const SILENT_E_SUFFIX = /[aeiouy](?:[^aeiouyl]|[rn]c|dg|ng)e(?:ly|ful|ment|ments|ness|less)$/;
const FEWER_SYLLABLES = [/ically$/, /^every(?=\w)/, /^interest/, /[qg]ue$/, /vio(?=u?r)/, /(?<=\w[aeiou](?:[ln]|ll))i[ao](?=[nr])/];
const SYLLABIC_ENDING = /[^aeiouy][lr]es?$/;
const SYLLABLES: ReadonlyMap<string, number> = new Map([
  ['recipe', 3],
  ['recipes', 3],
  ['several', 2],
  ['business', 2],
  ['businesses', 3],
  ['maybe', 2],
  ['boolean', 3],
  ['temperature', 3],
  ['temperatures', 3],
  ['especially', 3],
  ['whereas', 2],
]);
/** Every correction above needs two vowels in a row or one of these endings; most words have neither. */
const MAY_ADJUST = /[aeiouy]{2}|ire[sd]?$|sms?$|thms?$|ically$|^every|^interest/;
const PLAIN_WORD = /^[a-z]+$/;
const ONE_VOWEL = /^[^aeiouy]*[aeiouy][^aeiouy]*$(?<!sms?|thms?)/;
const ACRONYM_WORD = /^\p{Lu}{2,}s?$/u;

/**
 * Syllables by vowel groups, corrected for silent endings (-e, -es, -ed), compounds and vowel pairs
 * read as two syllables. Measured against the CMU pronouncing dictionary on the words of 482 real
 * lessons: right for about 99% of words, counted by use. An acronym is read letter by letter ("API" is a-p-i).
 */
export function syllables(word: string): number {
  if (ACRONYM_WORD.test(word)) return Math.min(4, word.replace(/s$/, '').length);
  let lower = word.toLowerCase();
  let count = 0;
  if (!PLAIN_WORD.test(lower)) {
    lower = lower.replace(/\u2019/g, "'");
    if (/[^aeiouy']n't$/.test(lower)) count++;
    lower = lower.replace(/'.*$/, '').replace(/[^a-z]/g, '');
    if (lower.length === 0) return word.length > 0 ? 1 : 0;
  }
  if (ONE_VOWEL.test(lower)) return 1 + count;
  const known = SYLLABLES.get(lower);
  if (known !== undefined) return known + count;
  count += lower.match(VOWEL_GROUP)?.length ?? 0;
  if (MAY_ADJUST.test(lower)) {
    count += lower.match(EXTRA_SYLLABLE)?.length ?? 0;
    for (const pattern of FEWER_SYLLABLES) if (pattern.test(lower)) count--;
  }
  if (/[^aeiouy]e$/.test(lower)) {
    if (!SYLLABIC_ENDING.test(lower)) count--;
  } else if (/[^aeiouy]es$/.test(lower)) {
    if (!/(?:[sxz]|[cs]h|[gc])es$/.test(lower) && !SYLLABIC_ENDING.test(lower)) count--;
  } else if (/[qg]ues$/.test(lower)) count--;
  else if (/[^aeiouytd]ed$/.test(lower) && !/[^aeiouyl]led$/.test(lower)) count--;
  if (SILENT_E_SUFFIX.test(lower) || SILENT_E_HEAD.test(lower)) count--;
  return Math.max(1, count);
}

/** Longer than any real sentence: how far `sentenceAround` looks, so that text without full stops is not read whole at each word. */
const MAX_SENTENCE = 2000;

/**
 * The sentence around `at` in a prose block's text, by its punctuation alone: from after the last
 * `.`, `!` or `?` followed by a space (or a line break) before `at`, to the next one after it.
 */
export function sentenceAround(text: string, at: number): { start: number; end: number } {
  let start = at;
  const earliest = Math.max(0, at - MAX_SENTENCE);
  while (start > earliest && !endsSentence(text, start - 1)) start--;
  let end = at;
  const latest = Math.min(text.length, at + MAX_SENTENCE);
  while (end < latest && !(isTerminal(text.charCodeAt(end)) && (end + 1 === text.length || isSpace(text.charCodeAt(end + 1))))) end++;
  return { start, end };
}

/** `at` holds a line break, or a full stop, `!` or `?` that a space follows. */
function endsSentence(text: string, at: number): boolean {
  const code = text.charCodeAt(at);
  if (code === 10) return true;
  return isSpace(code) && at > 0 && isTerminal(text.charCodeAt(at - 1));
}

function isSpace(code: number): boolean {
  return code === 32 || code === 9 || code === 10 || code === 13 || code === 0xa0;
}

function isTerminal(code: number): boolean {
  return code === 46 /* . */ || code === 33 /* ! */ || code === 63; /* ? */
}
