import { z } from 'zod';
import { minWordsOption } from '../analysis/fragment';
import { vocabularyOptions } from '../analysis/vocabulary';
import { scopeOption } from '../course/expectations';
import { checkWholeLessonPart } from '../course/wholeLesson';
import type { LessonDocument } from '../document/model';
import { defineRule, type Fix } from './rule';

export default defineRule({
  id: 'summary-present',
  category: 'memorable',
  description: 'A lesson ends with a summary, key points, recap or takeaways.',
  defaultSeverity: 'warning',
  options: z.object({ ...vocabularyOptions, minWords: minWordsOption, scope: scopeOption }).strict(),
  docs: {
    rationale:
      'A short summary at the end consolidates what was learned and gives learners something to come back to. ' +
      'Counted as one: a closing section ("Key points", "Recap", "Wrapping up …", "In conclusion", "Things to remember", "In brief", ' +
      '"Pulling it together", "Points to take away"), a last section that is a short list of points under a heading that says to ' +
      'carry them away ("Before your next shift", "Remember at the barrier") or after the lesson\'s practice or quiz ("The rules in ' +
      'short", "Habits to keep"; not steps, links or questions), ' +
      "`keypoints` in front matter, or a recap sentence in the second half of the lesson (\"so let's recap what we've learned: " +
      '…", "In summary, …").',
    howToFix: 'Add a "Key points" or "Summary" section, a `keypoints` list in front matter, or a `::: keypoints` div.',
  },
  check(context) {
    checkWholeLessonPart(
      context,
      'summary',
      context.options,
      { lesson: 'No summary: expected a "Key points", "Summary" or "Recap" section, or `keypoints` in front matter.' },
      keyPointsSection,
    );
  },
});

function keyPointsSection(doc: LessonDocument): Fix[] {
  const eol = doc.lines.eol;
  const end = doc.text.length;
  const lead = doc.text.endsWith(eol + eol) ? '' : doc.text.endsWith(eol) ? eol : eol + eol;
  return [
    { title: 'Add a "Key points" section at the end', edits: [{ start: end, end, text: `${lead}## Key points${eol}${eol}- ${eol}` }] },
  ];
}
