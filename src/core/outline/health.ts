import { daysBetween } from '../review/dates';
import type { RoleStatus } from '../review/state';
import {
  OUTLINE_PARTS,
  type CategoryCounts,
  type CourseOutline,
  type OutlinePart,
  type PartRollup,
  type Reading,
  type ReviewCounts,
} from './outline';
import { CATEGORIES, type Category } from '../types/category';

/** The statuses a review waits in, in the order a backlog is read: not asked yet, asked, sent back, gone stale. */
export const OPEN_STATUSES = ['missing', 'requested', 'changes-requested', 'stale'] as const;
export type OpenStatus = (typeof OPEN_STATUSES)[number];

export const OPEN_STATUS_LABELS: Record<OpenStatus, string> = {
  missing: 'not requested',
  requested: 'requested',
  'changes-requested': 'changes requested',
  stale: 'stale approval',
};

/** One review someone has to act on, with the page it is for. */
export interface OpenReview {
  path: string;
  title: string;
  module: string;
  role: string;
  label: string;
  status: OpenStatus;
  reviewer: string | undefined;
  requested: string | undefined;
  due: string | undefined;
  overdue: boolean;
  daysWaiting: number | undefined;
  /** Days past the due date; 0 when not overdue. */
  daysLate: number;
}

export interface BacklogBar {
  role: string;
  label: string;
  status: OpenStatus;
  count: number;
}

export interface ModuleHealth {
  key: string;
  title: string;
  pages: number;
  words: number;
  minutes: number;
  parts: Record<OutlinePart, PartRollup>;
  categories: CategoryCounts;
  reading: Reading;
  reviews: ReviewCounts;
}

/**
 * What a lead asks of a course: where reviews wait and for how long, which modules lack which part, where findings and hard reading gather.
 */
export interface CourseHealth {
  today: string;
  totals: CourseOutline['totals'] & { modules: number; openReviews: number; overdueReviews: number };
  modules: ModuleHealth[];
  /** Open reviews per role and status: the stacked bars. */
  backlog: BacklogBar[];
  /** Every open review, longest waiting first (those without a date last). */
  openReviews: OpenReview[];
  /** The ten that have waited longest. */
  oldest: OpenReview[];
  /** Past their due date, latest first. */
  overdue: OpenReview[];
  /** Modules where a part is missing for pages that should have it, by part. */
  gaps: Record<OutlinePart, string[]>;
}

const OLDEST_SHOWN = 10;

export function courseHealth(outline: CourseOutline, today: string): CourseHealth {
  const openReviews = outline.modules
    .flatMap((module) =>
      module.pages.flatMap((page) =>
        page.openReviews.flatMap((review): OpenReview[] => {
          if (!isOpen(review.status)) return [];
          return [
            {
              path: page.path,
              title: page.title,
              module: module.title,
              role: review.role,
              label: review.label,
              status: review.status,
              reviewer: review.reviewer,
              requested: review.requested,
              due: review.due,
              overdue: review.overdue,
              daysWaiting: review.daysWaiting,
              daysLate: review.overdue && review.due ? Math.max(0, daysBetween(review.due, today)) : 0,
            },
          ];
        }),
      ),
    )
    .sort((a, b) => (b.daysWaiting ?? -1) - (a.daysWaiting ?? -1) || a.path.localeCompare(b.path) || a.role.localeCompare(b.role));
  const overdue = openReviews.filter((review) => review.overdue).sort((a, b) => b.daysLate - a.daysLate || a.path.localeCompare(b.path));
  const modules = outline.modules.map((module): ModuleHealth => ({
    key: module.key,
    title: module.title,
    pages: module.pages.length,
    words: module.words,
    minutes: module.minutes,
    parts: module.parts,
    categories: module.categories,
    reading: module.reading,
    reviews: module.reviews,
  }));
  return {
    today,
    totals: { ...outline.totals, modules: modules.length, openReviews: openReviews.length, overdueReviews: overdue.length },
    modules,
    backlog: backlog(openReviews),
    openReviews,
    oldest: openReviews.filter((review) => review.daysWaiting !== undefined).slice(0, OLDEST_SHOWN),
    overdue,
    gaps: Object.fromEntries(
      OUTLINE_PARTS.map((part) => [
        part,
        modules.filter((module) => module.parts[part].coverage === 'missing').map((module) => module.title),
      ]),
    ) as Record<OutlinePart, string[]>,
  };
}

function backlog(reviews: readonly OpenReview[]): BacklogBar[] {
  const labels = new Map(reviews.map((review) => [review.role, review.label]));
  return [...labels].flatMap(([role, label]) =>
    OPEN_STATUSES.flatMap((status) => {
      const count = reviews.filter((review) => review.role === role && review.status === status).length;
      return count === 0 ? [] : [{ role, label, status, count }];
    }),
  );
}

function isOpen(status: RoleStatus): status is OpenStatus {
  return (OPEN_STATUSES as readonly string[]).includes(status);
}

/** Categories with at least one finding somewhere in the course, in catalogue order. */
export function categoriesFound(health: CourseHealth): Category[] {
  return CATEGORIES.filter((category) => health.modules.some((module) => module.categories[category] > 0));
}
