import { parseDocument } from 'yaml';
import { locateFrontMatter } from '../document/frontMatter';
import { lessonFingerprint } from '../review/fingerprint';
import type { Role } from '../review/roles';
import { reviewStates, type RoleState } from '../review/state';
import { daysBetween } from '../review/dates';

const BOM = '\uFEFF';

/** What the queue knows about one lesson, from its front matter alone (plus a hash when an approval needs checking). */
export interface LessonEntry {
  file: string;
  title: string | undefined;
  /** The front matter's `review` value, as parsed. */
  review: unknown;
  roles: readonly Role[];
  /** Only computed when some role is approved: the hash needs the whole file. */
  fingerprint: string | undefined;
  /** Rule id → findings, for triggered roles; `undefined` until the (slower) trigger check has run. */
  triggers: ReadonlyMap<string, number> | undefined;
  /** Why the front matter could not be read, if it could not. */
  problem: string | undefined;
}

/** How much of a file the index needs: the head up to the closing `---`, or everything when an approval must be checked. */
export type HeadNeed = 'enough' | 'more';

/**
 * Whether `prefix` (the first bytes of a file, as text) holds the whole front matter. Adapters
 * read a few kilobytes, and the rest only when this says so.
 */
export function headNeed(prefix: string, wholeFile: boolean): HeadNeed {
  if (wholeFile) return 'enough';
  const text = prefix.startsWith(BOM) ? prefix.slice(1) : prefix;
  const location = locateFrontMatter(text);
  if (location.kind === 'unclosed') return 'more';
  if (location.kind === 'none') return text.length < 4 && '---'.startsWith(text.replace(/\r?\n?$/, '')) ? 'more' : 'enough';
  return /\bapproved\b/.test(text.slice(location.content.start, location.content.end)) ? 'more' : 'enough';
}

/**
 * Reads a lesson's entry from its text. `text` may be only the head when `headNeed` said
 * 'enough'; with an approval in the front matter it must be the whole file.
 */
export function readEntry(file: string, input: string, roles: readonly Role[], triggers?: ReadonlyMap<string, number>): LessonEntry {
  const text = input.startsWith(BOM) ? input.slice(1) : input;
  const location = locateFrontMatter(text);
  const entry: LessonEntry = { file, title: undefined, review: undefined, roles, fingerprint: undefined, triggers, problem: undefined };
  if (location.kind === 'unclosed') return { ...entry, problem: 'The front matter has no closing `---` line.' };
  if (location.kind === 'none') return entry;
  const yaml = parseDocument(text.slice(location.content.start, location.content.end), { uniqueKeys: true });
  if (yaml.errors.length > 0) return { ...entry, problem: `The front matter does not parse: ${yaml.errors[0].message.split('\n')[0]}` };
  let data: unknown;
  try {
    data = yaml.toJS({ maxAliasCount: 100 });
  } catch (error) {
    return { ...entry, problem: `The front matter does not parse: ${(error as Error).message}` };
  }
  if (data === null || data === undefined) return entry;
  if (typeof data !== 'object' || Array.isArray(data)) return { ...entry, problem: 'The front matter is not `key: value` lines.' };
  const record = data as Record<string, unknown>;
  const review = record.review;
  const approved = review && typeof review === 'object' && Object.values(review).some((role) => role && typeof role === 'object' && (role as Record<string, unknown>).status === 'approved');
  return {
    ...entry,
    title: typeof record.title === 'string' ? record.title : undefined,
    review,
    fingerprint: approved ? lessonFingerprint(text) : undefined,
  };
}

/** One outstanding review: what the queue lists. */
export interface QueueItem {
  file: string;
  title: string | undefined;
  role: string;
  label: string;
  /** `missing`: required but never requested. `stale`: approved, then the lesson changed. */
  status: 'requested' | 'changes-requested' | 'stale' | 'missing';
  reviewer: string | undefined;
  requested: string | undefined;
  due: string | undefined;
  signed: string | undefined;
  note: string | undefined;
  overdue: boolean;
  stale: boolean;
  /** Days since the request (or since changes were asked for); undefined when there is no date. */
  daysWaiting: number | undefined;
  /** Required because these rules found something (triggered roles). */
  triggeredBy: readonly string[];
}

/** The lesson's outstanding reviews on a given day. */
export function outstandingItems(entry: LessonEntry, today: string): QueueItem[] {
  const states = reviewStates({ review: entry.review, roles: entry.roles, fingerprint: entry.fingerprint, today, findingsByRule: entry.triggers ?? new Map() });
  return states.filter((state) => state.outstanding).map((state) => item(entry, state, today));
}

function item(entry: LessonEntry, state: RoleState, today: string): QueueItem {
  const record = state.record;
  const since = state.status === 'changes-requested' || state.status === 'stale' ? (record?.signed ?? record?.requested) : record?.requested;
  return {
    file: entry.file,
    title: entry.title,
    role: state.role.name,
    label: state.role.label,
    status: state.status as QueueItem['status'],
    reviewer: record?.reviewer,
    requested: record?.requested,
    due: record?.due,
    signed: record?.signed,
    note: record?.note,
    overdue: state.overdue,
    stale: state.status === 'stale',
    daysWaiting: since ? Math.max(0, daysBetween(since, today)) : undefined,
    triggeredBy: state.triggeredBy,
  };
}
