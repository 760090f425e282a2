import { CORE_SCHEMA, load } from 'js-yaml';
import { locateFrontMatter, parseFrontMatter, unreadable } from '../document/frontMatter';
import { fingerprintOf } from '../review/fingerprint';
import type { Role } from '../review/roles';
import { reviewStates, type RoleState } from '../review/state';
import { daysWaiting } from '../review/waiting';
import { withoutBom } from '../text/bom';

/** A YAML alias (`*name`) where a value can start. */
const ALIAS = /(?:^|[\s[{,:-])\*[^\s,\]}]/m;

/** What the queue knows about one lesson, from its front matter alone (plus a hash when an approval needs checking). */
export interface LessonEntry {
  file: string;
  title: string | undefined;
  /** The front matter's `review` value, as parsed. */
  review: unknown;
  roles: readonly Role[];
  /** Only computed when some role is approved: the hash needs the whole file. */
  fingerprint: string | undefined;
  /**
   * Rule id → findings, for triggered roles (at least 1 for a rule that finds something; 1 when the
   * claim was confirmed from its own block, see `triggerCounts`); `undefined` until the (slower)
   * trigger check has run.
   */
  triggers: ReadonlyMap<string, number> | undefined;
  /** Why the front matter could not be read, if it could not. */
  problem: string | undefined;
  /** Where, as an offset into the file's text without a byte-order mark. */
  problemAt: number | undefined;
}

/** How much of a file the index needs: the head up to the closing `---`, or everything when an approval must be checked. */
export type HeadNeed = 'enough' | 'more';

/**
 * Whether `prefix` (the first bytes of a file, as text) holds the whole front matter. Adapters
 * read a few kilobytes, and the rest only when this says so.
 */
export function headNeed(prefix: string, wholeFile: boolean): HeadNeed {
  if (wholeFile) return 'enough';
  const text = withoutBom(prefix);
  if (text.length < 5 && '---\n'.startsWith(text.replace(/\r/g, ''))) return 'more';
  const location = locateFrontMatter(text);
  if (location.kind === 'unclosed') return 'more';
  if (location.kind === 'none') return 'enough';
  // A closing fence cut off by the end of the prefix might be the start of a longer line.
  if (!/[\r\n]/.test(text.slice(location.range.end, location.range.end + 1))) return 'more';
  return /\bapproved\b/.test(text.slice(location.content.start, location.content.end)) ? 'more' : 'enough';
}

/**
 * Reads a lesson's entry from its text. `text` may be only the head when `headNeed` said
 * 'enough'; with an approval in the front matter it must be the whole file.
 */
export function readEntry(file: string, input: string, roles: readonly Role[], triggers?: ReadonlyMap<string, number>): LessonEntry {
  const text = withoutBom(input);
  const location = locateFrontMatter(text);
  const entry: LessonEntry = {
    file,
    title: undefined,
    review: undefined,
    roles,
    fingerprint: undefined,
    triggers,
    problem: undefined,
    problemAt: undefined,
  };
  if (location.kind === 'unclosed') return { ...entry, problem: 'The front matter has no closing `---` line.', problemAt: 0 };
  if (location.kind === 'none') return entry;
  const content = text.slice(location.content.start, location.content.end);
  const body = text.slice(location.range.end);
  const quick = quickData(content);
  // The two parsers disagree on some plain scalars (js-yaml reads `1_000` as a number): only text is trusted.
  if (quick && (quick.title === undefined || typeof quick.title === 'string') && onlyText(quick.review)) {
    const approved = hasApproval(quick.review);
    if (!approved || onlyText(quick)) return withData(entry, quick, approved ? body : undefined);
  }
  const frontMatter = parseFrontMatter(text, location.range);
  const [problem] = frontMatter.problems;
  if (problem)
    return {
      ...entry,
      problem: `The front matter does not parse: ${problem.message.replace(/ at line \d+, column \d+:?$/, '')}`,
      problemAt: problem.start,
    };
  const data = frontMatter.data;
  if (!data)
    return frontMatter.document.contents === null
      ? entry
      : { ...entry, problem: 'The front matter is not `key: value` lines.', problemAt: location.content.start };
  return withData(entry, data, hasApproval(data.review) ? body : undefined);
}

/**
 * The entry's title and records (copied, so that the entry does not keep the file's text alive through substrings), and the fingerprint
 * when an approval needs it.
 */
function withData(entry: LessonEntry, data: Record<string, unknown>, bodyToFingerprint: string | undefined): LessonEntry {
  const { review, ...signed } = data;
  const kept = structuredClone({ title: typeof data.title === 'string' ? data.title : undefined, review });
  return { ...entry, ...kept, fingerprint: bodyToFingerprint === undefined ? undefined : fingerprintOf(signed, bodyToFingerprint) };
}

function hasApproval(review: unknown): boolean {
  return (
    !!review &&
    typeof review === 'object' &&
    Object.values(review).some((role) => role && typeof role === 'object' && (role as Record<string, unknown>).status === 'approved')
  );
}

/**
 * The queue's fast path: js-yaml reads a front matter about nine times faster than the `yaml`
 * Document API, which the editor needs for positions and edits. Its data is used only where every
 * value it gives is text (both parsers read text alike; numbers and booleans they do not always):
 * the title and records to list a lesson, and the whole front matter for a fingerprint. Anything
 * else takes the full path, which also explains a problem. Unit property tests check that both
 * paths give the same title, records and fingerprint.
 */
function quickData(content: string): Record<string, unknown> | undefined {
  // js-yaml recurses once a level and follows aliases into cycles: such front matter takes the full path, which refuses it.
  if (unreadable(content) || ALIAS.test(content)) return undefined;
  try {
    const value: unknown = load(content, { schema: CORE_SCHEMA });
    if (value === undefined || value === null) return {};
    return typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

/** Mappings and lists whose every leaf is text (or absent): the values both parsers read alike. */
function onlyText(value: unknown): boolean {
  if (value === undefined || typeof value === 'string') return true;
  if (Array.isArray(value)) return value.every(onlyText);
  return typeof value === 'object' && value !== null && Object.values(value).every(onlyText);
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

/** The lesson's outstanding reviews on a given day; none when its front matter cannot be read. */
export function outstandingItems(entry: LessonEntry, today: string): QueueItem[] {
  // Unreadable front matter says nothing about its reviews: listed apart (ReviewIndex.problems), not guessed.
  if (entry.problem) return [];
  const states = reviewStates({
    review: entry.review,
    roles: entry.roles,
    fingerprint: () => entry.fingerprint,
    today,
    findingsByRule: entry.triggers ?? new Map(),
  });
  return states.filter((state) => state.outstanding).map((state) => item(entry, state, today));
}

function item(entry: LessonEntry, state: RoleState, today: string): QueueItem {
  const record = state.record;
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
    daysWaiting: daysWaiting(state, today),
    triggeredBy: state.triggeredBy,
  };
}
