import { z } from 'zod';
import { findPractice, hasFeedback } from '../analysis/lessonParts';
import { findParts, titleRange } from '../analysis/structure';
import { extendVocabulary, KNOWLEDGE_CHECK, PRACTICE, vocabularyOptions } from '../analysis/vocabulary';
import { defineRule } from './rule';

/** A challenge that asks a question and gives its answer is retrieval practice too. */
const QUESTION_TITLE = /\?\s*$|\b(?:multiple[- ]choice|true or false|which (?:of|one|command|is)|what (?:is|does|will|would)|predict|spot the|quiz)\b/i;

export default defineRule({
  id: 'knowledge-check-present',
  category: 'memorable',
  description: 'A lesson has a knowledge check: a quiz, self-check or review questions.',
  defaultSeverity: 'info',
  options: z.object(vocabularyOptions).strict(),
  docs: {
    rationale: 'Recalling an answer strengthens memory far more than re-reading (retrieval practice). A few questions with answers also show learners what they missed.',
    howToFix: 'Add a "Knowledge check" or "Quiz" section, a `::: quiz` div, a `<Quiz>` component, or a challenge that asks a question and gives the answer.',
  },
  check({ doc, options, report }) {
    if (findParts(doc, extendVocabulary(KNOWLEDGE_CHECK, options)).length > 0) return;
    const questions = findPractice(doc, PRACTICE).filter((item) => QUESTION_TITLE.test(item.label) && hasFeedback(doc, item));
    if (questions.length > 0) return;
    report({ ...titleRange(doc), message: 'No knowledge check: expected a quiz, self-check or review questions with answers.' });
  },
});
