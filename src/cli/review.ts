import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { ACTION_VERBS, applyEdits, isIsoDate, LineIndex, parseIdentity, writeReview, type Identity, type ReviewAction, type ReviewActionKind, type ReviewWriteContext } from '../core';
import { gitIdentity } from './identity';
import { configSource, EXIT, reportConfigError, todayFrom, usageError, type CliIO } from './common';
import { USAGE } from './usage';

const ACTIONS: readonly ReviewActionKind[] = ['approve', 'request-changes', 'request', 'waive', 'withdraw'];
const SIGNING: ReadonlySet<ReviewActionKind> = new Set(['approve', 'request-changes', 'waive']);
const BOM = '\uFEFF';

type Outcome = { ok: true; summary: string } | { ok: false; message: string; at?: string };

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
        note: { type: 'string' },
        reviewer: { type: 'string' },
        due: { type: 'string' },
        today: { type: 'string' },
        config: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (error) {
    return usageError(io, (error as Error).message);
  }
  const { values, positionals } = parsed;
  if (values.help) {
    io.stdout(USAGE);
    return EXIT.ok;
  }
  const [kind, ...paths] = positionals;
  const action = actionFrom(kind, values);
  if ('error' in action) return usageError(io, action.error);
  const today = todayFrom(values.today);
  if ('error' in today) return usageError(io, today.error);
  const asIdentity = values.as === undefined ? undefined : parseIdentity(values.as);
  if (values.as !== undefined && asIdentity === undefined) return usageError(io, '--as takes a name or an email address, e.g. --as "Priya Patel <priya@example.com>".');
  if (paths.length === 0) return usageError(io, `Missing the lessons to ${ACTION_VERBS[action.kind]}: name one or more files.`);
  const files = [...new Set(paths.map((path) => resolve(io.cwd, path)))];
  const notFiles = paths.filter((path) => !isFile(resolve(io.cwd, path)));
  if (notFiles.length > 0) return usageError(io, `Expected lesson files, but these are missing or not files: ${notFiles.join(', ')}`);
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
    const name = relative(io.cwd, path).split('\\').join('/');
    const config = configs.forFile(path);
    if (!config.ok) {
      reportConfigError(io, config.error);
      refused++;
      continue;
    }
    const outcome = reviewFile(path, action, { identity: identityFor(path), today: today.today, roles: config.config.roles });
    if (outcome.ok) {
      io.stdout(`${name}: ${outcome.summary}\n`);
    } else {
      io.stderr(`course-review: ${name}${outcome.at ?? ''}: ${outcome.message}\n`);
      refused++;
    }
  }
  if (refused === 0) return EXIT.ok;
  io.stderr(`${refused} of ${files.length} ${files.length === 1 ? 'lesson' : 'lessons'} refused and left unchanged.\n`);
  return EXIT.usage;
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
  if (options.due !== undefined && !isIsoDate(options.due)) return { error: `Unexpected --due "${options.due}", expected a date as YYYY-MM-DD.` };
  switch (kind) {
    case 'approve':
      return { kind, role, note };
    case 'request-changes':
    case 'waive':
      if (note === undefined) return { error: kind === 'waive' ? 'waive needs --note: say why this review is not needed.' : 'request-changes needs --note: say what should change.' };
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

function reviewFile(path: string, action: ReviewAction, context: ReviewWriteContext): Outcome {
  let text;
  try {
    const bytes = readFileSync(path);
    text = bytes.toString('utf8');
    if (!Buffer.from(text, 'utf8').equals(bytes) || text.includes('\0')) return { ok: false, message: 'This is not a UTF-8 text file, so Course Review leaves it alone.' };
  } catch (error) {
    return { ok: false, message: `Cannot read the file: ${(error as Error).message}` };
  }
  if (SIGNING.has(action.kind) && context.identity === undefined) {
    return { ok: false, message: `Cannot ${ACTION_VERBS[action.kind]} without knowing who you are: pass --as "Name <email>", or set git config user.name.` };
  }
  const result = writeReview(text, action, context);
  if (!result.ok) return { ok: false, message: result.message, at: result.range && positionOf(text, result.range.start) };
  const next = applyEdits(text, result.edits);
  if (next !== text) {
    try {
      writeFileSync(path, next);
    } catch (error) {
      return { ok: false, message: `Cannot write the file: ${(error as Error).message}` };
    }
  }
  const label = context.roles.find((role) => role.name === action.role)?.label ?? action.role;
  return { ok: true, summary: `${summary(action, label, result.record)}${next === text ? ' (already recorded, file unchanged)' : ''}` };
}

function summary(action: ReviewAction, label: string, record: Record<string, unknown> | undefined): string {
  const reviewer = typeof record?.reviewer === 'string' ? record.reviewer : undefined;
  const by = reviewer ? ` by ${reviewer}` : '';
  switch (action.kind) {
    case 'approve':
      return `${label} approved${by}`;
    case 'request-changes':
      return `${label} changes requested${by}`;
    case 'waive':
      return `${label} review waived${by}`;
    case 'withdraw':
      return `${label} review withdrawn`;
    case 'request':
      return `${label} review requested${reviewer ? ` from ${reviewer}` : ''}${typeof record?.due === 'string' ? `, due ${record.due}` : ''}`;
  }
}

/** `:line:column`, 1-based, as an editor counts them (a byte-order mark takes no column). */
function positionOf(text: string, offset: number): string {
  const bom = text.startsWith(BOM) ? BOM.length : 0;
  const { line, character } = new LineIndex(text.slice(bom)).positionAt(Math.max(0, offset - bom));
  return `:${line + 1}:${character + 1}`;
}

function isFile(path: string): boolean {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}
