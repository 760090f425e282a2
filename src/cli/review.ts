import { statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { ACTION_VERBS, isIsoDate, parseIdentity, type Identity, type ReviewAction, type ReviewActionKind } from '../core';
import { configSource, EXIT, reportConfigError, todayFrom, usageError, type CliIO } from './common';
import { describeError } from './errors';
import { displayPath } from './files';
import { gitIdentity } from './identity';
import { printable } from './printable';
import { reviewDiff } from './reviewDiff';
import { reviewFile, type ReviewOutcome } from './reviewFile';
import { commandHelp } from './usage';

const ACTIONS: readonly ReviewActionKind[] = ['approve', 'request-changes', 'request', 'waive', 'withdraw'];

/**
 * `course-review review ACTION --role ROLE [options] FILE…`: records the action in each file's front
 * matter with the same edits the editor makes. Every file is tried; a refused one is reported and
 * left byte for byte as it was.
 */
export function review(argv: readonly string[], io: CliIO): number {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      allowPositionals: true,
      options: {
        role: { type: 'string' },
        as: { type: 'string' },
        reassign: { type: 'boolean' },
        note: { type: 'string' },
        reviewer: { type: 'string' },
        due: { type: 'string' },
        today: { type: 'string' },
        config: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (error) {
    return usageError(io, (error as Error).message, 'review');
  }
  const { values, positionals } = parsed;
  if (values.help) {
    io.stdout(commandHelp('review'));
    return EXIT.ok;
  }
  const [kind, ...paths] = positionals;
  if (kind === 'diff') return reviewDiff(values, paths, io);
  const action = actionFrom(kind, values);
  if ('error' in action) return usageError(io, action.error, 'review');
  const today = todayFrom(values.today);
  if ('error' in today) return usageError(io, today.error, 'review');
  const asIdentity = values.as === undefined ? undefined : parseIdentity(values.as);
  if (values.as !== undefined && asIdentity === undefined)
    return usageError(io, '--as takes a name or an email address, e.g. --as "Priya Patel <priya@example.com>".', 'review');
  if (values.reassign && !['approve', 'request-changes', 'waive'].includes(action.kind))
    return usageError(io, '--reassign applies to approve, request-changes and waive only.', 'review');
  if (paths.length === 0) return usageError(io, `Missing the lessons to ${ACTION_VERBS[action.kind]}: name one or more files.`, 'review');
  const files = [...new Set(paths.map((path) => resolve(io.cwd, path)))];
  const notFiles = paths.filter((path) => !isFile(resolve(io.cwd, path)));
  if (notFiles.length > 0)
    return usageError(io, `Expected lesson files, but these are missing or not files: ${notFiles.join(', ')}`, 'review');
  const configs = configSource(io.cwd, values.config);
  if ('error' in configs) return reportConfigError(io, configs.error);

  const gitIdentities = new Map<string, Identity | undefined>();
  const identityFor = (path: string): Identity | undefined => {
    if (asIdentity !== undefined || action.kind === 'request') return asIdentity;
    const folder = dirname(path);
    if (!gitIdentities.has(folder)) gitIdentities.set(folder, gitIdentity(folder));
    return gitIdentities.get(folder);
  };

  let refused = 0;
  for (const path of files) {
    const name = printable(displayPath(io.cwd, path));
    const config = configs.forFile(path);
    if (!config.ok) {
      reportConfigError(io, config.error);
      refused++;
      continue;
    }
    const outcome = reviewGuarded(() =>
      reviewFile(path, action, { identity: identityFor(path), today: today.today, roles: config.config.roles }, values.reassign === true),
    );
    if (outcome.kind === 'written') {
      io.stdout(`${name}: ${printable(outcome.summary)}\n`);
      for (const note of outcome.notes) io.stderr(`course-review: ${name}: ${printable(note)}\n`);
    } else {
      io.stderr(`course-review: ${name}${outcome.at ?? ''}: ${printable(outcome.message)}\n`);
      refused++;
    }
  }
  if (refused === 0) return EXIT.ok;
  io.stderr(`${refused} of ${files.length} ${files.length === 1 ? 'lesson' : 'lessons'} refused and left unchanged.\n`);
  return EXIT.usage;
}

/** A failure in one file's processing is that file's refusal: the next file is still tried. */
function reviewGuarded(reviewOne: () => ReviewOutcome): ReviewOutcome {
  try {
    return reviewOne();
  } catch (error) {
    return {
      kind: 'refused',
      message:
        `Course Review could not process this file (${describeError(error)}), so it is left unchanged. ` +
        `Please report this with the lesson attached.`,
    };
  }
}

interface ActionOptions {
  role?: string;
  note?: string;
  reviewer?: string;
  due?: string;
}

function actionFrom(kind: string | undefined, options: ActionOptions): ReviewAction | { error: string } {
  const expected = 'approve, request-changes, request, waive or withdraw';
  if (kind === undefined) return { error: `Missing the review action, expected ${expected}.` };
  if (!isAction(kind)) return { error: `Unknown review action "${kind}", expected ${expected}.` };
  const role = options.role?.trim();
  if (!role) return { error: 'Missing --role, e.g. --role sme.' };
  const note = options.note?.trim() || undefined;
  if (kind === 'withdraw' && options.note !== undefined) return { error: '--note does not apply to withdraw.' };
  for (const option of ['reviewer', 'due'] as const) {
    if (kind !== 'request' && options[option] !== undefined) return { error: `--${option} applies to request only.` };
  }
  if (options.due !== undefined && !isIsoDate(options.due))
    return { error: `Unexpected --due "${options.due}", expected a date as YYYY-MM-DD.` };
  switch (kind) {
    case 'approve':
      return { kind, role, note };
    case 'request-changes':
    case 'waive':
      if (note === undefined)
        return {
          error:
            kind === 'waive'
              ? 'waive needs --note: say why this review is not needed.'
              : 'request-changes needs --note: say what should change.',
        };
      return { kind, role, note };
    case 'request':
      return { kind, role, reviewer: options.reviewer, due: options.due, note };
    case 'withdraw':
      return { kind, role };
  }
}

function isAction(kind: string): kind is ReviewActionKind {
  return (ACTIONS as readonly string[]).includes(kind);
}

function isFile(path: string): boolean {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}
