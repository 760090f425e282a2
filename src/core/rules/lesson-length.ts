import { isMap, isScalar, type Node as YamlNode } from 'yaml';
import { z } from 'zod';
import { parseDuration } from '../analysis/duration';
import { findPractice } from '../analysis/lessonParts';
import { PRACTICE } from '../analysis/vocabulary';
import { frontMatterValueRange, type FrontMatter } from '../document/frontMatter';
import type { OffsetRange } from '../document/model';
import { wordCount } from '../prose';
import { defineRule } from './rule';

interface Declared {
  minutes: number;
  /** Where the duration is written, for the finding. */
  range: OffsetRange;
  /** How the lesson declares it, for the message. */
  label: string;
  /** Exercise minutes declared apart from teaching (The Carpentries), used instead of counting practice items. */
  exercises: number | undefined;
}

export default defineRule({
  id: 'lesson-length',
  category: 'memorable',
  description: 'The estimated time to read the lesson and do its activities fits the duration declared in front matter.',
  defaultSeverity: 'info',
  options: z
    .object({
      wordsPerMinute: z.number().positive().default(200).describe('Reading speed for instructional text, in words a minute.'),
      minutesPerActivity: z.number().min(0).default(5).describe('Minutes counted for each practice item, unless front matter declares `exercises` minutes.'),
      margin: z.number().min(0).default(0.5).describe('How far the estimate may exceed the declared duration before it is reported, as a fraction (0.5 = 50%).'),
    })
    .strict(),
  docs: {
    rationale:
      'A lesson that takes far longer than its declared duration overloads learners and breaks the schedule built on it. ' +
      'The estimate counts prose words at a reading speed plus time for each practice item (or the declared `exercises` minutes); code is not counted, so the estimate errs on the short side. ' +
      'A lesson that declares no duration (`duration`, `teaching` + `exercises`, `minutes` or `lab.duration`) is not checked. ' +
      'A lesson much shorter than its duration is not reported: instructor-led time (live coding, discussion) is rightly longer than the reading.',
    howToFix: 'Split the lesson in two, move optional material to a separate page, or update the declared duration to what the lesson really takes.',
  },
  check({ doc, options, report }) {
    const declared = doc.frontMatter && declaredDuration(doc.frontMatter);
    if (!declared || declared.minutes <= 0) return;
    const words = doc.prose.reduce((sum, block) => sum + wordCount(block), 0);
    const reading = words / options.wordsPerMinute;
    const activities = declared.exercises ?? findPractice(doc, PRACTICE).length * options.minutesPerActivity;
    const estimate = reading + activities;
    const limit = declared.minutes * (1 + options.margin);
    if (estimate <= limit) return;
    const activityText = activities > 0 ? ` + ${round(activities)} min of ${declared.exercises === undefined ? 'activities' : 'exercises'}` : '';
    report({
      ...declared.range,
      message:
        `Unexpected estimated length of ${round(estimate)} min (${words.toLocaleString('en-US')} words at ${options.wordsPerMinute} words a minute${activityText}) ` +
        `for a declared ${declared.label} of ${round(declared.minutes)} min, expected at most ${round(limit)} min: split or trim the lesson, or update the duration.`,
    });
  },
});

/** Whole minutes, or tenths below ten minutes so that "2.2" and "1.5" do not both read as "2". */
function round(minutes: number): string {
  return minutes < 10 ? String(Math.round(minutes * 10) / 10) : String(Math.round(minutes));
}

/** The first duration the front matter declares, in the order of the dialects' precedence. */
function declaredDuration(frontMatter: FrontMatter): Declared | undefined {
  const data = frontMatter.data;
  if (!data) return undefined;
  const duration = parseDuration(data.duration);
  const durationRange = frontMatterValueRange(frontMatter, 'duration');
  if (duration !== undefined && durationRange) return { minutes: duration, range: durationRange, label: '`duration`', exercises: undefined };

  const teaching = parseDuration(data.teaching);
  const exercises = parseDuration(data.exercises);
  if (teaching !== undefined || exercises !== undefined) {
    const key = teaching !== undefined ? 'teaching' : 'exercises';
    const range = frontMatterValueRange(frontMatter, key);
    const label = teaching !== undefined && exercises !== undefined ? '`teaching` + `exercises`' : `\`${key}\``;
    if (range) return { minutes: (teaching ?? 0) + (exercises ?? 0), range, label, exercises };
  }

  const minutes = parseDuration(data.minutes);
  const minutesRange = frontMatterValueRange(frontMatter, 'minutes');
  if (minutes !== undefined && minutesRange) return { minutes, range: minutesRange, label: '`minutes`', exercises: undefined };

  const lab = nestedValue(frontMatter, 'lab', 'duration');
  const labMinutes = parseDuration(lab?.value);
  if (lab && labMinutes !== undefined) return { minutes: labMinutes, range: lab.range, label: '`lab.duration`', exercises: undefined };
  return undefined;
}

function nestedValue(frontMatter: FrontMatter, key: string, child: string): { value: unknown; range: OffsetRange } | undefined {
  const contents = frontMatter.document.contents;
  if (!isMap(contents)) return undefined;
  const parent = contents.get(key, true) as YamlNode | undefined;
  if (!isMap(parent)) return undefined;
  const node = parent.get(child, true) as YamlNode | undefined;
  if (!isScalar(node) || !node.range) return undefined;
  const [start, end] = node.range;
  return { value: node.value, range: { start: frontMatter.content.start + start, end: frontMatter.content.start + end } };
}
