import frontMatterSchema from './front-matter-schema';
import hookPresent from './hook-present';
import knowledgeCheckPresent from './knowledge-check-present';
import lessonSkipped from './lesson-skipped';
import objectivesMeasurable from './objectives-measurable';
import objectivesPresent from './objectives-present';
import placeholderText from './placeholder-text';
import practiceFeedback from './practice-feedback';
import practicePresent from './practice-present';
import type { Rule } from './rule';
import summaryPresent from './summary-present';

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
  frontMatterSchema,
  lessonSkipped,
] as Rule[];

export const RULES_BY_ID: ReadonlyMap<string, Rule> = new Map(RULES.map((rule) => [rule.id, rule]));

export function ruleDocUrl(ruleId: string): string {
  return `${RULE_DOCS_BASE}${ruleId}.md`;
}
