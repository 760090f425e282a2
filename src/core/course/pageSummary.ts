import { isFragment, lessonWords } from '../analysis/fragment';
import { titleRange } from '../analysis/structure';
import type { ResolvedConfig } from '../config/resolve';
import type { LessonDocument } from '../document/model';
import { Suppressions } from '../suppressions';
import { classifyPage, pageTitle, type PageHints } from './classify';
import { PARTS, type Part } from './expectations';
import { DEFAULT_PART_OPTIONS, hasPart, type PartOptions } from './parts';
import type { PageTypeDecision } from './pageType';
import type { PageReview, PageSummary } from './summary';
import { spelledOutAcronyms } from '../rules/acronym-defined';
import { declaredDuration, DEFAULT_PACE, estimatedMinutes } from '../analysis/lessonTime';
import { lessonReviewStates, reviewsReadable } from '../review/lessonReview';
import type { EarlierFinding } from '../types/settings';
import { readingTarget } from '../rules/reading-grade';
import { readingCounts } from '../prose/readability';
import { daysWaiting } from '../review/waiting';

/** What the review states are read with: the date, and the findings that trigger roles. */
export interface ReviewContext {
  today: string | undefined;
  findings: readonly EarlierFinding[];
}

export const PART_RULES: Record<Part, string> = {
  objectives: 'objectives-present',
  practice: 'practice-present',
  summary: 'summary-present',
  'knowledge-check': 'knowledge-check-present',
  hook: 'hook-present',
};

const LESSON_KEYS = [
  'objectives',
  'learning_objectives',
  'learningObjectives',
  'outcomes',
  'keypoints',
  'key_points',
  'questions',
  'duration',
  'minutes',
];

/** The page's type, decided once per document and hints. */
export function pageTypeOf(doc: LessonDocument, hints: PageHints | undefined): PageTypeDecision {
  return doc.derived(hints ?? NO_HINTS, () => classifyPage(doc, hints));
}

const NO_HINTS = Symbol('noHints');

/**
 * The page says it is a lesson: a `type:` in front matter, or a title together with objectives, key
 * points, questions or a duration. Such a page is checked at any length; `minWords` guards only
 * pages that do not say what they are.
 */
export function isDeclaredLesson(doc: LessonDocument): boolean {
  const data = doc.frontMatter?.data;
  if (!data) return false;
  if (['type', 'page-type', 'pageType', 'page_type'].some((key) => typeof data[key] === 'string')) return true;
  return typeof data.title === 'string' && LESSON_KEYS.some((key) => data[key] !== undefined && data[key] !== null && data[key] !== '');
}

/** Too short to be checked as a whole lesson, unless it says it is one. */
export function isUndeclaredFragment(doc: LessonDocument, minWords: number): boolean {
  return !isDeclaredLesson(doc) && isFragment(doc, minWords);
}

export function summarizePage(
  doc: LessonDocument,
  config: ResolvedConfig,
  hints: PageHints | undefined,
  review: ReviewContext = { today: undefined, findings: [] },
): PageSummary {
  const suppressions = new Suppressions(doc);
  const title = titleRange(doc);
  const parts = Object.fromEntries(PARTS.map((part) => [part, !doc.skipped && hasPart(doc, part, optionsOf(config, part))])) as Record<
    Part,
    boolean
  >;
  return {
    type: pageTypeOf(doc, hints),
    declared: isDeclaredLesson(doc),
    words: lessonWords(doc),
    parts,
    title: {
      ...title,
      range: { start: doc.lines.positionAt(title.start), end: doc.lines.positionAt(title.end) },
      text: pageTitle(doc) ?? hints?.tocTitle,
    },
    suppressedAtTitle: Object.values(PART_RULES).filter((ruleId) => suppressions.isSuppressed(ruleId, title.start)),
    acronymsSpelledOut: doc.skipped ? [] : spelledOutAcronyms(doc),
    minutes: minutesOf(doc, config),
    reviews: reviewsOf(doc, config, review),
    reading: readingOf(doc, config),
  };
}

/** Reading-grade defaults, for a page whose configuration has the rule off. */
const DEFAULT_READING_TARGET = 10;

function readingOf(doc: LessonDocument, config: ResolvedConfig): PageSummary['reading'] {
  const option = (config.rules.get('reading-grade')?.options as { target?: number } | undefined)?.target;
  const { target } = readingTarget(doc, config.settings.readingGrade, option ?? DEFAULT_READING_TARGET);
  return { ...(doc.skipped ? { words: 0, sentences: 0, syllables: 0 } : readingCounts(doc)), target };
}

function minutesOf(doc: LessonDocument, config: ResolvedConfig): PageSummary['minutes'] {
  const declared = doc.frontMatter && declaredDuration(doc.frontMatter);
  if (doc.skipped) return { declared: declared?.minutes, estimated: 0 };
  const pace = { ...DEFAULT_PACE, ...(config.rules.get('lesson-length')?.options as Partial<typeof DEFAULT_PACE> | undefined) };
  return { declared: declared?.minutes, estimated: estimatedMinutes(doc, pace, declared?.exercises).minutes };
}

function reviewsOf(doc: LessonDocument, config: ResolvedConfig, review: ReviewContext): PageReview[] {
  if (!reviewsReadable(doc)) return [];
  return lessonReviewStates(doc, { today: review.today, roles: config.roles }, review.findings).map((state) => ({
    role: state.role.name,
    label: state.role.label,
    status: state.status,
    required: state.required,
    outstanding: state.outstanding,
    overdue: state.overdue,
    reviewer: state.record?.reviewer,
    requested: state.record?.requested,
    due: state.record?.due,
    signed: state.record?.signed,
    daysWaiting: daysWaiting(state, review.today),
  }));
}

function optionsOf(config: ResolvedConfig, part: Part): PartOptions {
  const options = config.rules.get(PART_RULES[part])?.options as Partial<PartOptions> | undefined;
  return { ...DEFAULT_PART_OPTIONS, ...options };
}
