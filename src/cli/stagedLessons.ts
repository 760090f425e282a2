import { DEFAULT_ROLES, readEntry, signOffsOf } from '../core';
import { objectIdsInGitFile, readBlobs } from '../git/objects';
import { STAGED_COMMIT } from '../git/reviewHistory';
import { safeGit } from '../git/safeGit';
import type { LessonToVerify } from '../git/verify';

/**
 * The lessons as staged for the next commit, each with its sign-offs at HEAD and the commit about
 * to be made (by whoever git says will author it), for `verify --staged` in a pre-commit hook.
 */
export function stagedLessons(root: string, lessons: readonly LessonToVerify[]): { lessons: LessonToVerify[] } | { error: string } {
  const staged = safeGit(root, ['diff', '--cached', '--name-status', '-z', '-M', '--diff-filter=ACMR'], { keepIndex: true });
  if (!staged.ok) return { error: `git: ${staged.message}` };
  // A staged path, and its path at HEAD (another for a rename, none for a new file).
  const atHead = new Map<string, string | undefined>();
  const tokens = staged.stdout.split('\0');
  for (let index = 0; index < tokens.length - 1;) {
    const status = tokens[index++].replace(/^\n/, '');
    if (status.startsWith('R') || status.startsWith('C')) {
      const from = tokens[index++];
      atHead.set(tokens[index++], status.startsWith('R') ? from : undefined);
    } else {
      const path = tokens[index++];
      atHead.set(path, status === 'A' ? undefined : path);
    }
  }
  const chosen = lessons.filter((lesson) => atHead.has(lesson.path));
  const ident = safeGit(root, ['var', 'GIT_AUTHOR_IDENT'], { keepIndex: true });
  if (!ident.ok) return { error: `git cannot tell who is committing: ${ident.message}. Set user.name and user.email.` };
  const author = ident.stdout.trim().replace(/\s+\d+\s+[+-]\d{4}$/, '');
  const [, name = author, email = ''] = /^(.*?)\s*<([^<>]*)>$/.exec(author) ?? [];
  const head = safeGit(root, ['rev-parse', '--verify', '--quiet', 'HEAD^{commit}']);
  // A merge being committed also has the commits it brings in (MERGE_HEAD) as parents.
  const parents = head.ok ? [head.stdout.trim(), ...objectIdsInGitFile(root, 'MERGE_HEAD', { keepIndex: true })] : [];
  // At HEAD under its path there (or its name before a staged rename); in a merged commit, under the path it is staged at.
  const specs = (lesson: LessonToVerify) => {
    const path = atHead.get(lesson.path);
    return [
      ...(parents.length > 0 && path !== undefined ? [`${parents[0]}:${path}`] : []),
      ...parents.slice(1).map((parent) => `${parent}:${lesson.path}`),
    ];
  };
  const texts = readBlobs(
    root,
    chosen.flatMap((lesson) => [`:${lesson.path}`, ...specs(lesson)]),
    { keepIndex: true },
  );
  return {
    lessons: chosen.map((lesson) => {
      const before = specs(lesson)
        .map((spec) => texts.get(spec))
        .filter((text): text is string => text !== undefined);
      const commit = { commit: STAGED_COMMIT, parents, author, name, email, date: '', signature: undefined, changes: [] };
      const change = { status: 'M', from: atHead.get(lesson.path) ?? lesson.path, path: lesson.path, before: undefined, after: undefined };
      return {
        ...lesson,
        text: texts.get(`:${lesson.path}`) ?? lesson.text,
        staged: { head: before.map((text) => signOffsOf(readEntry('', text, DEFAULT_ROLES).review)), step: { commit, change } },
      };
    }),
  };
}
