import type { Role } from '../review/roles';
import type { OffsetRange } from './range';

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
