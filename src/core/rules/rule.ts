import type { z } from 'zod';
import type { PageHints } from '../course/classify';
import type { ModuleScoped } from '../course/summary';
import type { LessonDocument } from '../document/model';
import type { Category } from '../types/category';
import type { Fix } from '../types/fix';
import type { OffsetRange } from '../types/range';
import type { EarlierFinding, ReviewSettings, SharedSettings } from '../types/settings';
import type { Severity } from '../types/severity';
import type { PrefilterGroup } from './prefilter';

// The basic types live in leaf modules (../types); rules import them from here too.
export { SEVERITIES, type Severity } from '../types/severity';
export { CATEGORIES, type Category } from '../types/category';
export type { TextEdit } from '../types/range';
export type { Fix } from '../types/fix';

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

export { NO_SHARED_SETTINGS, type EarlierFinding, type ReviewSettings, type SharedSettings } from '../types/settings';

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
  /**
   * What a finding depends on, set by a rule whose findings depend on nothing but the block they
   * are in, the blocks after it up to the next paragraph, the lesson's code (any or none), its
   * suppressions and its link and footnote definitions, and the options: the queue may then
   * confirm a finding from those blocks alone, without the parse of a lesson that has none of the
   * last three (see `queue/blockCheck.ts`).
   */
  reads?: 'block-and-next';
  check(context: RuleContext<z.output<Schema>>): void;
}

export function defineRule<Schema extends z.ZodType>(rule: Rule<Schema>): Rule<Schema> {
  return rule;
}
