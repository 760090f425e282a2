import { z } from 'zod';
import { declaredDuration, estimatedMinutes } from '../analysis/lessonTime';
import { defineRule } from './rule';

export default defineRule({
  id: 'lesson-length',
  category: 'memorable',
  description: 'The estimated time to read the lesson and do its activities fits the duration declared in front matter.',
  defaultSeverity: 'info',
  options: z
    .object({
      wordsPerMinute: z.number().positive().default(200).describe('Reading speed for instructional text, in words a minute.'),
      minutesPerActivity: z
        .number()
        .min(0)
        .default(5)
        .describe('Minutes counted for each practice item, unless front matter declares `exercises` minutes.'),
      margin: z
        .number()
        .min(0)
        .default(0.5)
        .describe('How far the estimate may exceed the declared duration before it is reported, as a fraction (0.5 = 50%).'),
    })
    .strict(),
  docs: {
    rationale:
      'A lesson that takes far longer than its declared duration overloads learners and breaks the schedule built on it. ' +
      'The estimate counts prose words at a reading speed plus time for each practice item (or the declared `exercises` minutes); ' +
      'code is not counted, so the estimate errs on the short side. ' +
      'A lesson that declares no duration (`duration`, `teaching` + `exercises`, `minutes` or `lab.duration`) is not checked. ' +
      'A lesson much shorter than its duration is not reported: instructor-led time (live coding, ' +
      'discussion) is rightly longer than the reading.',
    howToFix:
      'Split the lesson in two, move optional material to a separate page, ' +
      'or update the declared duration to what the lesson really takes.',
  },
  check({ doc, options, report }) {
    const declared = doc.frontMatter && declaredDuration(doc.frontMatter);
    if (!declared || declared.minutes <= 0) return;
    const { words, activities, minutes: estimate } = estimatedMinutes(doc, options, declared.exercises);
    const limit = declared.minutes * (1 + options.margin);
    if (estimate <= limit) return;
    const activityText =
      activities > 0 ? ` + ${round(activities)} min of ${declared.exercises === undefined ? 'activities' : 'exercises'}` : '';
    report({
      ...declared.range,
      message:
        `Unexpected estimated length of ${round(estimate)} min (${words.toLocaleString('en-US')} words at ` +
        `${options.wordsPerMinute} words a minute${activityText}) ` +
        `for a declared ${declared.label} of ${round(declared.minutes)} min, expected at most ${round(limit)} min: ` +
        `split or trim the lesson, or update the duration.`,
    });
  },
});

/** Whole minutes, or tenths below ten minutes so that "2.2" and "1.5" do not both read as "2". */
function round(minutes: number): string {
  return minutes < 10 ? String(Math.round(minutes * 10) / 10) : String(Math.round(minutes));
}
