import { z } from 'zod';
import { frontMatterPathRange } from '../document/frontMatter';
import { lessonReviewStates } from '../review/lessonReview';
import { defineRule } from './rule';

export default defineRule({
  id: 'review-overdue',
  category: 'review',
  description: 'A requested review (or a change request) is not past its due date.',
  defaultSeverity: 'warning',
  options: z.object({}).strict(),
  docs: {
    rationale:
      'Subject-matter experts and legal reviewers are scarce and late, and deadlines shift. ' +
      'A review past its due date holds up the lesson; saying so in the editor, the queue and CI is what keeps it moving.',
    howToFix:
      'Remind the reviewer (the review queue copies a reminder), agree a new date and request the review again with it, ' +
      'or waive the review with a reason.',
  },
  check({ doc, review, report }) {
    const frontMatter = doc.frontMatter;
    if (!frontMatter || !review.today) return;
    for (const state of lessonReviewStates(doc, review)) {
      if (!state.overdue || state.daysUntilDue === undefined) continue;
      const range = frontMatterPathRange(frontMatter, ['review', state.role.name, 'due']) ?? frontMatter.range;
      const days = -state.daysUntilDue;
      const waitingOn =
        state.status === 'changes-requested' ? 'the author (changes were requested)' : (state.record?.reviewer ?? 'a reviewer');
      report({
        ...range,
        message:
          `Unexpected overdue ${state.role.label} review: due ${state.record?.due}, ${days} day${days === 1 ? '' : 's'} ago, ` +
          `waiting on ${waitingOn}; expected it done by its due date.`,
      });
    }
  },
});
