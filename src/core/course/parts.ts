import { asksQuestion, hasSolution } from '../analysis/feedback';
import { findObjectives, findPractice } from '../analysis/lessonParts';
import { findParts } from '../analysis/structure';
import { extendVocabulary, HOOK, HOOK_CUES, KNOWLEDGE_CHECK, OBJECTIVES, PRACTICE, RUBRIC, SUMMARY, type VocabularyOptions } from '../analysis/vocabulary';
import { findTaskStatement } from '../analysis/taskStatement';
import { labGoal } from '../dialects/microsoftLearn';
import type { LessonDocument, OffsetRange } from '../document/model';
import type { Part } from './expectations';

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
      return findPractice(doc, extendVocabulary(PRACTICE, options)).length > 0 || findParts(doc, RUBRIC).length > 0 || findTaskStatement(doc) !== undefined;
    case 'summary':
      return findParts(doc, extendVocabulary(SUMMARY, options)).length > 0;
    case 'knowledge-check':
      return findParts(doc, extendVocabulary(KNOWLEDGE_CHECK, options)).length > 0 || findPractice(doc, PRACTICE).some((item) => asksQuestion(doc, item) && hasSolution(doc, item));
    case 'hook':
      return hasHook(doc, options);
  }
}

function hasHook(doc: LessonDocument, options: PartOptions): boolean {
  const opening = openingRange(doc, options.words ?? 200);
  if (findParts(doc, extendVocabulary(HOOK, options)).some((part) => part.start < opening.end)) return true;
  // A list of objectives is not a hook; a sentence that asks why and then says what you will learn can be both.
  const objectives = findObjectives(doc, OBJECTIVES).filter((part) => part.source !== 'statement');
  const isObjective = (range: OffsetRange) => objectives.some((part) => part.start <= range.start && range.end <= part.end);
  return doc.prose.some((block) => block.start >= opening.start && block.start < opening.end && !isObjective(block) && (HOOK_CUES.test(block.text) || /\?(?:\s|$)/.test(block.text)));
}

/**
 * From the start of the body to the first activity or the word budget, whichever comes first. On an
 * exercise page ("# Instructions" before any paragraph) the whole page is the activity, and its
 * scenario is the hook.
 */
function openingRange(doc: LessonDocument, words: number): OffsetRange {
  const firstParagraph = doc.prose.find((block) => block.kind !== 'heading' && block.start >= doc.body.start);
  const firstPractice = findPractice(doc, PRACTICE).find((item) => !firstParagraph || item.start > firstParagraph.start)?.start ?? doc.text.length;
  let counted = 0;
  let end = doc.text.length;
  for (const block of doc.prose) {
    if (block.start < doc.body.start) continue;
    counted += block.text.split(/\s+/).filter(Boolean).length;
    if (counted >= words) {
      end = block.end;
      break;
    }
  }
  return { start: doc.body.start, end: Math.min(end, firstPractice) };
}
