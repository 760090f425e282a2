import { parseArgs } from 'node:util';
import {
  compareItems,
  filterItems,
  formatQueue,
  parseIdentity,
  QUEUE_FORMATS,
  type QueueFilter,
  type QueueFormat,
  type QueueItem,
} from '../core';
import { displayPath } from './files';
import { lessonsAsked } from './lessonsAsked';
import { CACHE_OPTIONS, EXIT, SHARED_OPTIONS, todayFrom, usageError, type CliIO } from './common';
import { cacheFrom, saveCache } from './lintCache';
import { MAX_FILES_ON_ONE_THREAD, queueInWorkers } from './parallel';
import { printable } from './printable';
import { queueLesson, type QueueQuestion } from './queueLesson';
import { commandHelp } from './usage';

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
  const question: QueueQuestion = { today: today.today, filter, remembered: cache?.rememberedTriggers() };
  const jobs = files.map(({ path }) => ({ path, file: displayPath(io.cwd, path) }));
  // Each lesson is read once, where its claims are checked: on worker threads when there are many, unless a cache remembers them.
  const queued =
    files.length > MAX_FILES_ON_ONE_THREAD && !cache?.hasTriggers()
      ? await queueInWorkers(jobs, { cwd: io.cwd, configPath: values.config, question })
      : jobs.map(({ path, file }, index) => queueLesson(path, file, files[index].config, question));
  for (const { triggers } of queued) if (triggers) cache?.keepTriggers(triggers.key, triggers.counts, triggers.checked);
  const lessons = queued.map(({ queue }, index) => ({ file: jobs[index].file, queue }));
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
