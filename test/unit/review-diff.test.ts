import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { chmodSync, existsSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { safeGit } from '../../src/git/safeGit';
import { useCliFolder } from './helpers/cliFolder';
import { useIsolatedGitEnvironment } from './helpers/isolatedGit';

const LESSON = `---
title: Greeting a caller
objectives:
  - Greet a caller with your name
---

# Greeting a caller

Imagine a caller who has waited ten minutes. What do you say first?

## Try it

Write your greeting, then compare it with the model answer: "Thanks for waiting, I'm Sam."
`;

describe('course-review review diff', function () {
  this.timeout(60_000);
  const folder = useCliFolder('course-review-review-diff-');
  useIsolatedGitEnvironment();
  const git = (...args: string[]) =>
    execFileSync('git', args, {
      cwd: folder.path,
      encoding: 'utf8',
      env: {
        ...process.env,
        GIT_AUTHOR_NAME: 'Sam Author',
        GIT_AUTHOR_EMAIL: 'sam@example.com',
        GIT_COMMITTER_NAME: 'Sam Author',
        GIT_COMMITTER_EMAIL: 'sam@example.com',
        GIT_CONFIG_NOSYSTEM: '1',
        HOME: folder.path,
      },
    });

  /** A repository where the lesson was committed, approved by the SME (committed), then edited (committed). */
  async function approvedThenEdited(): Promise<void> {
    git('init', '-q', '-b', 'main');
    folder.write('lessons/greeting.md', LESSON);
    git('add', '.');
    git('commit', '-q', '-m', 'Draft');
    const approved = await folder.cli(
      'review',
      'approve',
      '--role',
      'sme',
      '--as',
      'Priya Patel <priya@example.com>',
      '--today',
      '2026-12-01',
      'lessons/greeting.md',
    );
    assert.equal(approved.code, 0, approved.stderr);
    git('commit', '-q', '-am', 'SME approval');
    folder.write('lessons/greeting.md', folder.read('lessons/greeting.md').replace('ten minutes', 'twenty minutes'));
    git('commit', '-q', '-am', 'Longer wait');
  }

  it('prints what changed since the approval, the review block left out', async () => {
    await approvedThenEdited();
    const result = await folder.cli('review', 'diff', '--role', 'sme', 'lessons/greeting.md');
    assert.equal(result.code, 0, result.stderr);
    assert.match(
      result.stdout,
      /^--- lessons\/greeting\.md \(as approved: [0-9a-f]{10}, \d{4}-\d{2}-\d{2}\)\n\+\+\+ lessons\/greeting\.md \(working copy\)\n@@ /,
    );
    assert.match(result.stdout, /^-Imagine a caller who has waited ten minutes\. What do you say first\?$/m);
    assert.match(result.stdout, /^\+Imagine a caller who has waited twenty minutes\. What do you say first\?$/m);
    assert.doesNotMatch(result.stdout, /review:|fingerprint|Priya/, 'the review block is not part of the comparison');
  });

  it('follows the lesson through a rename, and says when an approval is current', async () => {
    await approvedThenEdited();
    git('mv', 'lessons/greeting.md', 'lessons/01-greeting.md');
    git('commit', '-q', '-m', 'Number the lessons');
    const renamed = await folder.cli('review', 'diff', '--role', 'sme', 'lessons/01-greeting.md');
    assert.equal(renamed.code, 0, renamed.stderr);
    assert.match(renamed.stdout, /^\+Imagine a caller who has waited twenty minutes/m);

    const again = await folder.cli(
      'review',
      'approve',
      '--role',
      'sme',
      '--as',
      'Priya Patel <priya@example.com>',
      '--today',
      '2026-12-02',
      'lessons/01-greeting.md',
    );
    assert.equal(again.code, 0, again.stderr);
    const current = await folder.cli('review', 'diff', '--role', 'sme', 'lessons/01-greeting.md');
    assert.equal(current.stdout, "lessons/01-greeting.md: SME's approval is current: nothing has changed since.\n");
  });

  it('refuses, saying why, when no commit has the approved content, in a shallow clone, or without an approval', async () => {
    git('init', '-q', '-b', 'main');
    folder.write('lessons/greeting.md', LESSON);
    await folder.cli(
      'review',
      'approve',
      '--role',
      'sme',
      '--as',
      'Priya Patel <priya@example.com>',
      '--today',
      '2026-12-01',
      'lessons/greeting.md',
    );
    folder.write('lessons/greeting.md', folder.read('lessons/greeting.md').replace('ten minutes', 'twenty minutes'));
    git('add', '.');
    git('commit', '-q', '-m', 'Approved before it was ever committed');
    const uncommitted = await folder.cli('review', 'diff', '--role', 'sme', 'lessons/greeting.md');
    assert.equal(uncommitted.code, 2);
    assert.match(
      uncommitted.stderr,
      /No commit of lessons\/greeting\.md has the content that was approved \(fingerprint sha256:[0-9a-f]{12}…\)/,
    );

    const none = await folder.cli('review', 'diff', '--role', 'legal', 'lessons/greeting.md');
    assert.equal(none.code, 2);
    assert.match(none.stderr, /No approval by Legal on record/);
  });

  it('tells a shallow clone to fetch the full history', async () => {
    await approvedThenEdited();
    const clone = join(folder.path, 'shallow');
    git('clone', '-q', '--depth', '1', `file://${folder.path}`, clone);
    const result = await folder.cli('review', 'diff', '--role', 'sme', 'shallow/lessons/greeting.md');
    assert.equal(result.code, 2);
    assert.match(result.stderr, /shallow clone .*\(git fetch --unshallow\)/);
  });

  it('never runs a program the repository configures (fsmonitor, pager, external diff, textconv, hooks)', async () => {
    await approvedThenEdited();
    const marker = join(folder.path, 'MARKER');
    const script = join(folder.path, 'evil.sh');
    writeFileSync(script, `#!/bin/sh\ntouch "${marker}"\ncat "$@" 2>/dev/null\nexit 0\n`);
    chmodSync(script, 0o755);
    for (const [key, value] of [
      ['core.fsmonitor', script],
      ['core.pager', script],
      ['diff.external', script],
      ['diff.evil.textconv', script],
      ['diff.evil.command', script],
    ])
      git('config', key, value);
    writeFileSync(join(folder.path, '.gitattributes'), '*.md diff=evil\n');
    // Each of these, run as plain git in this clone, runs the script.
    const reads = [
      ['status', '--short'],
      ['log', '-p', '-2'],
      ['diff', 'HEAD~1', 'HEAD'],
      ['show', 'HEAD'],
    ];
    for (const args of reads) {
      execFileSync('rm', ['-f', marker]);
      git(...args);
      assert.ok(existsSync(marker), `plain git ${args.join(' ')} runs the repository's program`);
    }
    execFileSync('rm', ['-f', marker]);
    for (const args of reads) {
      const result = safeGit(folder.path, args);
      assert.ok(result.ok, `${args.join(' ')}: ${result.ok ? '' : result.message}`);
      assert.ok(!existsSync(marker), `safeGit ${args.join(' ')} ran the repository's program`);
    }
    const diff = await folder.cli('review', 'diff', '--role', 'sme', 'lessons/greeting.md');
    assert.equal(diff.code, 0, diff.stderr);
    assert.match(diff.stdout, /^\+Imagine a caller who has waited twenty minutes/m);
    assert.ok(!existsSync(marker), 'review diff ran a program of the repository');
    // Clean filters run whenever git hashes a file of the work tree again, and no setting turns them
    // off: the commands compare trees and the index, never the work tree.
    git('config', 'user.name', 'Sam Author');
    git('config', 'user.email', 'sam@example.com');
    git('config', 'filter.evil.clean', script);
    git('config', 'filter.evil.smudge', script);
    writeFileSync(join(folder.path, '.gitattributes'), '*.md diff=evil filter=evil\n');
    for (const command of [
      ['verify', 'lessons'],
      ['verify', '--base', 'HEAD~1', 'lessons'],
      ['verify', '--staged', 'lessons'],
      ['history', 'lessons/greeting.md'],
    ]) {
      // A file whose timestamps changed is hashed again by a command that looks at the work tree, through the clean filter.
      utimesSync(join(folder.path, 'lessons/greeting.md'), new Date(), new Date(Date.now() + 5_000));
      const result = await folder.cli(...command);
      assert.ok(result.code !== 2, `${command[0]}: ${result.stderr}`);
      assert.ok(!existsSync(marker), `${command.join(' ')} ran a program of the repository`);
    }
  });
});
