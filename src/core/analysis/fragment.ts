import { z } from 'zod';
import type { LessonDocument } from '../document/model';
import { wordCount } from '../prose';

const LESSON_WORDS = Symbol('lessonWords');

export const DEFAULT_MIN_WORDS = 200;

/**
 * Rules that expect a whole lesson (objectives, practice, a summary…) skip pages shorter than this:
 * a slide, a glossary entry or a hint page is part of a lesson, not one.
 */
export const minWordsOption = z
  .number()
  .int()
  .min(0)
  .default(DEFAULT_MIN_WORDS)
  .describe(
    'Pages with fewer prose words than this are treated as fragments of a lesson (a slide, a note) and not checked; 0 checks every page.',
  );

/** Prose words in the lesson body, counted once per document. */
export function lessonWords(doc: LessonDocument): number {
  return doc.derived(LESSON_WORDS, () =>
    doc.prose.reduce((sum, block) => (block.start >= doc.body.start ? sum + wordCount(block) : sum), 0),
  );
}

export function isFragment(doc: LessonDocument, minWords: number): boolean {
  return lessonWords(doc) < minWords;
}
