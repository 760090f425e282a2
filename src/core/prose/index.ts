import type { LessonDocument } from '../document/model';
import type { ProseBlock } from '../document/prose';
import type { SharedSettings } from '../rules/rule';
import { sentencesOf, wordsOf, type Sentence } from './tokens';

export { isSentenceStart, looksLikeProse, sentencesOf, syllables, wordsOf, type Sentence, type Span } from './tokens';

export interface BlockSentence extends Sentence {
  block: ProseBlock;
}

const SENTENCES = Symbol('sentences');

/** Every sentence of the lesson's prose, computed once per document and shared by the rules. */
export function sentences(doc: LessonDocument): BlockSentence[] {
  return doc.derived(SENTENCES, () => doc.prose.flatMap((block) => sentencesOf(block).map((sentence) => ({ ...sentence, block }))));
}

const WORD_COUNTS = Symbol('wordCounts');

/** The number of words in a prose block, counted once per document and shared by the rules. */
export function wordCount(doc: LessonDocument, block: ProseBlock): number {
  const counts = doc.derived(WORD_COUNTS, () => new Map<ProseBlock, number>());
  let count = counts.get(block);
  if (count === undefined) {
    count = wordsOf(block.text).length;
    counts.set(block, count);
  }
  return count;
}

export interface PhraseMatch {
  /** The matched text as written. */
  text: string;
  /** Document offsets. */
  start: number;
  end: number;
  block: ProseBlock;
  match: RegExpMatchArray;
}

/**
 * One case-insensitive, word-bounded pattern for a list of phrases; longer phrases win. Plain
 * ASCII phrases get `\b` boundaries, which V8 matches about three times faster than Unicode
 * look-arounds.
 */
export function phrasePattern(phrases: readonly string[], flags = 'giu'): RegExp {
  const alternatives = [...phrases]
    .sort((a, b) => b.length - a.length)
    .map((phrase) => phrase.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/\s+/g, '\\s+'));
  const body = alternatives.join('|') || '(?!)';
  if (phrases.every((phrase) => /^[A-Za-z0-9](?:[\x20-\x7E]*[A-Za-z0-9])?$/.test(phrase))) return new RegExp(`\\b(?:${body})\\b`, flags.replace('u', ''));
  return new RegExp(`(?<![\\p{L}\\p{N}_-])(?:${body})(?![\\p{L}\\p{N}_])`, flags);
}

/**
 * Matches of a pattern in every prose block, skipping the team's allowlisted words and phrases.
 * An `anchor`, a cheap pattern that every match contains, skips the blocks that cannot match.
 */
export function findInProse(doc: LessonDocument, pattern: RegExp, settings: SharedSettings, anchor?: RegExp): PhraseMatch[] {
  const found: PhraseMatch[] = [];
  const global = pattern.global ? pattern : new RegExp(pattern.source, `${pattern.flags}g`);
  for (const block of doc.prose) {
    if (anchor && !anchor.test(block.text)) continue;
    for (const match of block.text.matchAll(global)) {
      const at = match.index ?? 0;
      if (isAllowed(settings, match[0])) continue;
      const range = block.sourceRange(at, at + match[0].length);
      found.push({ text: match[0], ...range, block, match });
    }
  }
  return found;
}

const NEGATION = /(?:\b(?:not|never|no|nothing|nobody|none|neither|nor|without|cannot)|n[’']t)$/iu;
const CLAUSE_START = /[.!?;:]\s+(?=[^.!?;:]*$)/u;

/**
 * A negation among the `words` words before `at`, within the same clause: "is not risk-free",
 * "doesn't always work", "no course can guarantee that you will get hired" (with `words` of 8).
 */
export function isNegated(text: string, at: number, words = 3): boolean {
  const before = text.slice(Math.max(0, at - 12 * words), at);
  const clause = before.slice((CLAUSE_START.exec(before)?.index ?? -1) + 1);
  return clause
    .split(/\s+/)
    .filter(Boolean)
    .slice(-words)
    .some((word) => NEGATION.test(word.replace(/[^\p{L}’']+$/u, '')));
}

/** Matches of a rule's built-in pattern (with its cheap anchor) and of the extra phrases its options add. */
export function findWithExtraPhrases(doc: LessonDocument, settings: SharedSettings, builtIn: RegExp, anchor: RegExp, extra: readonly string[]): PhraseMatch[] {
  const found = findInProse(doc, builtIn, settings, anchor);
  return extra.length === 0 ? found : [...found, ...findInProse(doc, phrasePattern(extra), settings)];
}

export function isAllowed(settings: SharedSettings, text: string): boolean {
  return settings.allowed.has(text.toLowerCase().replace(/\s+/g, ' '));
}
