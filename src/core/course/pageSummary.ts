import { isFragment, lessonWords } from '../analysis/fragment';
import { titleRange } from '../analysis/structure';
import type { ResolvedConfig } from '../config/resolve';
import type { LessonDocument } from '../document/model';
import { Suppressions } from '../suppressions';
import { classifyPage, type PageHints } from './classify';
import { PARTS, type Part } from './expectations';
import { DEFAULT_PART_OPTIONS, hasPart, type PartOptions } from './parts';
import type { PageTypeDecision } from './pageType';
import type { PageSummary } from './summary';
import { spelledOutAcronyms } from '../rules/acronym-defined';

export const PART_RULES: Record<Part, string> = {
  objectives: 'objectives-present',
  practice: 'practice-present',
  summary: 'summary-present',
  'knowledge-check': 'knowledge-check-present',
  hook: 'hook-present',
};

const LESSON_KEYS = ['objectives', 'learning_objectives', 'learningObjectives', 'outcomes', 'keypoints', 'key_points', 'questions', 'duration', 'minutes'];

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

export function summarizePage(doc: LessonDocument, config: ResolvedConfig, hints: PageHints | undefined): PageSummary {
  const suppressions = new Suppressions(doc);
  const title = titleRange(doc);
  const parts = Object.fromEntries(PARTS.map((part) => [part, !doc.skipped && hasPart(doc, part, optionsOf(config, part))])) as Record<Part, boolean>;
  return {
    type: pageTypeOf(doc, hints),
    declared: isDeclaredLesson(doc),
    words: lessonWords(doc),
    parts,
    title: { ...title, range: { start: doc.lines.positionAt(title.start), end: doc.lines.positionAt(title.end) } },
    suppressedAtTitle: Object.values(PART_RULES).filter((ruleId) => suppressions.isSuppressed(ruleId, title.start)),
    acronymsSpelledOut: doc.skipped ? [] : spelledOutAcronyms(doc),
  };
}

function optionsOf(config: ResolvedConfig, part: Part): PartOptions {
  const options = config.rules.get(PART_RULES[part])?.options as Partial<PartOptions> | undefined;
  return { ...DEFAULT_PART_OPTIONS, ...options };
}
