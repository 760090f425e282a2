import { DEFAULT_ROLES, readEntry, signOffsOf } from '../core';
import { readBlobs } from '../git/objects';
import { STAGED_COMMIT } from '../git/reviewHistory';
import { safeGit } from '../git/safeGit';
import type { LessonToVerify } from '../git/verify';

/**
 * The lessons as staged for the next commit, each with its sign-offs at HEAD and the commit about
 * to be made (by whoever git says will author it), for `verify --staged` in a pre-commit hook.
 */
export function stagedLessons(root: string, lessons: readonly LessonToVerify[]): { lessons: LessonToVerify[] } | { error: string } {
  const staged = safeGit(root, ['diff', '--cached', '--name-only', '-z', '--no-renames', '--diff-filter=ACMR']);
  if (!staged.ok) return { error: `git: ${staged.message}` };
  const paths = new Set(staged.stdout.split('\0').filter(Boolean));
  const chosen = lessons.filter((lesson) => paths.has(lesson.path));
  const ident = safeGit(root, ['var', 'GIT_AUTHOR_IDENT']);
  if (!ident.ok) return { error: `git cannot tell who is committing: ${ident.message}. Set user.name and user.email.` };
  const author = ident.stdout.trim().replace(/\s+\d+\s+[+-]\d{4}$/, '');
  const head = safeGit(root, ['rev-parse', '--verify', '--quiet', 'HEAD^{commit}']);
  const parents = head.ok ? [head.stdout.trim()] : [];
  const texts = readBlobs(root, chosen.flatMap((lesson) => [`:${lesson.path}`, ...parents.map((parent) => `${parent}:${lesson.path}`)]));
  return {
    lessons: chosen.map((lesson) => {
      const before = parents.length > 0 ? texts.get(`${parents[0]}:${lesson.path}`) : undefined;
      const commit = { commit: STAGED_COMMIT, parents, author, date: '', signature: undefined, changes: [] };
      const change = { status: 'M', from: lesson.path, path: lesson.path, before: undefined, after: undefined };
      return {
        ...lesson,
        text: texts.get(`:${lesson.path}`) ?? lesson.text,
        staged: { head: before === undefined ? new Map() : signOffsOf(readEntry('', before, DEFAULT_ROLES).review), step: { commit, change } },
      };
    }),
  };
}
