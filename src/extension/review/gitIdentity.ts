import { execFile } from 'node:child_process';
import type { Identity } from '../../core';

const GIT_TIMEOUT_MS = 3000;

/** git's user.name and user.email as seen from `cwd`, on the desktop. */
export async function gitIdentity(cwd: string | undefined): Promise<Identity | undefined> {
  const [name, email] = await Promise.all([gitConfig('user.name', cwd), gitConfig('user.email', cwd)]);
  if (!name && !email) return undefined;
  return { ...(name && { name }), ...(email && { email }) };
}

function gitConfig(key: string, cwd: string | undefined): Promise<string | undefined> {
  return new Promise((resolve) => {
    execFile('git', ['config', '--get', key], { cwd, timeout: GIT_TIMEOUT_MS, windowsHide: true }, (error, stdout) =>
      resolve(error ? undefined : stdout.trim() || undefined),
    );
  });
}
