import type { Course, CourseModule } from '../course/course';
import { EXPECTED, pageHasPart, PARTS, SERVES_MODULE, type Part } from '../course/expectations';
import type { PageType } from '../course/pageType';
import type { PageReview, PageSummary } from '../course/summary';
import { fleschKincaidGrade } from '../prose/readability';
import { RULES_BY_ID } from '../rules';
import { CATEGORIES, type Category } from '../types/category';
import type { Severity } from '../types/severity';

/** The parts a lead asks after, per module: the whole-lesson parts, and feedback on the practice. */
export const OUTLINE_PARTS = ['objectives', 'practice', 'feedback', 'summary', 'knowledge-check', 'hook'] as const;
export type OutlinePart = (typeof OUTLINE_PARTS)[number];

/**
 * How a module has a part:
 * - `every-page`: every page that is expected to have it has it;
 * - `module`: a page that serves the whole module has it (objectives in the overview, a quiz page, a conclusion, a lab);
 * - `some-pages`: some pages have it, others that should do not;
 * - `missing`: pages should have it and none does;
 * - `not-expected`: no page of the module is expected to have it (a module of reference pages).
 */
export type Coverage = 'every-page' | 'module' | 'some-pages' | 'missing' | 'not-expected';

export interface PartRollup {
  coverage: Coverage;
  /**
   * Pages expected to have the part that have it, or every page that has it when none is expected (for feedback: practice pages whose every
   * item has feedback).
   */
  pages: number;
  /** Pages that are expected to have it (for feedback: pages with practice). */
  expected: number;
}

export type SeverityCounts = Record<Severity, number>;
export type CategoryCounts = Record<Category, number>;

/** Running prose as the reading grade reads it; `grade` only when there is enough of it to judge. */
export interface Reading {
  grade: number | undefined;
  /** The grade the audience should read at (the most common target of the pages, for a module). */
  target: number;
  words: number;
}

/** Fewer words of prose than this are too few for a grade, as the reading-grade rule's `minWords`. */
const MIN_READING_WORDS = 200;

export interface ReviewCounts {
  approved: number;
  /** Someone has to act: requested, changes asked for, missing though required, or stale. */
  outstanding: number;
  stale: number;
  overdue: number;
}

export interface OutlinePage {
  /** As given to `buildOutline`: relative to where the outline was asked for. */
  path: string;
  title: string;
  type: PageType;
  /** Why the page has its type, in words. */
  typeReason: string;
  words: number;
  /** Declared in front matter, else estimated from words and activities; whole minutes. */
  minutes: number;
  minutesDeclared: boolean;
  findings: SeverityCounts;
  /** Findings by rule id, for the module's roll-ups and a filter. */
  rules: Record<string, number>;
  categories: CategoryCounts;
  reading: Reading;
  reviews: ReviewCounts;
  /** Each role's review that someone has to act on, for the report's tables. */
  openReviews: PageReview[];
}

export interface OutlineModule {
  key: string;
  title: string;
  /** Where the module comes from: a table of contents' section, or a folder. */
  source: CourseModule['source'];
  pages: OutlinePage[];
  parts: Record<OutlinePart, PartRollup>;
  findings: SeverityCounts;
  categories: CategoryCounts;
  reading: Reading;
  reviews: ReviewCounts;
  words: number;
  minutes: number;
}

export interface CourseOutline {
  modules: OutlineModule[];
  totals: { pages: number; words: number; minutes: number; findings: SeverityCounts; reviews: ReviewCounts };
}

/** One linted page, as the outline needs it. */
export interface OutlineInput {
  /** The key the course knows the page by (a path with `/` separators). */
  coursePath: string;
  /** How to show the page's path. */
  path: string;
  summary: PageSummary;
  /** The page's findings after its module settled them. */
  findings: ReadonlyArray<{ ruleId: string; severity: Severity }>;
}

const SEVERITIES: readonly Severity[] = ['error', 'warning', 'info', 'hint'];

/**
 * The course as a lead reads it: its modules in table-of-contents order (then folders), each
 * page with its type, length and findings, each module with which parts it has and where, and
 * its reviews. Pages the course does not know are left out.
 */
export function buildOutline(course: Course, inputs: readonly OutlineInput[]): CourseOutline {
  const byPath = new Map(inputs.map((input) => [input.coursePath, input]));
  const modules = course.modules.flatMap((module) => {
    const members = module.pages.flatMap((path) => byPath.get(path) ?? []);
    return members.length === 0 ? [] : [outlineModule(module, members)];
  });
  return {
    modules,
    totals: {
      pages: modules.reduce((sum, module) => sum + module.pages.length, 0),
      words: modules.reduce((sum, module) => sum + module.words, 0),
      minutes: modules.reduce((sum, module) => sum + module.minutes, 0),
      findings: addCounts(modules.map((module) => module.findings)),
      reviews: addReviews(modules.map((module) => module.reviews)),
    },
  };
}

function outlineModule(module: CourseModule, members: readonly OutlineInput[]): OutlineModule {
  const pages = members.map(outlinePage);
  const parts = Object.fromEntries([
    ...PARTS.map((part) => [part, partRollup(part, members)] as const),
    ['feedback', feedbackRollup(members)] as const,
  ]) as Record<OutlinePart, PartRollup>;
  return {
    key: module.key,
    title: module.title,
    source: module.source,
    pages,
    parts,
    findings: addCounts(pages.map((page) => page.findings)),
    categories: addCategories(pages.map((page) => page.categories)),
    reading: readingOf(members.map((member) => member.summary.reading)),
    reviews: addReviews(pages.map((page) => page.reviews)),
    words: pages.reduce((sum, page) => sum + page.words, 0),
    minutes: pages.reduce((sum, page) => sum + page.minutes, 0),
  };
}

function outlinePage(input: OutlineInput): OutlinePage {
  const { summary } = input;
  const findings = emptyCounts();
  const rules: Record<string, number> = {};
  const categories = emptyCategories();
  for (const finding of input.findings) {
    findings[finding.severity]++;
    rules[finding.ruleId] = (rules[finding.ruleId] ?? 0) + 1;
    categories[RULES_BY_ID.get(finding.ruleId)?.category ?? 'review']++;
  }
  const declared = summary.minutes.declared;
  return {
    path: input.path,
    title: summary.title.text ?? input.path.slice(input.path.lastIndexOf('/') + 1),
    type: summary.type.type,
    typeReason: summary.type.reason,
    words: summary.words,
    minutes: Math.max(declared === undefined ? Math.round(summary.minutes.estimated) : Math.round(declared), summary.words > 0 ? 1 : 0),
    minutesDeclared: declared !== undefined,
    findings,
    rules,
    categories,
    reading: readingOf([summary.reading]),
    reviews: {
      approved: summary.reviews.filter((review) => review.status === 'approved' || review.status === 'waived').length,
      outstanding: summary.reviews.filter((review) => review.outstanding).length,
      stale: summary.reviews.filter((review) => review.status === 'stale').length,
      overdue: summary.reviews.filter((review) => review.overdue).length,
    },
    openReviews: summary.reviews.filter((review) => review.outstanding),
  };
}

function partRollup(part: Part, members: readonly OutlineInput[]): PartRollup {
  const expected = members.filter((member) => EXPECTED[member.summary.type.type].has(part));
  const having = members.filter((member) => pageHasPart(member.summary, part));
  const served = members.some((member) => SERVES_MODULE[part].has(member.summary.type.type) && pageHasPart(member.summary, part));
  // "2 of 3 pages" counts the pages that should have the part; an overview's practice is not one of them.
  const expectedHaving = expected.filter((member) => pageHasPart(member.summary, part)).length;
  const rollup = (coverage: Coverage): PartRollup => ({
    coverage,
    pages: expected.length === 0 ? having.length : expectedHaving,
    expected: expected.length,
  });
  if (expected.length === 0 && !served) return rollup(having.length > 0 ? 'every-page' : 'not-expected');
  if (expected.every((member) => pageHasPart(member.summary, part))) return rollup('every-page');
  if (served) return rollup('module');
  return rollup(expectedHaving > 0 ? 'some-pages' : 'missing');
}

/** Feedback is judged item by item by practice-feedback: a practice page without such a finding has it. */
function feedbackRollup(members: readonly OutlineInput[]): PartRollup {
  const practising = members.filter((member) => pageHasPart(member.summary, 'practice'));
  const answered = practising.filter((member) => !member.findings.some((finding) => finding.ruleId === 'practice-feedback'));
  const rollup = (coverage: Coverage): PartRollup => ({ coverage, pages: answered.length, expected: practising.length });
  if (practising.length === 0) return rollup('not-expected');
  if (answered.length === practising.length) return rollup('every-page');
  return rollup(answered.length > 0 ? 'some-pages' : 'missing');
}

/** The grade of the pages' prose read as one text, against the target most of them have. */
function readingOf(pages: ReadonlyArray<PageSummary['reading']>): Reading {
  const total = { words: 0, sentences: 0, syllables: 0 };
  const targets = new Map<number, number>();
  for (const page of pages) {
    total.words += page.words;
    total.sentences += page.sentences;
    total.syllables += page.syllables;
    targets.set(page.target, (targets.get(page.target) ?? 0) + 1);
  }
  const target = [...targets].sort(([a, countA], [b, countB]) => countB - countA || a - b)[0]?.[0] ?? 0;
  const grade = total.words >= MIN_READING_WORDS ? Math.round(fleschKincaidGrade(total) * 10) / 10 : undefined;
  return { grade, target, words: total.words };
}

function emptyCategories(): CategoryCounts {
  return Object.fromEntries(CATEGORIES.map((category) => [category, 0])) as CategoryCounts;
}

function addCategories(list: readonly CategoryCounts[]): CategoryCounts {
  const total = emptyCategories();
  for (const counts of list) for (const category of CATEGORIES) total[category] += counts[category];
  return total;
}

function emptyCounts(): SeverityCounts {
  return { error: 0, warning: 0, info: 0, hint: 0 };
}

function addCounts(list: readonly SeverityCounts[]): SeverityCounts {
  const total = emptyCounts();
  for (const counts of list) for (const severity of SEVERITIES) total[severity] += counts[severity];
  return total;
}

function addReviews(list: readonly ReviewCounts[]): ReviewCounts {
  return list.reduce(
    (sum, counts) => ({
      approved: sum.approved + counts.approved,
      outstanding: sum.outstanding + counts.outstanding,
      stale: sum.stale + counts.stale,
      overdue: sum.overdue + counts.overdue,
    }),
    { approved: 0, outstanding: 0, stale: 0, overdue: 0 },
  );
}
