import type { ReadingCounts } from '../prose/readability';
import type { RoleStatus } from '../review/state';
import type { Position } from '../text/lines';
import type { Part } from './expectations';
import type { PageTypeDecision } from './pageType';

/**
 * What the course needs to know of one page, as plain data: its type, which parts it has, and
 * where a module-level finding would go. Computed with the page's lint, kept per page, compared
 * across a module.
 */
export interface PageSummary {
  type: PageTypeDecision;
  /** The page says it is a lesson (a `type:`, or a title with objectives or key points in front matter): checked at any length. */
  declared: boolean;
  /** Prose words in the body. */
  words: number;
  parts: Record<Part, boolean>;
  /** The title line: where a module-level finding is reported when this page is the module's first. */
  title: { start: number; end: number; range: { start: Position; end: Position }; text: string | undefined };
  /** Rules switched off at the title line by a comment (`disable-file` included). */
  suppressedAtTitle: string[];
  /** Acronyms the page spells out ("reinforcement learning (RL)"): the course has taught them to its other pages' readers. */
  acronymsSpelledOut: string[];
  /** How long the page takes: as its front matter declares, and as estimated from its words and activities. */
  minutes: { declared: number | undefined; estimated: number };
  /** Each review role, as the page's front matter records it: for the course outline and its report. */
  reviews: PageReview[];
  /** The page's running prose as the reading grade reads it, and the grade its audience should read at. */
  reading: ReadingCounts & { target: number };
}

/** One role's review of a page, as plain data. */
export interface PageReview {
  role: string;
  label: string;
  status: RoleStatus;
  required: boolean;
  /** Someone has to act: a required review missing, a request open, changes asked for, or a stale approval. */
  outstanding: boolean;
  overdue: boolean;
  reviewer: string | undefined;
  requested: string | undefined;
  due: string | undefined;
  /** When the reviewer last signed (approved, asked for changes, waived). */
  signed: string | undefined;
  /** Days since the request, or since changes were asked for or the approval went stale; undefined without a date or a day to count to. */
  daysWaiting: number | undefined;
}

/** A finding that a page of its module can make moot: one of the whole-lesson rules, with `scope: module`. */
export interface ModuleScoped {
  part: Part;
}
