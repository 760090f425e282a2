import type { HeadingInfo, LessonDocument } from '../document/model';
import { oneLine } from '../text/pattern';
import { PRACTICE } from './vocabulary';

/**
 * A section of questions with their answers ("## Questions", numbered questions, then "**Answers:** 1. … 2. …"): a knowledge
 * check, whatever else the heading calls it. Two questions at least, each an item of a list that ends with a question mark, and
 * answers in the section (a line or a heading that says so) or in an "Answers" section right after it.
 */
export function hasAnsweredQuestions(doc: LessonDocument): boolean {
  return answeredQuestionHeadings(doc).length > 0;
}

/** The headings of the sections that {@link hasAnsweredQuestions} finds, in the lesson's order. */
export function answeredQuestionHeadings(doc: LessonDocument): HeadingInfo[] {
  return doc.headings.filter((heading, index) => {
    if (!QUESTIONS_HEADING.test(heading.text) && (headsPractice(heading.text) || !ASKS_IN_HEADING.test(heading.text))) return false;
    const section = doc.text.slice(heading.end, heading.sectionEnd);
    if ((section.match(QUESTION_ITEM) ?? []).length < 2) return false;
    if (ANSWERS_LINE.test(section)) return true;
    const next = doc.headings[index + 1];
    return next !== undefined && next.start >= heading.sectionEnd && ANSWERS_HEADING.test(next.text);
  });
}

/** "Questions", "Reefer questions", "Test your reading of the report". */
const QUESTIONS_HEADING = /^(?:(?:[\p{L}-]+\s+){0,3}?questions\b|(?:test|check)\s+your\s+\p{L})/iu;
/**
 * Or a heading that asks or checks in the designer's words ("Have you got it?", "Did it sink in?", "Check what you have learned",
 * "Before you move on"), as long as it does not head a practice activity.
 */
const ASKS_IN_HEADING = /\?\s*$|^(?:check|test|before\s+you\s+(?:move|go)|quick\s+(?:check|fire)|recap\s+questions|over\s+to\s+you)\b/i;

function headsPractice(text: string): boolean {
  return PRACTICE.headings.some((pattern) => pattern.test(text));
}

const QUESTION_ITEM = /^[ \t]{0,3}(?:\d{1,2}[.)]|[-*+])[ \t]+[^\n]*\?[*_]*[ \t]*$/gm;
const ANSWERS_LINE = new RegExp(
  oneLine`
    ^[ \t]{0,3}(?:#{1,6}[ \t]+|>[ \t]*)?(?:[*_]{1,2})?(?:answers?|suggested\s+answers|model\s+answers|answer\s+key)\b|
    ^[ \t]*<summary>[ \t]*(?:answers?|show\s+(?:the\s+)?answers?)\b`,
  'im',
);
const ANSWERS_HEADING = /^(?:answers?|suggested answers|model answers|answer key)\b/i;
