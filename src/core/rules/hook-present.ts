import { z } from 'zod';
import { findObjectives, findPractice } from '../analysis/lessonParts';
import { findParts, titleRange } from '../analysis/structure';
import { extendVocabulary, HOOK, HOOK_CUES, OBJECTIVES, PRACTICE, vocabularyOptions } from '../analysis/vocabulary';
import type { LessonDocument, OffsetRange } from '../document/model';
import { isFragment, minWordsOption } from '../analysis/fragment';
import { defineRule } from './rule';

export default defineRule({
  id: 'hook-present',
  category: 'relevant',
  description: 'The opening says why the lesson matters: a scenario, problem, question or real-world example.',
  defaultSeverity: 'info',
  options: z
    .object({
      ...vocabularyOptions,
      minWords: minWordsOption,
      words: z.number().int().positive().default(200).describe('How many words of the opening to read for a hook.'),
    })
    .strict(),
  docs: {
    rationale:
      'Adults engage when they see why a skill matters to them. A scenario, a problem or a question up front earns the attention the rest of the lesson needs. ' +
      'The opening ends at the first activity; on an exercise page (instructions from the first line) the scenario of the exercise is the hook.',
    howToFix: 'Open with a short scenario ("Imagine a customer calls…"), a problem learners recognise, a question, or a real-world example — before the first activity and within the first 200 words.',
  },
  check({ doc, options, report }) {
    if (isFragment(doc, options.minWords)) return;
    const opening = openingRange(doc, options.words);
    if (findParts(doc, extendVocabulary(HOOK, options)).some((part) => part.start < opening.end)) return;
    const objectives = findObjectives(doc, OBJECTIVES);
    const isObjective = (range: OffsetRange) => objectives.some((part) => part.start <= range.start && range.end <= part.end);
    const hooked = doc.prose.some(
      (block) => block.start >= opening.start && block.start < opening.end && !isObjective(block) && (HOOK_CUES.test(block.text) || /\?(?:\s|$)/.test(block.text)),
    );
    if (hooked) return;
    report({
      ...titleRange(doc),
      message: `No hook in the opening: expected a scenario, problem, question or real-world example that says why this matters, within the first ${options.words} words.`,
    });
  },
});

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
