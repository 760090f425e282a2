import { readFileSync } from 'node:fs';
import {
  outstandingItems,
  readEntry,
  reviewStates,
  triggerCounts,
  triggerRules,
  withoutBom,
  type LessonEntry,
  type QueueFilter,
  type QueueItem,
  type ResolvedConfig,
  type RoleState,
} from '../core';
import { describeError } from './errors';
import { triggerKeyOf, type TriggerEntry } from './lintCache';

/**
 * One lesson's part of the queue, or why it has none: front matter that its author must fix, or a
 * file that could not be read or processed at all. `roles`: the role names it knows of.
 */
export type LessonQueue =
  | { kind: 'listed'; roles: string[]; items: QueueItem[] }
  | { kind: 'front-matter-problem'; roles: string[]; problem: string }
  | { kind: 'failed'; problem: string };

/** What the queue asks of every lesson, wherever it is read: the day and the filter its items are for. */
export interface QueueQuestion {
  today: string;
  filter: QueueFilter;
  /**
   * Trigger counts a cache kept, by {@link triggerKeyOf}; undefined when no cache was asked for, and the
   * lesson's key is then not computed either.
   */
  remembered: Readonly<Record<string, TriggerEntry>> | undefined;
}

/** A lesson as the queue lists it, and what the cache learns from it: the key of its claims, and their counts when they were checked. */
export interface QueuedLesson {
  queue: LessonQueue;
  triggers?: { key: string; counts: Array<[string, number]>; checked: boolean };
}

/**
 * The lesson's outstanding reviews, from one read of the file: its front matter, and its claims when
 * a triggered role has no review on record and they decide whether it is required. Never throws: a
 * lesson that cannot be read, or whose processing fails, is a problem of that lesson alone.
 */
export function queueLesson(path: string, file: string, config: ResolvedConfig, question: QueueQuestion): QueuedLesson {
  let text: string;
  try {
    text = withoutBom(readFileSync(path, 'utf8'));
  } catch (error) {
    return { queue: { kind: 'failed', problem: `cannot read the file: ${describeError(error)}.` } };
  }
  let entry: LessonEntry;
  let roles: string[];
  try {
    entry = readEntry(file, text, config.roles);
    if (entry.problem)
      return { queue: { kind: 'front-matter-problem', roles: config.roles.map((known) => known.name), problem: entry.problem } };
    const states = reviewStates({
      review: entry.review,
      roles: entry.roles,
      fingerprint: () => entry.fingerprint,
      today: undefined,
      findingsByRule: new Map(),
    });
    roles = states.map((state) => state.role.name);
    if (!needsTriggers(states, config, question.filter))
      return { queue: { kind: 'listed', roles, items: outstandingItems(entry, question.today) } };
  } catch (error) {
    return { queue: failedToList(error) };
  }
  const key = question.remembered === undefined ? undefined : triggerKeyOf(text, config);
  const remembered = key === undefined || question.remembered === undefined ? undefined : rememberedCounts(question.remembered, key);
  let counts = remembered;
  if (counts === undefined) {
    try {
      counts = [...triggerCounts(text, config)];
    } catch (error) {
      return {
        queue: {
          kind: 'failed',
          problem: `cannot check its claims: ${describeError(error)}. Please report this with the lesson attached.`,
        },
      };
    }
  }
  const triggers = key === undefined ? undefined : { key, counts, checked: remembered === undefined };
  try {
    return { queue: { kind: 'listed', roles, items: outstandingItems({ ...entry, triggers: new Map(counts) }, question.today) }, triggers };
  } catch (error) {
    return { queue: failedToList(error), triggers };
  }
}

function rememberedCounts(remembered: Readonly<Record<string, TriggerEntry>>, key: string): Array<[string, number]> | undefined {
  const entry = Object.hasOwn(remembered, key) ? remembered[key] : undefined;
  // A cache is read as it was written, or not at all: an entry of another shape is no count.
  if (typeof entry !== 'object' || entry === null || Array.isArray(entry)) return undefined;
  return Object.entries(entry).filter((pair): pair is [string, number] => typeof pair[1] === 'number');
}

function failedToList(error: unknown): { kind: 'failed'; problem: string } {
  return { kind: 'failed', problem: `cannot list its reviews: ${describeError(error)}. Please report this with the lesson attached.` };
}

/**
 * Whether the trigger rules must run for a lesson (a lint of those rules, much slower than reading
 * front matter). They decide only whether a triggered role with no review on record is listed as
 * missing; a requested, signed or waived role is listed, or not, whatever they find. A missing
 * review has no reviewer and no due date, so `--reviewer` and `--overdue` never list one.
 */
function needsTriggers(states: readonly RoleState[], config: ResolvedConfig, filter: QueueFilter): boolean {
  if (filter.reviewer !== undefined || filter.overdue) return false;
  const enabled = new Set(triggerRules(config));
  return states.some(
    (state) =>
      state.role.required === 'when-triggered' &&
      state.status === 'missing' &&
      (filter.role === undefined || state.role.name === filter.role) &&
      state.role.triggers.some((rule) => enabled.has(rule)),
  );
}
