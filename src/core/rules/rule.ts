import type { z } from 'zod';
import type { PageHints } from '../course/classify';
import type { ModuleScoped } from '../course/summary';
import type { LessonDocument, OffsetRange } from '../document/model';
import type { Role } from '../review/roles';
import type { PrefilterGroup } from './prefilter';

export const SEVERITIES = ['error', 'warning', 'info', 'hint'] as const;
export type Severity = (typeof SEVERITIES)[number];

export const CATEGORIES = ['practical', 'relevant', 'memorable', 'clarity', 'accessibility', 'inclusion', 'claims', 'review'] as const;
export type Category = (typeof CATEGORIES)[number];

export interface TextEdit extends OffsetRange {
  text: string;
}

/** A change offered for a finding: edits by offset into the lesson's text, never editor calls. */
export interface Fix {
  title: string;
  edits: TextEdit[];
}

export interface Report extends OffsetRange {
  message: string;
  /** Safe to apply without a person looking: used by "Fix All" and `--fix`. */
  fix?: Fix;
  /** Offered in the lightbulb only. */
  suggestions?: Fix[];
  /** A missing whole-lesson part that another page of the module may provide: settled across the module. */
  module?: ModuleScoped;
  /** An acronym the page never spells out, which another page of the course may: settled across the course. */
  acronym?: string;
}

/** Team-wide settings that every prose rule honours. */
export interface SharedSettings {
  /** Lower-case words and phrases that no prose rule flags. */
  readonly allowed: ReadonlySet<string>;
  readonly acronyms: ReadonlySet<string>;
  readonly glossary: ReadonlyMap<string, string>;
  readonly readingGrade: number | undefined;
}

export const NO_SHARED_SETTINGS: SharedSettings = { allowed: new Set(), acronyms: new Set(), glossary: new Map(), readingGrade: undefined };

/** What the review rules need beyond the lesson: the date (the core has no clock) and the roles. */
export interface ReviewSettings {
  /** YYYY-MM-DD, from the adapter; without it nothing is overdue. */
  readonly today: string | undefined;
  readonly roles: readonly Role[];
}

/** Another rule's finding, as seen by a rule that `readsFindings`. */
export interface EarlierFinding extends OffsetRange {
  ruleId: string;
}

export interface RuleContext<Options> {
  readonly doc: LessonDocument;
  readonly options: Options;
  readonly settings: SharedSettings;
  readonly review: ReviewSettings;
  /** Empty unless the rule `readsFindings`: then the other rules' findings, after suppressions. */
  readonly findings: readonly EarlierFinding[];
  /** What is known of the page from outside it (path, table of contents, `pageTypes`), when it is linted as part of a course. */
  readonly page: PageHints | undefined;
  report(report: Report): void;
}

export interface RuleDocs {
  /** Why the rule matters to learners, in a sentence or two. */
  rationale: string;
  /** How to satisfy the rule, for the doc page. */
  howToFix: string;
}

export interface Rule<Schema extends z.ZodType = z.ZodType> {
  id: string;
  category: Category;
  /** One line, shown in the rule table and in hovers. */
  description: string;
  defaultSeverity: Severity | 'off';
  /** Validated when the configuration loads; its defaults fill what the user leaves out. */
  options: Schema;
  docs: RuleDocs;
  /** Runs after the other rules and sees their findings (review-required: claims trigger legal review). */
  readsFindings?: boolean;
  /**
   * Patterns of which one at least matches a lesson's `roughText` wherever the rule reports
   * anything (widened with `widen`, behind the anchor the rule itself tests first), so that the
   * queue can skip the parse of a lesson none matches. Left out by a rule that cannot promise it:
   * the lesson is then always parsed.
   */
  prefilter?(options: z.output<Schema>): readonly PrefilterGroup[];
  check(context: RuleContext<z.output<Schema>>): void;
}

export function defineRule<Schema extends z.ZodType>(rule: Rule<Schema>): Rule<Schema> {
  return rule;
}
