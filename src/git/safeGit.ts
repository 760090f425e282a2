import { spawnSync } from 'node:child_process';

/**
 * Settings given on the command line, which outrank the repository's own: every way a clone's
 * configuration can make git run a program while history is read is turned off (a file-system
 * monitor, hooks, pagers, external diff and signature programs, credential helpers, editors).
 * Reading the history of an untrusted clone must never run its code. Clean filters (`filter.*` in
 * `.gitattributes`) cannot be turned off this way: they run when git hashes a work-tree file again,
 * so nothing here compares the work tree (trees, blobs and the index only).
 */
export const SAFE_CONFIG: readonly string[] = [
  'core.fsmonitor=false',
  'core.hooksPath=/dev/null',
  'core.pager=cat',
  'core.editor=false',
  'core.askPass=',
  'core.untrackedCache=false',
  'core.alternateRefsCommand=',
  'diff.external=',
  'credential.helper=',
  'gpg.program=gpg',
  'gpg.ssh.program=ssh-keygen',
  'gpg.x509.program=gpgsm',
  'sequence.editor=false',
  'protocol.allow=never',
  'log.showSignature=false',
  'log.showRoot=true',
];

/** Environment variables through which a caller's environment could still run a program, or change what git reads. */
const DROPPED_ENV = [
  'GIT_EXTERNAL_DIFF',
  'GIT_PAGER',
  'PAGER',
  'GIT_ASKPASS',
  'SSH_ASKPASS',
  'GIT_SSH',
  'GIT_SSH_COMMAND',
  'GIT_EDITOR',
  'GIT_SEQUENCE_EDITOR',
  'GIT_CONFIG_PARAMETERS',
  'GIT_CONFIG_COUNT',
  'GIT_DIR',
  'GIT_WORK_TREE',
  'GIT_INDEX_FILE',
  'GIT_REPLACE_REF_BASE',
  'GIT_GRAFT_FILE',
  'GIT_OBJECT_DIRECTORY',
  'GIT_ALTERNATE_OBJECT_DIRECTORIES',
];

/** Subcommand options that keep drivers named in `.gitattributes` (textconv, external diff) from running. */
const NO_DRIVERS: Record<string, readonly string[]> = {
  log: ['--no-ext-diff', '--no-textconv'],
  diff: ['--no-ext-diff', '--no-textconv'],
  show: ['--no-ext-diff', '--no-textconv'],
};

export type GitResult = { ok: true; stdout: string } | { ok: false; message: string; notARepository: boolean };

/** The command line for a git subcommand with the safe settings, and the options that keep drivers from running. */
export function gitArguments(args: readonly string[]): string[] {
  const [subcommand, ...rest] = args;
  // Replacement refs (`git replace`) would let a clone show other objects than the commits hold.
  return [
    ...SAFE_CONFIG.flatMap((setting) => ['-c', setting]),
    '--no-pager',
    '--no-replace-objects',
    subcommand,
    ...(NO_DRIVERS[subcommand] ?? []),
    ...rest,
  ];
}

/**
 * The caller's environment without the variables that could run a program or change what git
 * reads. `keepIndex`: in a pre-commit hook, git names the index it is about to commit (a temporary
 * one for `git commit -a` or `git commit PATH`) in GIT_INDEX_FILE, which must then be read.
 */
export function gitEnvironment(options: { keepIndex?: boolean } = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, GIT_TERMINAL_PROMPT: '0', GIT_OPTIONAL_LOCKS: '0', LC_ALL: 'C' };
  for (const name of DROPPED_ENV) if (!(options.keepIndex && name === 'GIT_INDEX_FILE')) delete env[name];
  return { ...env, GIT_PAGER: 'cat', GIT_NO_REPLACE_OBJECTS: '1', GIT_GRAFT_FILE: '/nonexistent/course-review-no-grafts' };
}

/**
 * Runs a read-only git command with the safe settings; never throws. `allowStatus`: exit codes that still mean success (1 for a diff that
 * found differences).
 */
export function safeGit(
  cwd: string,
  args: readonly string[],
  options: { maxBuffer?: number; allowStatus?: readonly number[]; keepIndex?: boolean } = {},
): GitResult {
  const run = spawnSync('git', gitArguments(args), {
    cwd,
    env: gitEnvironment(options),
    encoding: 'utf8',
    maxBuffer: options.maxBuffer ?? 256 * 1024 * 1024,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  if (run.error) return { ok: false, message: `cannot run git: ${run.error.message}`, notARepository: false };
  if (run.status !== 0 && !(run.status !== null && options.allowStatus?.includes(run.status))) {
    const message = run.stderr.trim().split('\n').filter(Boolean).at(-1) ?? `git ${args[0]} exited with ${run.status}`;
    return { ok: false, message, notARepository: /not a git repository/i.test(run.stderr) };
  }
  return { ok: true, stdout: run.stdout };
}
