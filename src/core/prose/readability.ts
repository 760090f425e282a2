import type { LessonDocument, OffsetRange } from '../document/model';
import { sentences } from './index';
import { looksLikeProse, syllables } from './tokens';

/** What a readability formula reads: running prose only, without headings, code, tables or numbers. */
export interface ReadingCounts {
  words: number;
  sentences: number;
  syllables: number;
}

interface CountedSentence extends ReadingCounts {
  /** Document offset of the sentence. */
  start: number;
}

const COUNTS = Symbol('readingCounts');
const LETTER = /\p{L}/u;

/**
 * Flesch-Kincaid grade level: the years of (US) schooling a reader needs to follow the text easily.
 * About 8 is plain English; 12 and above reads like an academic paper.
 */
export function fleschKincaidGrade(counts: ReadingCounts): number {
  if (counts.words === 0 || counts.sentences === 0) return 0;
  return 0.39 * (counts.words / counts.sentences) + 11.8 * (counts.syllables / counts.words) - 15.59;
}

/** Counts of each prose sentence, once per document; headings and text that is not prose are left out. */
function countedSentences(doc: LessonDocument): CountedSentence[] {
  return doc.derived(COUNTS, () => {
    const known = new Map<string, number>();
    const counted: CountedSentence[] = [];
    for (const sentence of sentences(doc)) {
      if (sentence.block.kind === 'heading' || !looksLikeProse(sentence)) continue;
      let words = 0;
      let total = 0;
      for (const word of sentence.words) {
        if (!LETTER.test(word.text)) continue;
        let count = known.get(word.text);
        if (count === undefined) {
          count = syllables(word.text);
          known.set(word.text, count);
        }
        words++;
        total += count;
      }
      if (words > 0) counted.push({ start: sentence.block.toSource(sentence.start), words, sentences: 1, syllables: total });
    }
    return counted;
  });
}

/** The reading counts of the lesson's prose, or of the sentences that start inside `range`. */
export function readingCounts(doc: LessonDocument, range?: OffsetRange): ReadingCounts {
  const sum: ReadingCounts = { words: 0, sentences: 0, syllables: 0 };
  for (const sentence of countedSentences(doc)) {
    if (range && (sentence.start < range.start || sentence.start >= range.end)) continue;
    sum.words += sentence.words;
    sum.sentences += sentence.sentences;
    sum.syllables += sentence.syllables;
  }
  return sum;
}

/** The lesson's Flesch-Kincaid grade, rounded to one decimal; undefined when it has no prose. */
export function readingGrade(doc: LessonDocument): number | undefined {
  const counts = readingCounts(doc);
  return counts.words === 0 ? undefined : Math.round(fleschKincaidGrade(counts) * 10) / 10;
}
