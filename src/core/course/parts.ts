import { hasCode } from '../analysis/audience';
import { asksQuestion, hasSolution, quizzes } from '../analysis/feedback';
import { hookEvidence } from '../analysis/hook';
import { hasAnsweredQuestions } from '../analysis/questionSection';
import { closesWithPointList } from '../analysis/closingList';
import { findObjectives, findPractice } from '../analysis/lessonParts';
import { findParts } from '../analysis/structure';
import {
  extendVocabulary,
  HOOK,
  KNOWLEDGE_CHECK,
  OBJECTIVES,
  PRACTICE,
  RUBRIC,
  SUMMARY,
  type VocabularyOptions,
} from '../analysis/vocabulary';
import { findTaskStatement } from '../analysis/taskStatement';
import { labGoal } from '../dialects/microsoftLearn';
import type { LessonDocument } from '../document/model';
import type { Part } from './expectations';
import { oneLine } from '../text/pattern';

export interface PartOptions extends VocabularyOptions {
  /** For the hook: how many words of the opening to read. */
  words?: number;
}

export const DEFAULT_PART_OPTIONS: PartOptions = { headings: [], classes: [], frontMatterKeys: [], words: 200 };

/** Whether the page has the part itself, as the part's rule recognises it with `options`. */
export function hasPart(doc: LessonDocument, part: Part, options: PartOptions = DEFAULT_PART_OPTIONS): boolean {
  switch (part) {
    case 'objectives':
      return findObjectives(doc, extendVocabulary(OBJECTIVES, options)).length > 0 || labGoal(doc.frontMatter?.data) !== undefined;
    case 'practice':
      return (
        findPractice(doc, extendVocabulary(PRACTICE, options)).length > 0 ||
        findParts(doc, RUBRIC).length > 0 ||
        findTaskStatement(doc) !== undefined
      );
    case 'summary':
      return findParts(doc, extendVocabulary(SUMMARY, options)).length > 0 || closesWithRecap(doc) || closesWithPointList(doc);
    case 'knowledge-check': {
      // A dialect's challenge with its solution is retrieval practice by convention; a workplace scenario must quiz to count.
      const recallOnly = !hasCode(doc);
      return (
        findParts(doc, extendVocabulary(KNOWLEDGE_CHECK, options)).length > 0 ||
        hasAnsweredQuestions(doc) ||
        findPractice(doc, PRACTICE).some(
          (item) => (recallOnly && item.source !== 'container' ? quizzes(doc, item) : asksQuestion(doc, item)) && hasSolution(doc, item),
        )
      );
    }
    case 'hook':
      return hasHook(doc, options);
  }
}

/** A recap in the prose of the lesson's second half: "…so let's recap what we've learned.", "In summary, …". */
function closesWithRecap(doc: LessonDocument): boolean {
  const half = doc.body.start + (doc.body.end - doc.body.start) / 2;
  return doc.prose.some((block) => {
    if (block.kind !== 'paragraph' || block.end < half) return false;
    const cue = RECAP_CUE.exec(block.text);
    return cue !== null && block.sourceRange(cue.index, cue.index).start >= half;
  });
}

const RECAP_CUE = new RegExp(
  oneLine`
    \b(?:let['’]s|let us) (?:recap|sum up|summari[sz]e)\b|(?:^|[.!?]\s+)(?:in summary|to summari[sz]e|to sum up|to recap|
    in conclusion|to conclude),`,
  'i',
);

function hasHook(doc: LessonDocument, options: PartOptions): boolean {
  return hookEvidence(doc, extendVocabulary(HOOK, options), options.words ?? 200) !== undefined;
}
