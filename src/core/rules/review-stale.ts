import { z } from 'zod';
import { frontMatterPathRange } from '../document/frontMatter';
import { lessonReviewStates } from '../review/lessonReview';
import { defineRule } from './rule';

export default defineRule({
  id: 'review-stale',
  category: 'review',
  description: 'An approval still matches the lesson: nothing changed since the reviewer signed.',
  defaultSeverity: 'warning',
  options: z.object({}).strict(),
  docs: {
    rationale:
      'An approval is for the text the reviewer read. Each sign-off records a fingerprint of the lesson (body and front matter, ' +
      'minus the `review` block); when the lesson changes afterwards, ' +
      'the approval no longer covers it and a changed claim could be published unchecked. ' +
      'Line endings, trailing spaces, YAML comments and the sign-offs themselves do not change the fingerprint.',
    howToFix:
      'Ask the reviewer to look at the changes and approve again (Course Review: Approve…), or request a new review. ' +
      'An approval written by hand, without a fingerprint, is always reported: approve it through Course Review.',
  },
  check({ doc, review, report }) {
    const frontMatter = doc.frontMatter;
    if (!frontMatter) return;
    for (const state of lessonReviewStates(doc, review)) {
      if (state.status !== 'stale') continue;
      const range = frontMatterPathRange(frontMatter, ['review', state.role.name, 'status']) ?? frontMatter.range;
      const who = state.record?.reviewer ? ` by ${state.record.reviewer}` : '';
      const when = state.record?.signed ? ` on ${state.record.signed}` : '';
      const message = state.record?.fingerprint
        ? `Unexpected stale ${state.role.label} approval${who}${when}: the lesson changed since, expected a fresh sign-off. ` +
          `Ask for a new review, or approve again.`
        : `Unexpected ${state.role.label} approval without a fingerprint${who}: Course Review cannot tell what was approved, ` +
          `expected a sign-off made with Course Review: Approve….`;
      report({ ...range, message });
    }
  },
});
