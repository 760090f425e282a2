import { execFileSync } from 'node:child_process';
import type { Identity } from '../core';

/** Who git says you are in `folder` (`user.name`, `user.email`); `undefined` when neither is set or git is missing. */
export function gitIdentity(folder: string): Identity | undefined {
  const name = gitConfig(folder, 'user.name');
  const email = gitConfig(folder, 'user.email');
  if (name === undefined && email === undefined) return undefined;
  return { ...(name !== undefined && { name }), ...(email !== undefined && { email }) };
}

function gitConfig(folder: string, key: string): string | undefined {
  try {
    const value = execFileSync('git', ['config', '--get', key], {
      cwd: folder,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
      timeout: 10_000,
    }).trim();
    return value === '' ? undefined : value;
  } catch {
    return undefined;
  }
}
