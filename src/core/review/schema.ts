import { z } from 'zod';
import { isIsoDate } from './dates';

export const REVIEW_STATUSES = ['requested', 'changes-requested', 'approved', 'waived'] as const;
export type ReviewStatus = (typeof REVIEW_STATUSES)[number];

const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'a date as YYYY-MM-DD')
  .refine(isIsoDate, { message: 'a real date as YYYY-MM-DD' });

/** One role's record under `review:`. Keys the author adds (a ticket number, say) are kept. */
export const roleReviewSchema = z
  .looseObject({
    status: z.enum(REVIEW_STATUSES).describe('requested | changes-requested | approved | waived'),
    reviewer: z.string().optional().describe('Who reviews, or who signed: a name or an email address.'),
    requested: isoDate.optional().describe('When the review was requested (YYYY-MM-DD).'),
    due: isoDate.optional().describe('When the review is due (YYYY-MM-DD).'),
    signed: isoDate.optional().describe('When the reviewer approved, requested changes or waived (YYYY-MM-DD).'),
    fingerprint: z
      .string()
      .regex(/^sha256:[0-9a-f]{64}$/, 'sha256: followed by 64 hex digits')
      .optional()
      .describe("The lesson's fingerprint at sign-off: an approval is stale when the lesson no longer matches it."),
    note: z.string().optional().describe("The reviewer's note: the changes asked for, or why the review was waived."),
  })
  .describe("One role's review of the lesson.");

export type RoleReview = z.infer<typeof roleReviewSchema>;

export const reviewBlockSchema = z
  .record(z.string(), roleReviewSchema)
  .describe('Reviews by role (sme, legal, marketing, …), written by the Course Review commands.');

const text = z.string();
const textOrList = z.union([text, z.array(text)]);
const minutes = z.union([z.number().nonnegative(), z.string()]);

/**
 * The front matter keys that Course Review reads. Other keys are the author's (and other tools'):
 * they are allowed and never touched.
 */
export const lessonFrontMatterSchema = z
  .looseObject({
    title: text.optional().describe("The lesson's title; counts as its first-level heading."),
    audience: z
      .union([text, z.looseObject({ readingGrade: z.number().min(1).max(20).optional() })])
      .optional()
      .describe('Who the lesson is for.'),
    readingGrade: z
      .union([z.number().min(1).max(20), z.string()])
      .optional()
      .describe('Target reading grade for this lesson.'),
    reading_grade: z
      .union([z.number().min(1).max(20), z.string()])
      .optional()
      .describe('Target reading grade for this lesson.'),
    objectives: textOrList.optional().describe('Learning objectives (or a "Learning objectives" section).'),
    questions: textOrList.optional().describe('Questions the lesson answers (The Carpentries).'),
    keypoints: textOrList.optional().describe("Key points: the lesson's summary (The Carpentries)."),
    duration: minutes.optional().describe('Expected time, e.g. "20 min", "1h 30m" or 20.'),
    teaching: minutes.optional().describe('Teaching minutes (The Carpentries).'),
    exercises: minutes.optional().describe('Exercise minutes (The Carpentries).'),
    minutes: minutes.optional().describe('Expected minutes.'),
    lab: z.looseObject({ duration: minutes.optional() }).optional(),
    review: reviewBlockSchema.optional(),
  })
  .describe('Lesson front matter read by Course Review.');

export type LessonFrontMatter = z.infer<typeof lessonFrontMatterSchema>;
