import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import {
  compareItems,
  filterItems,
  formatQueue,
  outstandingItems,
  parseIdentity,
  QUEUE_FORMATS,
  readEntry,
  sha256Hex,
  reviewStates,
  triggerRules,
  withoutBom,
  type LessonEntry,
  type QueueFilter,
  type QueueFormat,
  type QueueItem,
  type ResolvedConfig,
  type RoleState,
} from '../core';
import { displayPath } from './files';
import { lessonsAsked } from './lessonsAsked';
import { CACHE_OPTIONS, EXIT, SHARED_OPTIONS, todayFrom, usageError, type CliIO } from './common';
import { cacheFrom, saveCache, type LintCache } from './lintCache';
import { describeError } from './errors';
import { countLessonTriggers, type TriggerOutcome } from './lessonTriggers';
import { countTriggersInWorkers, MAX_FILES_ON_ONE_THREAD, startTriggerWorkers, type StartWorker, type WorkerSettings } from './parallel';
import { printable } from './printable';
import { commandHelp } from './usage';

/**
 * One lesson's part of the queue, or why it has none: front matter that its author must fix, or a
 * file that could not be read or processed at all. `roles`: the role names it knows of.
 */
type LessonQueue =
  | { kind: 'listed'; roles: string[]; items: QueueItem[] }
  | { kind: 'front-matter-problem'; roles: string[]; problem: string }
  | { kind: 'failed'; problem: string };

/**
 * A lesson read, whose items wait for its claims to be checked: `hash` tells the text read apart, which
 * is not kept meanwhile; `key` is where the cache keeps the counts.
 */
interface AwaitingTriggers {
  kind: 'awaiting-triggers';
  hash: string;
  entry: LessonEntry;
  roles: string[];
  key: string | undefined;
}

/**
 * `course-review queue [paths…] [options]`: every outstanding review in the lessons under the
 * paths, from their front matter, as a table, JSON, CSV or a Markdown table. Lessons whose front
 * matter cannot be read are reported on stderr, not listed: their reviews cannot be known. So are
 * files that cannot be read at all, which also make the exit code 2.
 */
export async function queue(argv: readonly string[], io: CliIO): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      allowPositionals: true,
      options: {
        role: { type: 'string' },
        reviewer: { type: 'string' },
        overdue: { type: 'boolean' },
        format: { type: 'string', default: 'table' },
        ...SHARED_OPTIONS,
        ...CACHE_OPTIONS,
      },
    });
  } catch (error) {
    return usageError(io, (error as Error).message, 'queue');
  }
  const { values, positionals: paths } = parsed;
  if (values.help) {
    io.stdout(commandHelp('queue'));
    return EXIT.ok;
  }
  if (!isQueueFormat(values.format)) return usageError(io, `Unknown format "${values.format}", expected table, json, csv or md.`, 'queue');
  const today = todayFrom(values.today);
  if ('error' in today) return usageError(io, today.error, 'queue');
  const role = values.role?.trim();
  if (values.role !== undefined && !role) return usageError(io, '--role takes a role name, e.g. --role legal.', 'queue');
  const reviewer = values.reviewer === undefined ? undefined : parseIdentity(values.reviewer);
  if (values.reviewer !== undefined && reviewer === undefined)
    return usageError(io, '--reviewer takes a name or an email address, e.g. --reviewer priya@example.com.', 'queue');

  const asked = lessonsAsked(io, paths, values.config, 'queue');
  if (asked.kind === 'stopped') return asked.exit;
  const { files } = asked;

  const filter: QueueFilter = { role, reviewer, overdue: values.overdue };
  const cache = cacheFrom(values, io.cwd);
  const settings: WorkerSettings = { cwd: io.cwd, configPath: values.config };
  // Without trigger findings on record, many lessons will likely wait for their claims: the workers get ready meanwhile.
  const workers = files.length > MAX_FILES_ON_ONE_THREAD && !cache?.hasTriggers() ? startTriggerWorkers(settings) : undefined;
  let counted: Map<AwaitingTriggers, TriggerOutcome>;
  let looked;
  try {
    looked = files.map(({ path, config }) => {
      const file = displayPath(io.cwd, path);
      return { file, path, config, look: firstLook(path, file, config, filter, today.today, cache) };
    });
    const awaiting = looked.flatMap((lesson) => (lesson.look.kind === 'awaiting-triggers' ? [{ ...lesson, look: lesson.look }] : []));
    counted = await countTriggers(awaiting, settings, workers?.startWorker);
  } finally {
    await workers?.close();
  }
  const lessons = looked.map(({ file, look }) => ({
    file,
    queue: look.kind === 'awaiting-triggers' ? withTriggers(look, counted.get(look)!, today.today, cache) : look,
  }));
  saveCache(cache, io);
  const knownRoles = [...new Set(lessons.flatMap(({ queue }) => (queue.kind === 'failed' ? [] : queue.roles)))];
  if (role !== undefined && knownRoles.length > 0 && !knownRoles.includes(role)) {
    return usageError(io, `Unknown role "${role}", expected ${knownRoles.map((name) => `"${name}"`).join(', ')}.`, 'queue');
  }

  let unreadable = 0;
  for (const { file, queue } of lessons) {
    if (queue.kind === 'listed') continue;
    io.stderr(`course-review: ${printable(file)}: ${printable(queue.problem)}\n`);
    if (queue.kind === 'failed') unreadable++;
  }
  const items = filterItems(lessons.flatMap(({ queue }) => (queue.kind === 'listed' ? queue.items : [])).sort(compareItems), filter);
  const text = values.format === 'table' || values.format === 'md' ? items.map(printableItem) : items;
  io.stdout(formatQueue(text, values.format));
  if (unreadable === 0) return EXIT.ok;
  io.stderr(
    `${unreadable} of ${files.length} ${files.length === 1 ? 'lesson' : 'lessons'} could not be read or listed; the others are ` +
      `listed above.\n`,
  );
  return EXIT.usage;
}

/**
 * The lesson's queue from its front matter, or what it waits for when a triggered role has no review
 * on record and its claims decide whether it is required. Never throws: a lesson that cannot be
 * read, or whose processing fails, is a problem of that lesson alone.
 */
function firstLook(
  path: string,
  file: string,
  config: ResolvedConfig,
  filter: QueueFilter,
  today: string,
  cache: LintCache | undefined,
): LessonQueue | AwaitingTriggers {
  let text: string;
  try {
    text = readLesson(path);
  } catch (error) {
    return { kind: 'failed', problem: `cannot read the file: ${describeError(error)}.` };
  }
  try {
    const entry = readEntry(file, text, config.roles);
    if (entry.problem) return { kind: 'front-matter-problem', roles: config.roles.map((known) => known.name), problem: entry.problem };
    const states = reviewStates({
      review: entry.review,
      roles: entry.roles,
      fingerprint: () => entry.fingerprint,
      today: undefined,
      findingsByRule: new Map(),
    });
    const roles = states.map((state) => state.role.name);
    if (!needsTriggers(states, config, filter)) return { kind: 'listed', roles, items: outstandingItems(entry, today) };
    const key = cache?.triggerKey(text, config);
    const cached = key === undefined ? undefined : cache?.getTriggers(key);
    if (cached) return { kind: 'listed', roles, items: outstandingItems({ ...entry, triggers: cached }, today) };
    return { kind: 'awaiting-triggers', hash: sha256Hex(text), entry, roles, key };
  } catch (error) {
    return failedToList(error);
  }
}

/** The claims of the lessons that wait for them, checked on worker threads when there are many. */
async function countTriggers(
  lessons: ReadonlyArray<{ path: string; config: ResolvedConfig; look: AwaitingTriggers }>,
  settings: WorkerSettings,
  startWorker: StartWorker | undefined,
): Promise<Map<AwaitingTriggers, TriggerOutcome>> {
  const jobs = lessons.map(({ path, look }) => ({ path, hash: look.hash }));
  const outcomes =
    lessons.length > MAX_FILES_ON_ONE_THREAD
      ? await countTriggersInWorkers(jobs, settings, startWorker)
      : jobs.map((job, index) => countLessonTriggers(job, lessons[index].config));
  return new Map(lessons.map(({ look }, index) => [look, outcomes[index]]));
}

function withTriggers(look: AwaitingTriggers, outcome: TriggerOutcome, today: string, cache: LintCache | undefined): LessonQueue {
  if (outcome.kind === 'failed') return outcome;
  const triggers = new Map(outcome.counts);
  if (cache && look.key !== undefined) cache.setTriggers(look.key, triggers);
  try {
    return { kind: 'listed', roles: look.roles, items: outstandingItems({ ...look.entry, triggers }, today) };
  } catch (error) {
    return failedToList(error);
  }
}

function failedToList(error: unknown): { kind: 'failed'; problem: string } {
  return { kind: 'failed', problem: `cannot list its reviews: ${describeError(error)}. Please report this with the lesson attached.` };
}

/** Every text of an item safe to print in a terminal; the item's dates, counts and flags are not text from a lesson. */
function printableItem(item: QueueItem): QueueItem {
  const text = (value: string | undefined) => (value === undefined ? undefined : printable(value));
  return {
    ...item,
    file: printable(item.file),
    title: text(item.title),
    role: printable(item.role),
    label: printable(item.label),
    reviewer: text(item.reviewer),
    note: text(item.note),
    triggeredBy: item.triggeredBy.map(printable),
  };
}

function isQueueFormat(format: string): format is QueueFormat {
  return (QUEUE_FORMATS as readonly string[]).includes(format);
}

function readLesson(path: string): string {
  const text = readFileSync(path, 'utf8');
  return withoutBom(text);
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
