import type { LessonDocument } from '../document/model';
import { openingWords } from '../text/words';
import type { OffsetRange } from '../types/range';
import { oneLine } from '../text/pattern';

const WILL = String.raw`(?:['’]ll| will| are going to|['’]re going to| should| can expect to)`;
/** "You'll then be able to…", "you will also learn…". */
const FILLER = String.raw`(?:(?:\w+ly|then|also|now|first|soon|finally)\s+)?`;

/**
 * A sentence that tells learners what they will learn or be able to do: "In this unit, you'll
 * learn the foundations of…", "By the end of this lab you will be able to…", "The goal of this
 * chapter is to…", "Today we're going to learn the basics of…". The learner is the subject:
 * "we will cover" is the teacher's agenda.
 */
export const LEARNING_STATEMENT = new RegExp(
  [
    oneLine`
      \b(?:you|learners|participants|students|trainees)${WILL}\s+${FILLER}(?:learn|be able to|do|discover|explore|understand|
      practi[cs]e|gain|master|find out|see how|get to know|know how|build|train|implement|create|develop|deploy|write|use|configure|
      set up|analy[sz]e|apply|design|explain|compare|identify|describe|investigate|study|work with|get hands-on)\b`,
    // "We" who learn together are the learners; "we will cover" or "we will use" stays the teacher's agenda.
    String.raw`\bwe${WILL}\s+${FILLER}(?:learn|study|discover|explore|understand|master|find out)\b`,
    oneLine`
      \bby the end of (?:this|the) (?:lesson|episode|module|section|unit|chapter|session|course|tutorial|workshop|lab|exercise|
      activity|page)\b`,
    oneLine`
      \bthe (?:goal|aim|objective|purpose) of this (?:lesson|episode|module|section|unit|chapter|session|course|tutorial|workshop|lab|
      exercise|activity|notebook)\b is to\b`,
    oneLine`
      \b(?:this|the) (?:lesson|episode|module|section|unit|chapter|session|course|tutorial|workshop|lab|exercise|
      activity) (?:will )?(?:teach(?:es)?|show(?:s)?) you\b`,
  ].join('|'),
  'i',
);

/** How far into the page objectives are looked for in prose: they are stated up front. */
const OPENING_WORDS = 400;

/** The first paragraph of the page's opening that states what learners will learn, if any. */
export function learningStatement(doc: LessonDocument): OffsetRange | undefined {
  let words = 0;
  for (const block of doc.prose) {
    if (block.start < doc.body.start) continue;
    const opening = openingWords(block.text, OPENING_WORDS - words);
    if (block.kind === 'paragraph' && LEARNING_STATEMENT.test(opening.text)) return { start: block.start, end: block.end };
    words += opening.words;
    if (words >= OPENING_WORDS) return undefined;
  }
  return undefined;
}
