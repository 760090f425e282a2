import type { LessonDocument } from '../document/model';
import type { ProseBlock } from '../document/prose';
import type { SharedSettings } from '../types/settings';
import { caseless, foldCase, type CaselessPattern } from '../text/caseless';
import { allMatches } from '../text/matches';
import { sentencesOf, type Sentence } from './tokens';

export { inReportedSpeech, inShortQuotation, insideQuotation } from './quotation';
export { isSentenceStart, looksLikeProse, sentenceAround, sentencesOf, syllables, wordsOf, type Sentence, type Span } from './tokens';

export interface BlockSentence extends Sentence {
  block: ProseBlock;
}

const SENTENCES = Symbol('sentences');

/** Every sentence of the lesson's prose, split once per block text and shared by the rules. */
export function sentences(doc: LessonDocument): BlockSentence[] {
  return doc.derived(SENTENCES, () => {
    const all: BlockSentence[] = [];
    for (const block of doc.prose) for (const sentence of blockSentences(block)) all.push({ ...sentence, block });
    return all;
  });
}

/** The sentences of one prose block, offsets in its text. */
export function blockSentences(block: ProseBlock): readonly Sentence[] {
  return block.derived(SENTENCES, sentencesOf);
}

const WORD_COUNT = Symbol('wordCount');

/** The number of words in a prose block, counted once per block text and shared by the rules. */
export function wordCount(block: ProseBlock): number {
  return block.derived(WORD_COUNT, countWords);
}

/** A sentence ends at punctuation that no word holds, so the sentences' words are the block's words. */
function countWords(block: ProseBlock): number {
  let count = 0;
  for (const sentence of blockSentences(block)) count += sentence.words.length;
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
  if (phrases.every((phrase) => /^[A-Za-z0-9](?:[\x20-\x7E]*[A-Za-z0-9])?$/.test(phrase)))
    return new RegExp(`\\b(?:${body})\\b`, flags.replace('u', ''));
  return new RegExp(`(?<![\\p{L}\\p{N}_-])(?:${body})(?![\\p{L}\\p{N}_])`, flags);
}

/**
 * Matches of a pattern in every prose block, skipping the team's allowlisted words and phrases.
 * An `anchor`, a cheap pattern that every match contains, skips the blocks that cannot match.
 */
export function findInProse(doc: LessonDocument, pattern: RegExp, settings: SharedSettings, anchor?: RegExp): PhraseMatch[] {
  const found: PhraseMatch[] = [];
  const search = new BlockSearch(pattern, anchor);
  for (const block of doc.prose) {
    for (const match of search.matchesIn(block)) {
      const at = match.index ?? 0;
      if (isAllowed(settings, match[0])) continue;
      const range = block.sourceRange(at, at + match[0].length);
      found.push({ text: match[0], ...range, block, match });
    }
  }
  return found;
}

const NO_MATCHES: readonly RegExpMatchArray[] = [];

/** The matches of a pattern in a block, and the flags they were found with. */
interface BlockMatches {
  flags: string;
  matches: readonly RegExpMatchArray[];
}

/**
 * A pattern whose matches are found once per block text. They are kept under the pattern's
 * source, so that a pattern built again from the same options finds them too. An `anchor`, a cheap
 * pattern that every match contains, skips the blocks that cannot match.
 */
export class BlockSearch {
  private readonly flags: string;
  private readonly global: RegExp;
  private readonly none: BlockMatches;
  private readonly anchor: CaselessPattern | undefined;

  constructor(
    private readonly pattern: RegExp,
    anchor?: RegExp,
  ) {
    this.anchor = anchor && caseless(anchor);
    this.flags = pattern.flags;
    this.global = pattern.global ? pattern : new RegExp(pattern.source, `${this.flags}g`);
    this.none = { flags: this.flags, matches: NO_MATCHES };
  }

  matchesIn(block: ProseBlock): readonly RegExpMatchArray[] {
    const known = block.derived(this.pattern.source, this.find);
    return known.flags === this.flags ? known.matches : this.find(block).matches;
  }

  private readonly find = (block: ProseBlock): BlockMatches => {
    if (this.anchor && !this.anchor.test(block.text, foldedText(block))) return this.none;
    const matches = allMatches(this.global, block.text);
    return matches.length === 0 ? this.none : { flags: this.flags, matches };
  };
}

/** The block's text folded to lower case, for case-insensitive anchors: once per block, whichever rule asks first. */
export function foldedText(block: ProseBlock): string | undefined {
  return block.derived(FOLDED, (it) => foldCase(it.text));
}

const FOLDED = Symbol('folded');

const NEGATION = /(?:\b(?:not|never|no|nothing|nobody|none|neither|nor|without|cannot)|n[’']t)$/iu;
const CLAUSE_START = /[.!?;:]\s+(?=[^.!?;:]*$)/u;
/** A sentence that opens with its condition, which a comma ends: "Once you can do it without the card, …". */
const CONDITION_FIRST = /^\s*(?:once|when|whenever|if|after|as\s+soon\s+as|until|before|by\s+the\s+time)\b[^,]*,/iu;

/**
 * A negation among the `words` words before `at`, within the same clause: "is not risk-free",
 * "doesn't always work", "no course can guarantee that you will get hired" (with `words` of 8).
 */
export function isNegated(text: string, at: number, words = 3): boolean {
  const before = text.slice(Math.max(0, at - 12 * words), at);
  const sentence = before.slice((CLAUSE_START.exec(before)?.index ?? -1) + 1);
  // "Once you can do it without the card, you'll move up…": a negation in the condition leaves the main clause as it is.
  const clause = CONDITION_FIRST.test(sentence) ? sentence.slice(sentence.lastIndexOf(',') + 1) : sentence;
  return clause
    .split(/\s+/)
    .filter(Boolean)
    .slice(-words)
    .some((word) => NEGATION.test(word.replace(/[^\p{L}’']+$/u, '')));
}

/** Matches of a rule's built-in pattern (with its cheap anchor) and of the extra phrases its options add. */
export function findWithExtraPhrases(
  doc: LessonDocument,
  settings: SharedSettings,
  builtIn: RegExp,
  anchor: RegExp,
  extra: readonly string[],
): PhraseMatch[] {
  const found = findInProse(doc, builtIn, settings, anchor);
  return extra.length === 0 ? found : [...found, ...findInProse(doc, phrasePattern(extra), settings)];
}

export function isAllowed(settings: SharedSettings, text: string): boolean {
  return settings.allowed.has(text.toLowerCase().replace(/\s+/g, ' '));
}
