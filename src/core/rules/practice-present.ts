import { z } from 'zod';
import { minWordsOption } from '../analysis/fragment';
import { vocabularyOptions } from '../analysis/vocabulary';
import { scopeOption } from '../course/expectations';
import { checkWholeLessonPart } from '../course/wholeLesson';
import { defineRule } from './rule';

export default defineRule({
  id: 'practice-present',
  category: 'practical',
  description: 'A lesson gives learners something to do: an exercise, challenge, activity or lab.',
  defaultSeverity: 'warning',
  options: z.object({ ...vocabularyOptions, minWords: minWordsOption, scope: scopeOption }).strict(),
  docs: {
    rationale:
      'People learn a skill by doing it. Reading about a task without trying it rarely transfers to the job. ' +
      'An assignment page counts as practice: its "Instructions" section, or the "Rubric" that grades the work it asks for. ' +
      'So do workplace headings for it: "Role-play", "Try it", "What would you do?", "Row drill", "Think it through", "Rehearse ' +
      'it", "A case to work through", "Practical: the loading bay", "Scenarios"; not a topic ("Drills" in a lesson about them).',
    howToFix:
      'Add an exercise, challenge, activity, "Try it" section, lab or assignment: a `## Exercise` heading, a `::: challenge` div, ' +
      'a `{: .challenge}` block or an `<Exercise>` component. ' +
      'A section that only links to the practice ("## Assignment" and a link to assignment.md) counts too.',
  },
  check(context) {
    checkWholeLessonPart(context, 'practice', context.options, {
      lesson: 'No practice: expected an exercise, challenge, activity, "Try it" section, lab or assignment.',
    });
  },
});
