import { realpathSync } from 'node:fs';
import { dirname, relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { repositoryRoot } from '../git/history';
import { reviewEvents, type ReviewEvent } from '../git/reviewEvents';
import { ReviewHistory } from '../git/reviewHistory';
import { configSource, EXIT, usageError, type CliIO } from './common';
import { describeError } from './errors';
import { displayPath } from './files';
import { printable } from './printable';
import { commandHelp } from './usage';
import { toPosix } from '../core';

/** `course-review history [--format text|json] FILE…`: the audit trail of each lesson's reviews, from git. */
export function history(argv: readonly string[], io: CliIO): number {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      allowPositionals: true,
      options: { format: { type: 'string', default: 'text' }, help: { type: 'boolean', short: 'h' } },
    });
  } catch (error) {
    return usageError(io, (error as Error).message, 'history');
  }
  const { values, positionals: paths } = parsed;
  if (values.help) {
    io.stdout(commandHelp('history'));
    return EXIT.ok;
  }
  if (values.format !== 'text' && values.format !== 'json')
    return usageError(io, `Unknown format "${values.format}", expected text or json.`, 'history');
  if (paths.length === 0) return usageError(io, 'Missing the lessons: name one or more files.', 'history');
  const results: Array<{ file: string; events: ReviewEvent[] }> = [];
  let failed = 0;
  const histories = new Map<string, ReviewHistory>();
  for (const path of paths) {
    const file = displayPath(io.cwd, resolve(io.cwd, path));
    const events = eventsOf(resolve(io.cwd, path), histories);
    if ('error' in events) {
      io.stderr(`course-review: ${printable(file)}: ${printable(events.error)}\n`);
      failed++;
      continue;
    }
    results.push({ file, events: events.events });
  }
  if (values.format === 'json') io.stdout(`${JSON.stringify(results, null, 2)}\n`);
  else io.stdout(results.map(({ file, events }) => textOf(file, events)).join('\n'));
  return failed > 0 ? EXIT.usage : EXIT.ok;
}

function eventsOf(file: string, histories: Map<string, ReviewHistory>): { events: ReviewEvent[] } | { error: string } {
  let real: string;
  try {
    real = realpathSync(file);
  } catch (error) {
    return { error: `Cannot read the file: ${describeError(error)}.` };
  }
  const found = repositoryRoot(dirname(real));
  if (!found.ok)
    return {
      error: found.notARepository ? 'The lesson is not in a git repository: its review history is in git.' : `git: ${found.message}`,
    };
  const root = realpathSync(found.value);
  let history = histories.get(root);
  if (!history) {
    const read = ReviewHistory.read(root, { signatures: false });
    if (!read.ok) return { error: `git: ${read.message}` };
    history = read.value;
    histories.set(root, history);
  }
  const config = configSource(dirname(real), undefined);
  const resolved = 'error' in config ? undefined : config.forFile(real);
  return { events: reviewEvents(history, toPosix(relative(root, real)), resolved?.ok ? resolved.config.roles : undefined) };
}

function textOf(file: string, events: readonly ReviewEvent[]): string {
  if (events.length === 0) return `${printable(file)}: no review in its history.\n`;
  const lines = events.map((event) => {
    const verdict = event.accepted === undefined ? '' : event.accepted ? '  accepted' : `  NOT ACCEPTED: ${event.reason}`;
    return (
      `  ${event.date.slice(0, 10)}  ${event.role}  ${event.status}${event.reviewer ? ` by ${event.reviewer}` : ''}  ` +
      `${event.commit.slice(0, 10)} (${event.author})${verdict}`
    );
  });
  return `${printable(file)}\n${lines.map(printable).join('\n')}\n`;
}
