import type { LessonDocument } from '../document/model';
import type { ProseBlock } from '../document/prose';
import type { SharedSettings } from '../rules/rule';
import { sentencesOf, type Sentence } from './tokens';

export { sentencesOf, syllables, wordsOf, type Sentence, type Span } from './tokens';

export interface BlockSentence extends Sentence {
  block: ProseBlock;
}

const SENTENCES = Symbol('sentences');

/** Every sentence of the lesson's prose, computed once per document and shared by the rules. */
export function sentences(doc: LessonDocument): BlockSentence[] {
  return doc.derived(SENTENCES, () => doc.prose.flatMap((block) => sentencesOf(block).map((sentence) => ({ ...sentence, block }))));
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

/** One case-insensitive, word-bounded pattern for a list of phrases; longer phrases win. */
export function phrasePattern(phrases: readonly string[], flags = 'giu'): RegExp {
  const alternatives = [...phrases]
    .sort((a, b) => b.length - a.length)
    .map((phrase) => phrase.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/\s+/g, '\\s+'));
  return new RegExp(`(?<![\\p{L}\\p{N}_-])(?:${alternatives.join('|') || '(?!)'})(?![\\p{L}\\p{N}_])`, flags);
}

/** Matches of a pattern in every prose block, skipping the team's allowlisted words and phrases. */
export function findInProse(doc: LessonDocument, pattern: RegExp, settings: SharedSettings): PhraseMatch[] {
  const found: PhraseMatch[] = [];
  const global = pattern.global ? pattern : new RegExp(pattern.source, `${pattern.flags}g`);
  for (const block of doc.prose) {
    for (const match of block.text.matchAll(global)) {
      const at = match.index ?? 0;
      if (isAllowed(settings, match[0])) continue;
      const range = block.sourceRange(at, at + match[0].length);
      found.push({ text: match[0], ...range, block, match });
    }
  }
  return found;
}

export function isAllowed(settings: SharedSettings, text: string): boolean {
  return settings.allowed.has(text.toLowerCase().replace(/\s+/g, ' '));
}
