import { readFileSync } from 'node:fs';
import { relative } from 'node:path';
import { parseArgs } from 'node:util';
import { filterItems, formatQueue, parseIdentity, QUEUE_FORMATS, readEntry, reviewStates, ReviewIndex, triggerCounts, triggerRules, type LessonEntry, type QueueFilter, type QueueFormat, type ResolvedConfig, type RoleState } from '../core';
import { collectFiles } from './files';
import { configSource, EXIT, reportConfigError, todayFrom, usageError, type CliIO } from './common';
import { USAGE } from './usage';

const BOM = '\uFEFF';

/**
 * `course-review queue [paths…] [options]`: every outstanding review in the lessons under the
 * paths, from their front matter, as a table, JSON, CSV or a Markdown table. Lessons whose front
 * matter cannot be read are reported on stderr, not listed: their reviews cannot be known.
 */
export function queue(argv: readonly string[], io: CliIO): number {
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
        today: { type: 'string' },
        config: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (error) {
    return usageError(io, (error as Error).message);
  }
  const { values, positionals: paths } = parsed;
  if (values.help) {
    io.stdout(USAGE);
    return EXIT.ok;
  }
  if (!isQueueFormat(values.format)) return usageError(io, `Unknown format "${values.format}", expected table, json, csv or md.`);
  const today = todayFrom(values.today);
  if ('error' in today) return usageError(io, today.error);
  const role = values.role?.trim();
  if (values.role !== undefined && !role) return usageError(io, '--role takes a role name, e.g. --role legal.');
  const reviewer = values.reviewer === undefined ? undefined : parseIdentity(values.reviewer);
  if (values.reviewer !== undefined && reviewer === undefined) return usageError(io, '--reviewer takes a name or an email address, e.g. --reviewer priya@example.com.');

  const configFor = configSource(io.cwd, values.config);
  if ('error' in configFor) return reportConfigError(io, configFor.error);
  const { files, missing } = collectFiles(paths.length > 0 ? paths : ['.'], io.cwd, configFor.forFile);
  if (missing.length > 0) return usageError(io, `No such file, folder or matching glob: ${missing.join(', ')}`);

  const lessons: Array<{ path: string; config: ResolvedConfig; entry: LessonEntry; states: RoleState[] }> = [];
  for (const { path, config } of files) {
    if (!config.ok) return reportConfigError(io, config.error);
    const entry = readEntry(relative(io.cwd, path).split('\\').join('/'), readLesson(path), config.config.roles);
    lessons.push({ path, config: config.config, entry, states: reviewStates({ review: entry.review, roles: entry.roles, fingerprint: entry.fingerprint, today: undefined, findingsByRule: new Map() }) });
  }
  const knownRoles = [...new Set(lessons.flatMap(({ states }) => states.map((state) => state.role.name)))];
  if (role !== undefined && lessons.length > 0 && !knownRoles.includes(role)) {
    return usageError(io, `Unknown role "${role}", expected ${knownRoles.map((name) => `"${name}"`).join(', ')}.`);
  }

  const index = new ReviewIndex();
  const filter: QueueFilter = { role, reviewer, overdue: values.overdue };
  for (const { path, config, entry, states } of lessons) {
    index.set(needsTriggers(states, config, filter) ? { ...entry, triggers: triggerCounts(readLesson(path), config) } : entry);
  }
  for (const { file, problem } of index.problems()) io.stderr(`course-review: ${file}: ${problem}\n`);
  io.stdout(formatQueue(filterItems(index.items(today.today), filter), values.format));
  return EXIT.ok;
}

function isQueueFormat(format: string): format is QueueFormat {
  return (QUEUE_FORMATS as readonly string[]).includes(format);
}

function readLesson(path: string): string {
  const text = readFileSync(path, 'utf8');
  return text.startsWith(BOM) ? text.slice(BOM.length) : text;
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
    (state) => state.role.required === 'when-triggered' && state.status === 'missing' && (filter.role === undefined || state.role.name === filter.role) && state.role.triggers.some((rule) => enabled.has(rule)),
  );
}
