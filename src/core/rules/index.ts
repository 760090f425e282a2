import acronymDefined from './acronym-defined';
import altTextQuality from './alt-text-quality';
import claimAbsolute from './claim-absolute';
import claimOutcomePromise from './claim-outcome-promise';
import claimUncitedStatistic from './claim-uncited-statistic';
import frontMatterSchema from './front-matter-schema';
import headingHierarchy from './heading-hierarchy';
import hedgeWords from './hedge-words';
import hookPresent from './hook-present';
import imageAltText from './image-alt-text';
import inclusiveLanguage from './inclusive-language';
import knowledgeCheckPresent from './knowledge-check-present';
import lessonLength from './lesson-length';
import lessonSkipped from './lesson-skipped';
import linkText from './link-text';
import mediaTranscript from './media-transcript';
import objectivesMeasurable from './objectives-measurable';
import objectivesPresent from './objectives-present';
import paragraphLength from './paragraph-length';
import passiveVoice from './passive-voice';
import placeholderText from './placeholder-text';
import practiceFeedback from './practice-feedback';
import practicePresent from './practice-present';
import readingGrade from './reading-grade';
import reviewOverdue from './review-overdue';
import reviewRequired from './review-required';
import reviewStale from './review-stale';
import type { Rule } from './rule';
import sentenceLength from './sentence-length';
import sensoryLanguage from './sensory-language';
import simplerWords from './simpler-words';
import sectionLength from './section-length';
import summaryPresent from './summary-present';
import trademarkTerms from './trademark-terms';

export const RULE_DOCS_BASE = 'https://github.com/course-review/course-review/blob/main/docs/rules/';

/** Every rule, in the order of the rule table. */
export const RULES: readonly Rule[] = [
  objectivesPresent,
  objectivesMeasurable,
  practicePresent,
  practiceFeedback,
  hookPresent,
  placeholderText,
  summaryPresent,
  knowledgeCheckPresent,
  sectionLength,
  paragraphLength,
  lessonLength,
  sentenceLength,
  readingGrade,
  acronymDefined,
  simplerWords,
  passiveVoice,
  hedgeWords,
  claimAbsolute,
  claimUncitedStatistic,
  claimOutcomePromise,
  trademarkTerms,
  imageAltText,
  altTextQuality,
  linkText,
  headingHierarchy,
  mediaTranscript,
  sensoryLanguage,
  inclusiveLanguage,
  frontMatterSchema,
  reviewStale,
  reviewOverdue,
  reviewRequired,
  lessonSkipped,
] as Rule[];

export const RULES_BY_ID: ReadonlyMap<string, Rule> = new Map(RULES.map((rule) => [rule.id, rule]));

export function ruleDocUrl(ruleId: string): string {
  return `${RULE_DOCS_BASE}${ruleId}.md`;
}
