import { readFileSync } from 'node:fs';
import { isAbsolute, join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { gitArguments, gitEnvironment, safeGit } from './safeGit';

/**
 * Reads many objects in one `git cat-file --batch` process: each spec is an object id or
 * `rev:path`. The text of each, as stored (cat-file runs no filter or driver), or undefined for
 * one that does not exist (a file missing from that commit) or is not a blob.
 */
export function readBlobs(root: string, specs: readonly string[], options: { keepIndex?: boolean } = {}): Map<string, string | undefined> {
  const unique = [...new Set(specs)].filter((spec) => !/[\r\n]/.test(spec));
  const blobs = new Map<string, string | undefined>();
  if (unique.length === 0) return blobs;
  const run = spawnSync('git', gitArguments(['cat-file', '--batch']), {
    cwd: root,
    env: gitEnvironment(options),
    input: `${unique.join('\n')}\n`,
    maxBuffer: 2 * 1024 * 1024 * 1024,
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  if (run.error || run.status !== 0) return new Map(unique.map((spec) => [spec, undefined]));
  const output = run.stdout;
  let at = 0;
  for (const spec of unique) {
    const headerEnd = output.indexOf(0x0a, at);
    if (headerEnd === -1) break;
    const header = output.toString('utf8', at, headerEnd);
    at = headerEnd + 1;
    const [, type, size] = header.split(' ');
    if (header.endsWith(' missing') || header.endsWith(' ambiguous') || size === undefined) {
      blobs.set(spec, undefined);
      continue;
    }
    const length = Number(size);
    blobs.set(spec, type === 'blob' ? output.toString('utf8', at, at + length) : undefined);
    at += length + 1;
  }
  return blobs;
}

/**
 * The object ids listed in a file of the repository's git folder (`shallow`, `MERGE_HEAD`), one
 * per line; none when there is no such file.
 */
export function objectIdsInGitFile(root: string, name: string, options: { keepIndex?: boolean } = {}): string[] {
  const path = safeGit(root, ['rev-parse', '--git-path', name], options);
  if (!path.ok) return [];
  const file = path.stdout.trim();
  try {
    return readFileSync(isAbsolute(file) ? file : join(root, file), 'utf8')
      .split('\n')
      .filter((line) => /^[0-9a-f]{40}(?:[0-9a-f]{24})?$/.test(line));
  } catch {
    return [];
  }
}
