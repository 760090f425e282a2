import { existsSync, readFileSync, realpathSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { parseArgs } from 'node:util';
import { repositoryRoot } from '../git/history';
import { ReviewHistory } from '../git/reviewHistory';
import { safeGit } from '../git/safeGit';
import { verifyLessons, type LessonToVerify, type VerifyFinding } from '../git/verify';
import { EXIT, usageError, type CliIO } from './common';
import { describeError } from './errors';
import { displayPath } from './files';
import { lessonsAsked } from './lessonsAsked';
import { printable } from './printable';
import { stagedLessons } from './stagedLessons';
import { commandHelp } from './usage';
import { VERIFY_FORMATS, type VerifyReport } from './verifyFormats';
import { toPosix } from '../core';

/** `course-review verify [paths…] [options]`: every approval and waiver checked against git history. */
export function verify(argv: readonly string[], io: CliIO): number {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      allowPositionals: true,
      options: {
        require: { type: 'string' },
        signed: { type: 'boolean' },
        base: { type: 'string' },
        staged: { type: 'boolean' },
        format: { type: 'string', default: 'text' },
        config: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (error) {
    return usageError(io, (error as Error).message, 'verify');
  }
  const { values, positionals: paths } = parsed;
  if (values.help) {
    io.stdout(commandHelp('verify'));
    return EXIT.ok;
  }
  const format = values.format;
  if (!Object.hasOwn(VERIFY_FORMATS, format))
    return usageError(io, `Unknown format "${format}", expected text, json, sarif or github.`, 'verify');
  if (values.require !== undefined && values.require !== 'approved')
    return usageError(io, `Unknown --require "${values.require}", expected approved.`, 'verify');

  if (values.staged && (values.base !== undefined || values.signed))
    return usageError(
      io,
      '--staged checks the commit about to be made: it takes neither --base nor --signed (a commit is signed as it is made).',
      'verify',
    );

  const asked = lessonsAsked(io, paths, values.config, 'verify');
  if (asked.kind === 'stopped') return asked.exit;
  const byRoot = new Map<string, LessonToVerify[]>();
  const roots = new Map<string, string>();
  for (const { path, config } of asked.files) {
    const file = displayPath(io.cwd, path);
    let real: string;
    let text: string;
    try {
      real = realpathSync(path);
      text = readFileSync(real, 'utf8');
    } catch (error) {
      return failure(io, `${file}: cannot read the file: ${describeError(error)}.`);
    }
    // Asking git once per work tree, not once per folder: the nearest folder with a `.git` names it.
    const folder = nearestWorkTree(dirname(real)) ?? dirname(real);
    let root = roots.get(folder);
    if (root === undefined) {
      const found = repositoryRoot(folder);
      if (!found.ok)
        return failure(
          io,
          found.notARepository
            ? `${file}: the lesson is not in a git repository: sign-offs are verified from git history.`
            : `${file}: git: ${found.message}`,
        );
      root = realpathSync(found.value);
      roots.set(folder, root);
    }
    const lessons = byRoot.get(root) ?? [];
    lessons.push({ path: toPosix(relative(root, real)), file, text, config });
    byRoot.set(root, lessons);
  }

  const report: VerifyReport = { lessons: 0, signOffs: 0, findings: [] };
  for (const [root, all] of byRoot) {
    let lessons = all;
    if (values.base !== undefined) {
      const changed = changedSince(root, values.base);
      if ('error' in changed) return failure(io, changed.error);
      lessons = all.filter((lesson) => changed.paths.has(lesson.path));
    }
    if (values.staged) {
      const staged = stagedLessons(root, lessons);
      if ('error' in staged) return failure(io, staged.error);
      lessons = staged.lessons;
    }
    const history = values.staged
      ? { ok: true as const, value: ReviewHistory.withoutLog(root) }
      : ReviewHistory.read(root, { signatures: values.signed === true });
    if (!history.ok) return failure(io, `git: ${history.message}`);
    const outcome = verifyLessons(history.value, lessons, { requireApproved: values.require === 'approved' });
    if (outcome.kind === 'shallow') return failure(io, outcome.message);
    report.lessons += lessons.length;
    report.signOffs += outcome.signOffs;
    report.findings.push(...outcome.findings.map(printableFinding));
  }
  io.stdout(VERIFY_FORMATS[format as keyof typeof VERIFY_FORMATS](report));
  return report.findings.length > 0 ? EXIT.findings : EXIT.ok;
}

/** The files that differ between REF and HEAD, relative to the root. */
function changedSince(root: string, base: string): { paths: Set<string> } | { error: string } {
  if (base.startsWith('-')) return { error: `--base takes a git revision, e.g. origin/main; got "${base}".` };
  const known = safeGit(root, ['rev-parse', '--verify', '--quiet', `${base}^{commit}`]);
  if (!known.ok)
    return {
      error:
        `--base ${base}: no such commit in this clone. Fetch it first (git fetch origin ${base.replace(/^origin\//, '')}), ` +
        `with the full history.`,
    };
  // Trees, not the work tree: comparing files on disk would run the clone's clean filters.
  const diff = safeGit(root, ['diff-tree', '-r', '--name-only', '-z', '--no-renames', known.stdout.trim(), 'HEAD', '--']);
  if (!diff.ok) return { error: `git: ${diff.message}` };
  return { paths: new Set(diff.stdout.split('\0').filter(Boolean)) };
}

function nearestWorkTree(folder: string): string | undefined {
  for (let current = folder; ; current = dirname(current)) {
    if (existsSync(join(current, '.git'))) return current;
    if (dirname(current) === current) return undefined;
  }
}

function printableFinding(finding: VerifyFinding): VerifyFinding {
  return {
    ...finding,
    file: printable(finding.file),
    message: printable(finding.message),
    role: finding.role === undefined ? undefined : printable(finding.role),
  };
}

function failure(io: CliIO, message: string): number {
  io.stderr(`course-review: ${printable(message)}\n`);
  return EXIT.usage;
}
