import { z } from 'zod';
import { asksQuestion, hasSolution } from '../analysis/feedback';
import { findPractice } from '../analysis/lessonParts';
import { findParts, titleRange } from '../analysis/structure';
import { extendVocabulary, KNOWLEDGE_CHECK, PRACTICE, vocabularyOptions } from '../analysis/vocabulary';
import { isFragment, minWordsOption } from '../analysis/fragment';
import { defineRule } from './rule';

export default defineRule({
  id: 'knowledge-check-present',
  category: 'memorable',
  description: 'A lesson has a knowledge check: a quiz, self-check or review questions.',
  defaultSeverity: 'info',
  options: z.object({ ...vocabularyOptions, minWords: minWordsOption }).strict(),
  docs: {
    rationale:
      'Recalling an answer strengthens memory far more than re-reading (retrieval practice). A few questions with answers also show learners what they missed. ' +
      'A challenge that asks a question and gives its answer — a Carpentries challenge with a solution, an exercise with a `<details>` answer — is retrieval practice, ' +
      'so it counts; open tasks and discussions without an answer do not.',
    howToFix: 'Add a "Knowledge check" or "Quiz" section, a `::: quiz` div, a `<Quiz>` component, or a challenge that asks a question and gives the answer in a solution.',
  },
  check({ doc, options, report }) {
    if (isFragment(doc, options.minWords)) return;
    if (findParts(doc, extendVocabulary(KNOWLEDGE_CHECK, options)).length > 0) return;
    if (findPractice(doc, PRACTICE).some((item) => asksQuestion(doc, item) && hasSolution(doc, item))) return;
    report({ ...titleRange(doc), message: 'No knowledge check: expected a quiz, self-check, review questions, or a question with its answer.' });
  },
});
