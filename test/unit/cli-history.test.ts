import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { useCliFolder } from './helpers/cliFolder';
import { useIsolatedGitEnvironment } from './helpers/isolatedGit';

const LESSON = `---
title: Holding a call
---

# Holding a call

Ask before you put a caller on hold, and say how long it will take.
`;

interface Event {
  role: string;
  status: string;
  reviewer?: string;
  author: string;
  accepted?: boolean;
  reason?: string;
  path: string;
}

const PEOPLE = {
  author: ['Sam Author', 'sam@example.com'],
  priya: ['Priya Patel', 'priya@example.com'],
  lee: ['Lee Chan', 'lee@example.com'],
} as const;

describe('course-review history', function () {
  this.timeout(60_000);
  const folder = useCliFolder('course-review-history-');
  useIsolatedGitEnvironment();

  /** Commits as `who`: the author and committer of the commit. */
  function commit(who: keyof typeof PEOPLE, message: string) {
    const [name, email] = PEOPLE[who];
    execFileSync('git', ['add', '-A'], { cwd: folder.path });
    execFileSync('git', ['commit', '-q', '-m', message], {
      cwd: folder.path,
      env: { ...process.env, GIT_AUTHOR_NAME: name, GIT_AUTHOR_EMAIL: email, GIT_COMMITTER_NAME: name, GIT_COMMITTER_EMAIL: email },
    });
  }

  async function sign(as: keyof typeof PEOPLE, action: string, ...extra: string[]) {
    const [name, email] = PEOPLE[as];
    const result = await folder.cli(
      'review',
      action,
      '--role',
      'sme',
      '--as',
      `${name} <${email}>`,
      '--today',
      '2026-12-01',
      ...extra,
      'lessons/holding.md',
    );
    assert.equal(result.code, 0, result.stderr);
  }

  async function events(file = 'lessons/holding.md'): Promise<Event[]> {
    const result = await folder.cli('history', '--format', 'json', file);
    assert.equal(result.code, 0, result.stderr);
    return (JSON.parse(result.stdout) as Array<{ events: Event[] }>)[0].events;
  }

  beforeEach(() => {
    execFileSync('git', ['init', '-q', '-b', 'main'], { cwd: folder.path });
    folder.write('.coursereview.json', '{ "roles": { "sme": { "reviewers": ["priya@example.com"] } } }\n');
    folder.write('lessons/holding.md', LESSON);
    commit('author', 'Draft');
  });

  it("accepts an approval that its reviewer committed, and not one the author committed in the reviewer's name", async () => {
    await sign('priya', 'approve');
    commit('priya', 'SME approval');
    folder.write('lessons/holding.md', folder.read('lessons/holding.md').replace('how long', 'about how long'));
    commit('author', 'Edit');
    await sign('priya', 'approve');
    commit('author', 'Re-approved (typed by the author)');
    assert.deepEqual(
      (await events()).map((event) => [event.status, event.reviewer, event.author, event.accepted]),
      [
        ['approved', 'Priya Patel', 'Priya Patel <priya@example.com>', true],
        ['approved', 'Priya Patel', 'Sam Author <sam@example.com>', false],
      ],
    );
    assert.match((await events())[1].reason ?? '', /^committed by Sam Author <sam@example\.com> in [0-9a-f]{10}, not by Priya Patel$/);
  });

  it('does not accept a reviewer who added themselves to the list in the approving commit, but does once the list had them before', async () => {
    folder.write('.coursereview.json', '{ "roles": { "sme": { "reviewers": ["priya@example.com", "lee@example.com"] } } }\n');
    await sign('lee', 'approve');
    commit('lee', 'Add myself and approve');
    const [selfAdded] = await events();
    assert.equal(selfAdded.accepted, false);
    assert.match(selfAdded.reason ?? '', /^Lee Chan <lee@example\.com> is not on the sme reviewers list as it was before [0-9a-f]{10}$/);

    await sign('lee', 'request-changes', '--note', 'Say how long');
    commit('lee', 'Changes, with the list as it now stands');
    const later = (await events()).at(-1);
    assert.deepEqual([later?.status, later?.accepted], ['changes-requested', true]);
  });

  it('follows the lesson through a rename, and lists requests without a verdict', async () => {
    const request = await folder.cli(
      'review',
      'request',
      '--role',
      'sme',
      '--reviewer',
      'priya@example.com',
      '--today',
      '2026-12-01',
      'lessons/holding.md',
    );
    assert.equal(request.code, 0, request.stderr);
    commit('author', 'Ask the SME');
    execFileSync('git', ['mv', 'lessons/holding.md', 'lessons/02-holding.md'], { cwd: folder.path });
    commit('author', 'Number the lessons');
    folder.write('lessons/02-holding.md', folder.read('lessons/02-holding.md'));
    const result = await folder.cli(
      'review',
      'approve',
      '--role',
      'sme',
      '--as',
      'Priya Patel <priya@example.com>',
      '--today',
      '2026-12-02',
      'lessons/02-holding.md',
    );
    assert.equal(result.code, 0, result.stderr);
    commit('priya', 'Approve');
    assert.deepEqual(
      (await events('lessons/02-holding.md')).map((event) => [event.path, event.status, event.accepted]),
      [
        ['lessons/holding.md', 'requested', undefined],
        ['lessons/02-holding.md', 'approved', true],
      ],
    );
    const text = await folder.cli('history', 'lessons/02-holding.md');
    assert.match(
      text.stdout,
      /^lessons\/02-holding\.md\n {2}\d{4}-\d{2}-\d{2} {2}sme {2}requested by priya@example\.com {2}[0-9a-f]{10} \(Sam Author <sam@example\.com>\)\n {2}\d{4}-\d{2}-\d{2} {2}sme {2}approved by Priya Patel {2}[0-9a-f]{10} \(Priya Patel <priya@example\.com>\) {2}accepted\n$/,
    );
  });

  it('says so for a lesson outside git', async () => {
    const outside = mkdtempSync(join(tmpdir(), 'course-review-outside-'));
    try {
      writeFileSync(join(outside, 'lesson.md'), LESSON);
      const result = await folder.cli('history', join(outside, 'lesson.md'));
      assert.equal(result.code, 2);
      assert.match(result.stderr, /: The lesson is not in a git repository: its review history is in git\.\n$/);
    } finally {
      rmSync(outside, { recursive: true, force: true });
    }
  });
});
