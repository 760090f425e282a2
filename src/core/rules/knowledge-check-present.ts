import { z } from 'zod';
import { minWordsOption } from '../analysis/fragment';
import { vocabularyOptions } from '../analysis/vocabulary';
import { scopeOption } from '../course/expectations';
import { checkWholeLessonPart } from '../course/wholeLesson';
import { defineRule } from './rule';

export default defineRule({
  id: 'knowledge-check-present',
  category: 'memorable',
  description: 'A lesson has a knowledge check: a quiz, self-check or review questions.',
  defaultSeverity: 'info',
  options: z.object({ ...vocabularyOptions, minWords: minWordsOption, scope: scopeOption }).strict(),
  docs: {
    rationale:
      'Recalling an answer strengthens memory far more than re-reading (retrieval practice). ' +
      'A few questions with answers also show learners what they missed. ' +
      'A challenge that asks a question and gives its answer — a Carpentries challenge with a solution, ' +
      'an exercise with a `<details>` answer — is retrieval practice, ' +
      'so it counts; open tasks and discussions without an answer do not. In a lesson without code, a scenario and its model ' +
      'answer ("What would you do?") is practice in deciding, not a check, unless it quizzes: two questions with one right answer ' +
      'each, or a quiz title. So does a section of questions with their answers, whatever its title ("## Questions", ' +
      '"## Test your reading", "## Have you got it?", "## Before you move on", "## Check what you have learned"; two numbered ' +
      'questions or more, then "**Answers:** …", an "Answers" heading or a `<details>`), unless its heading names a practice activity.',
    howToFix:
      'Add a "Knowledge check" or "Quiz" section, a `::: quiz` div, a `<Quiz>` component, ' +
      'or a challenge that asks a question and gives the answer in a solution.',
  },
  check(context) {
    checkWholeLessonPart(context, 'knowledge-check', context.options, {
      lesson: 'No knowledge check: expected a quiz, self-check, review questions, or a question with its answer.',
    });
  },
});
