import { mkdtempSync, realpathSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join, relative } from 'node:path';
import { lessonFingerprint, withoutReviewBlock } from '../core';
import { blobAt, fileVersions, isShallow, repositoryRoot, type FileVersion } from './history';
import { safeGit } from './safeGit';
import { toPosix } from '../core/text/paths';

export type ApprovedVersion =
  { kind: 'found'; version: FileVersion; text: string; root: string; path: string } | { kind: 'refused'; message: string };

/**
 * The lesson as it was approved: the newest commit of the file (following renames) whose content
 * has the fingerprint the approval recorded. A shallow clone that does not reach it is told to
 * fetch the full history, rather than answered wrongly.
 */
export function approvedVersion(file: string, fingerprint: string): ApprovedVersion {
  let real: string;
  try {
    real = realpathSync(file);
  } catch (error) {
    return { kind: 'refused', message: `Cannot read the file: ${(error as Error).message}.` };
  }
  const root = repositoryRoot(dirname(real));
  if (!root.ok)
    return {
      kind: 'refused',
      message: root.notARepository
        ? 'The lesson is not in a git repository, so the approved version cannot be found.'
        : `git: ${root.message}`,
    };
  const path = toPosix(relative(realpathSync(root.value), real));
  const versions = fileVersions(root.value, path);
  if (!versions.ok) return { kind: 'refused', message: `git: ${versions.message}` };
  for (const version of versions.value) {
    const text = blobAt(root.value, version.commit, version.path);
    if (text.ok && lessonFingerprint(text.value) === fingerprint)
      return { kind: 'found', version, text: text.value, root: root.value, path };
  }
  if (isShallow(root.value))
    return {
      kind: 'refused',
      message:
        'This is a shallow clone and no commit it holds has the lesson as approved: ' +
        'fetch the full history (git fetch --unshallow) and try again.',
    };
  return {
    kind: 'refused',
    message:
      `No commit of ${path} has the content that was approved (fingerprint ${fingerprint.slice(0, 19)}…): ` +
      `the approval was not committed, or the lesson's history was rewritten.`,
  };
}

/** A unified diff of the lesson as approved and as it is, both without their review block; empty when only the block differs. */
export function diffSinceApproval(approved: string, current: string, labels: { before: string; after: string }): string {
  const work = mkdtempSync(join(tmpdir(), 'course-review-diff-'));
  try {
    const name = basename(labels.after) || 'lesson.md';
    mkdirSync(join(work, 'a'));
    mkdirSync(join(work, 'b'));
    writeFileSync(join(work, 'a', name), withoutReviewBlock(approved));
    writeFileSync(join(work, 'b', name), withoutReviewBlock(current));
    const result = safeGit(work, ['diff', '--no-index', '--no-color', '--no-prefix', '-U3', `a/${name}`, `b/${name}`], {
      allowStatus: [1],
    });
    if (!result.ok) return '';
    return result.stdout
      .split('\n')
      .filter((line) => !line.startsWith('diff --git ') && !line.startsWith('index '))
      .map((line) => (line.startsWith('--- ') ? `--- ${labels.before}` : line.startsWith('+++ ') ? `+++ ${labels.after}` : line))
      .join('\n');
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}
