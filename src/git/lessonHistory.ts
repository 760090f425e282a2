import { realpathSync } from 'node:fs';
import { dirname, relative } from 'node:path';
import type { Role } from '../core';
import { repositoryRoot } from './history';
import { readBlobs } from './objects';
import { reviewEvents, type ReviewEvent } from './reviewEvents';
import { ReviewHistory } from './reviewHistory';
import { toPosix } from '../core/text/paths';

export type LessonHistory = { kind: 'found'; root: string; path: string; events: ReviewEvent[] } | { kind: 'refused'; message: string };

/** The review events of the lesson at `file` (oldest first), or why they cannot be read. */
export function lessonHistory(file: string, rolesNow?: readonly Role[]): LessonHistory {
  let real: string;
  try {
    real = realpathSync(file);
  } catch (error) {
    return { kind: 'refused', message: `Cannot read the file: ${(error as Error).message}.` };
  }
  const found = repositoryRoot(dirname(real));
  if (!found.ok)
    return {
      kind: 'refused',
      message: found.notARepository ? 'The lesson is not in a git repository: its review history is in git.' : `git: ${found.message}`,
    };
  const root = realpathSync(found.value);
  const history = ReviewHistory.read(root, { signatures: false });
  if (!history.ok) return { kind: 'refused', message: `git: ${history.message}` };
  const path = toPosix(relative(root, real));
  return { kind: 'found', root, path, events: reviewEvents(history.value, path, rolesNow) };
}

/** The lesson's text as a commit stored it; undefined when that commit has no such file. */
export function lessonAt(root: string, commit: string, path: string): string | undefined {
  return readBlobs(root, [`${commit}:${path}`]).get(`${commit}:${path}`);
}
