import { spawn, spawnSync } from 'node:child_process';
import { cliBundle } from './cliBundle';

export interface ProcessResult {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

export interface ProcessOptions {
  cwd: string;
  /** Runs the CLI as user `nobody` when the tests run as root, for whom a `chmod 000` file is still readable. */
  unprivileged?: boolean;
  /** RLIMIT_FSIZE in bytes: a write past it fails with EFBIG (Node ignores SIGXFSZ). */
  fileSizeLimit?: number;
}

/** The bundled CLI as a child process of its own: what a user, a CI job or a second terminal runs. */
export function cliProcess(argv: readonly string[], options: ProcessOptions): Promise<ProcessResult> {
  const [command, ...args] = [...wrapper(options), process.execPath, cliBundle(), ...argv];
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: options.cwd, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (code, signal) => resolve({ code, signal, stdout, stderr }));
  });
}

function wrapper(options: ProcessOptions): string[] {
  const prefix: string[] = [];
  if (options.fileSizeLimit !== undefined) prefix.push('prlimit', `--fsize=${options.fileSizeLimit}`);
  if (options.unprivileged && process.getuid?.() === 0) prefix.push(...dropRoot());
  return prefix;
}

function dropRoot(): string[] {
  if (available('setpriv')) return ['setpriv', '--reuid=65534', '--regid=65534', '--clear-groups'];
  if (available('runuser')) return ['runuser', '-u', 'nobody', '--'];
  throw new Error('The tests run as root, and neither setpriv nor runuser is there to run the CLI as nobody.');
}

function available(tool: string): boolean {
  return spawnSync(tool, ['--version'], { stdio: 'ignore' }).status === 0;
}
