import type { List } from 'mdast';
import type { LessonDocument } from '../document/model';
import { plainText } from '../document/parse';
import { findPractice } from './lessonParts';
import { answeredQuestionHeadings } from './questionSection';
import { findParts } from './structure';
import { KNOWLEDGE_CHECK, PRACTICE } from './vocabulary';
import { oneLine } from '../text/pattern';
import { countWords } from '../text/words';

/**
 * The lesson ends with a section that is a short list of points to carry away: a summary, whatever the designer calls it ("The
 * rules in short", "Carry these with you", "Habits to keep"). Only the last section of the lesson's top level counts, only when
 * it holds a list of two to eight short statements and at most one short line after it, and only when its heading says to carry
 * the points away ("Before your next shift", "Remember at the barrier") or the section follows the lesson's practice or quiz.
 * A closing list of steps ("After the check-in"), links ("Further reading") or questions is no summary.
 */
export function closesWithPointList(doc: LessonDocument): boolean {
  const sections = doc.headings.filter((heading) => heading.depth > 1);
  if (sections.length < 2) return false;
  const top = Math.min(...sections.map((heading) => heading.depth));
  const last = sections.filter((heading) => heading.depth === top).at(-1);
  if (!last || NOT_POINTS_HEADING.test(last.text)) return false;
  const nodes = doc.tree.children.filter((node) => {
    const start = node.position?.start.offset ?? -1;
    return start > last.end && start < last.sectionEnd;
  });
  const [list, ...rest] = nodes;
  if (list?.type !== 'list' || rest.length > 1) return false;
  if (rest.length === 1 && (rest[0].type !== 'paragraph' || countWords(plainText(rest[0])) > MAX_WORDS_AFTER)) return false;
  const items = (list as List).children.map((item) => plainText(item).trim());
  if (items.length < 2 || items.length > 8 || !items.every(isShortPoint)) return false;
  return CARRY_AWAY_HEADING.test(last.text) || followsPracticeOrQuiz(doc, last.start);
}

/** A statement to remember, not a question or an explanation. */
function isShortPoint(item: string): boolean {
  return item !== '' && !item.endsWith('?') && countWords(item) <= MAX_ITEM_WORDS;
}

function followsPracticeOrQuiz(doc: LessonDocument, at: number): boolean {
  return (
    findParts(doc, KNOWLEDGE_CHECK).some((part) => part.start < at) ||
    findPractice(doc, PRACTICE).some((part) => part.start < at) ||
    answeredQuestionHeadings(doc).some((heading) => heading.start < at)
  );
}

/** "Before your next shift", "Before you head out", "What to take back to the ward", "Remember at the barrier". */
const CARRY_AWAY_HEADING = /^(?:before\s+you(?:r)?\b|(?:what|things)\s+to\s+(?:take|carry|bring)\b|remember\b)/i;
/** What else a lesson ends with: steps after the task, links, people to ask, questions, the practice itself. */
const NOT_POINTS_HEADING = new RegExp(
  oneLine`
    ^(?:after|during|when|if|once|next|then|step|part|stage|appendix|glossary|faq|references?|sources?|contacts?|credits?)\b|
    \b(?:reading|resources|links|further|more information|useful|where to|who to|help|support|questions|answers?|quiz|test|
    exercise|practi[cs]e|activity|your turn|try it|scenario|case study|role[- ]play|next steps|what['’]s next)\b`,
  'i',
);
const MAX_WORDS_AFTER = 40;
const MAX_ITEM_WORDS = 30;
