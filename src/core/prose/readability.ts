import type { LessonDocument } from '../document/model';
import type { ProseBlock } from '../document/prose';
import { blockSentences } from './index';
import { looksLikeProse, syllables } from './tokens';
import type { OffsetRange } from '../types/range';

/** What a readability formula reads: running prose only, without headings, code, tables or numbers. */
export interface ReadingCounts {
  words: number;
  sentences: number;
  syllables: number;
}

/** The counts of a lesson's prose sentences in document order, each sum running from the first sentence. */
interface RunningCounts {
  /** Document offset of each sentence. */
  starts: number[];
  /** Words and syllables of the sentences before each index. */
  words: number[];
  syllables: number[];
}

const COUNTS = Symbol('readingCounts');
const LETTER = /\p{L}/u;

function hasLetter(word: string): boolean {
  const first = word.charCodeAt(0) | 0x20;
  // Most words start with an ASCII letter.
  return (first >= 97 && first <= 122) || LETTER.test(word);
}

/**
 * Flesch-Kincaid grade level: the years of (US) schooling a reader needs to follow the text easily.
 * About 8 is plain English; 12 and above reads like an academic paper.
 */
export function fleschKincaidGrade(counts: ReadingCounts): number {
  if (counts.words === 0 || counts.sentences === 0) return 0;
  return 0.39 * (counts.words / counts.sentences) + 11.8 * (counts.syllables / counts.words) - 15.59;
}

/** The words and syllables of each prose sentence of a block; none for a heading or text that is not prose. */
function blockCounts(block: ProseBlock, known: Map<string, number>): Array<{ at: number; words: number; syllables: number }> {
  if (block.kind === 'heading') return [];
  const counted: Array<{ at: number; words: number; syllables: number }> = [];
  for (const sentence of blockSentences(block)) {
    if (!looksLikeProse(sentence)) continue;
    let words = 0;
    let total = 0;
    for (const word of sentence.words) {
      if (!hasLetter(word.text)) continue;
      let count = known.get(word.text);
      if (count === undefined) {
        count = syllables(word.text);
        known.set(word.text, count);
      }
      words++;
      total += count;
    }
    if (words > 0) counted.push({ at: sentence.start, words, syllables: total });
  }
  return counted;
}

/** The running counts of the lesson's prose, once per document from counts kept per block text. */
function runningCounts(doc: LessonDocument): RunningCounts {
  return doc.derived(COUNTS, () => {
    const running: RunningCounts = { starts: [], words: [0], syllables: [0] };
    let words = 0;
    let total = 0;
    const known = new Map<string, number>();
    const count = (block: ProseBlock) => blockCounts(block, known);
    for (const block of doc.prose) {
      for (const sentence of block.derived(COUNTS, count)) {
        running.starts.push(block.toSource(sentence.at));
        running.words.push((words += sentence.words));
        running.syllables.push((total += sentence.syllables));
      }
    }
    return running;
  });
}

/** The reading counts of the lesson's prose, or of the sentences that start inside `range`. */
export function readingCounts(doc: LessonDocument, range?: OffsetRange): ReadingCounts {
  const { starts, words, syllables: total } = runningCounts(doc);
  const from = range ? firstAtOrAfter(starts, range.start) : 0;
  const to = range ? Math.max(from, firstAtOrAfter(starts, range.end)) : starts.length;
  return { words: words[to] - words[from], sentences: to - from, syllables: total[to] - total[from] };
}

/** The index of the first offset at or after `offset` in an ascending list. */
function firstAtOrAfter(offsets: readonly number[], offset: number): number {
  let low = 0;
  let high = offsets.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (offsets[mid] < offset) low = mid + 1;
    else high = mid;
  }
  return low;
}

/** The lesson's Flesch-Kincaid grade, rounded to one decimal; undefined when it has no prose. */
export function readingGrade(doc: LessonDocument): number | undefined {
  const counts = readingCounts(doc);
  return counts.words === 0 ? undefined : Math.round(fleschKincaidGrade(counts) * 10) / 10;
}
