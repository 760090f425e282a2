import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { lessonFingerprint } from '../../src/core';
import { run } from '../../src/cli/run';
import { useCliFolder } from './helpers/cliFolder';
import { useIsolatedGitEnvironment } from './helpers/isolatedGit';

const LESSON = `---
title: Holding a call
---

# Holding a call

Ask before you put a caller on hold, and say how long it will take.
`;

const PEOPLE = {
  author: ['Sam Author', 'sam@example.com'],
  priya: ['Priya Patel', 'priya@example.com'],
  lee: ['Lee Chan', 'lee@example.com'],
  lead: ['Dana Lead', 'dana@example.com'],
} as const;
type Person = keyof typeof PEOPLE;

interface Finding {
  file: string;
  line: number;
  role: string;
  kind: string;
  message: string;
  commit?: string;
}

describe('course-review verify', function () {
  this.timeout(60_000);
  const folder = useCliFolder('course-review-verify-');
  useIsolatedGitEnvironment();

  function as(who: Person): NodeJS.ProcessEnv {
    const [name, email] = PEOPLE[who];
    return { ...process.env, GIT_AUTHOR_NAME: name, GIT_AUTHOR_EMAIL: email, GIT_COMMITTER_NAME: name, GIT_COMMITTER_EMAIL: email };
  }

  function git(who: Person, ...args: string[]): string {
    return execFileSync('git', args, { cwd: folder.path, env: as(who), encoding: 'utf8' });
  }

  function commit(who: Person, message: string) {
    git(who, 'add', '-A');
    git(who, 'commit', '-q', '-m', message);
  }

  async function sign(who: Person, action: string, file = 'lessons/holding.md', ...extra: string[]) {
    const [name, email] = PEOPLE[who];
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
      file,
    );
    assert.equal(result.code, 0, result.stderr);
  }

  async function verify(...args: string[]): Promise<{ code: number; findings: Finding[]; signOffs: number; stderr: string }> {
    const result = await folder.cli('verify', '--format', 'json', ...args);
    if (result.code === 2) return { code: 2, findings: [], signOffs: 0, stderr: result.stderr };
    const report = JSON.parse(result.stdout) as { findings: Finding[]; signOffs: number };
    return { code: result.code, findings: report.findings, signOffs: report.signOffs, stderr: result.stderr };
  }

  const kinds = (findings: Finding[]) => findings.map((finding) => [finding.file, finding.role, finding.kind]);

  beforeEach(() => {
    git('author', 'init', '-q', '-b', 'main');
    folder.write('.coursereview.json', '{ "roles": { "sme": { "reviewers": ["priya@example.com"] } } }\n');
    folder.write('lessons/holding.md', LESSON);
    commit('author', 'Draft');
  });

  it('passes an approval its reviewer committed, and prints where each problem is', async () => {
    await sign('priya', 'approve');
    commit('priya', 'SME approval');
    const passed = await folder.cli('verify');
    assert.equal(passed.code, 0, passed.stderr);
    assert.equal(passed.stdout, '1 sign-off checked in 1 lesson: all verified.\n');

    folder.write('lessons/holding.md', folder.read('lessons/holding.md').replace('how long', 'about how long'));
    const stale = await folder.cli('verify');
    assert.equal(stale.code, 1);
    assert.equal(
      stale.stdout,
      'lessons/holding.md:4  sme  stale  SME approval by Priya Patel is stale: the lesson changed after it was approved.\n1 sign-off checked in 1 lesson: 1 problem.\n',
    );
  });

  it("does not accept an approval the lesson's author committed in the reviewer's name", async () => {
    await sign('priya', 'approve');
    commit('author', 'Approved (typed by the author)');
    const { code, findings } = await verify();
    assert.equal(code, 1);
    assert.deepEqual(kinds(findings), [['lessons/holding.md', 'sme', 'unverified']]);
    assert.match(
      findings[0].message,
      /^The SME approval by Priya Patel is not borne out by git history: committed by Sam Author <sam@example\.com> in [0-9a-f]{10}, not by Priya Patel\.$/,
    );
  });

  it('does not accept a reviewer who added themselves to the list in the approving commit, but does once the list had them', async () => {
    folder.write('.coursereview.json', '{ "roles": { "sme": { "reviewers": ["priya@example.com", "lee@example.com"] } } }\n');
    await sign('lee', 'approve');
    commit('lee', 'Add myself and approve');
    const selfAdded = await verify();
    assert.deepEqual(kinds(selfAdded.findings), [['lessons/holding.md', 'sme', 'unverified']]);
    assert.match(
      selfAdded.findings[0].message,
      /Lee Chan <lee@example\.com> is not on the sme reviewers list as it was before [0-9a-f]{10}\.$/,
    );

    await sign('lee', 'approve', 'lessons/holding.md', '--today', '2026-12-02');
    commit('lee', 'Approve again, now that the list has me');
    assert.deepEqual((await verify()).findings, []);
  });

  it('does not accept a fingerprint recomputed by hand after the lesson changed', async () => {
    await sign('priya', 'approve');
    commit('priya', 'SME approval');
    const edited = folder.read('lessons/holding.md').replace('how long', 'about how long');
    const forged = edited.replace(/fingerprint: .*/, `fingerprint: ${lessonFingerprint(edited.replace(/\nreview:[\s\S]*?(?=\n---)/, ''))}`);
    assert.notEqual(forged, edited);
    folder.write('lessons/holding.md', forged);
    commit('author', 'Reword, keep the approval');
    const { findings } = await verify();
    assert.deepEqual(
      kinds(findings),
      [['lessons/holding.md', 'sme', 'unverified']],
      'the fingerprint matches the lesson, but the author wrote it',
    );
    assert.match(findings[0].message, /committed by Sam Author/);
  });

  it('follows a lesson through a rename, and accepts an approval merged from a branch', async () => {
    git('priya', 'checkout', '-q', '-b', 'sme-review');
    await sign('priya', 'approve');
    commit('priya', 'SME approval');
    git('lead', 'checkout', '-q', 'main');
    folder.write('lessons/other.md', LESSON.replace('Holding a call', 'Transferring a call'));
    commit('lead', 'Another lesson meanwhile');
    git('lead', 'merge', '-q', '--no-ff', 'sme-review', '-m', 'Merge the SME review');
    git('author', 'mv', 'lessons/holding.md', 'lessons/02-holding.md');
    commit('author', 'Number the lessons');
    const { code, findings, signOffs } = await verify();
    assert.deepEqual([code, findings, signOffs], [0, [], 1]);
  });

  it('does not accept an approval written in a merge commit by whoever merged', async () => {
    git('author', 'checkout', '-q', '-b', 'other');
    folder.write('lessons/other.md', LESSON);
    commit('author', 'Another lesson');
    git('lead', 'checkout', '-q', 'main');
    git('lead', 'merge', '-q', '--no-ff', '--no-commit', 'other');
    await sign('priya', 'approve');
    commit('lead', 'Merge, with an approval slipped in');
    const { findings } = await verify();
    assert.deepEqual(kinds(findings), [['lessons/holding.md', 'sme', 'unverified']]);
    assert.match(findings[0].message, /committed by Dana Lead <dana@example\.com>/);
  });

  it('does not accept a withdrawn approval that a merge brought back, by merge -s ours or by taking the other side, also with --base', async () => {
    await sign('priya', 'approve');
    commit('priya', 'SME approval');
    git('author', 'checkout', '-q', '-b', 'feature');
    folder.write('lessons/notes.md', '# Notes\n');
    commit('author', 'Notes on the branch');
    git('priya', 'checkout', '-q', 'main');
    await sign('priya', 'request-changes', 'lessons/holding.md', '--note', 'Ask for the hold time first');
    commit('priya', 'SME: changes requested after all');
    git('author', 'checkout', '-q', 'feature');
    git('author', 'merge', '-q', '-s', 'ours', 'main', '-m', 'Merge main');
    git('lead', 'checkout', '-q', '-b', 'pull-request', 'main');
    git('lead', 'merge', '-q', '--no-ff', 'feature', '-m', 'Test merge');
    const pullRequest = await verify('--base', 'main');
    assert.deepEqual(kinds(pullRequest.findings), [['lessons/holding.md', 'sme', 'unverified']]);
    assert.match(
      pullRequest.findings[0].message,
      /committed by (?:Dana Lead|Sam Author) .* not by Priya Patel/,
      'the merge that kept it, nearest to HEAD',
    );

    git('author', 'checkout', '-q', 'main');
    git('author', 'merge', '-q', '--no-ff', '--no-commit', 'feature');
    git('author', 'checkout', 'feature', '--', 'lessons/holding.md');
    commit('author', 'Merge feature, keeping its side');
    assert.deepEqual(kinds((await verify()).findings), [['lessons/holding.md', 'sme', 'unverified']]);
  });

  it('still accepts an approval merged from a branch that never had the record, after main moved on', async () => {
    git('author', 'checkout', '-q', '-b', 'feature');
    folder.write('lessons/notes.md', '# Notes\n');
    commit('author', 'Notes on the branch');
    git('priya', 'checkout', '-q', 'main');
    await sign('priya', 'approve');
    commit('priya', 'SME approval');
    git('lead', 'merge', '-q', '--no-ff', 'feature', '-m', 'Merge feature');
    const { code, findings } = await verify();
    assert.deepEqual(kinds(findings), []);
    assert.equal(code, 0);
  });

  it("accepts an approval made on a branch under the lesson's old name, merged by someone else after main renamed it", async () => {
    git('priya', 'checkout', '-q', '-b', 'sme-review');
    await sign('priya', 'approve');
    commit('priya', 'SME approval');
    git('author', 'checkout', '-q', 'main');
    git('author', 'mv', 'lessons/holding.md', 'lessons/01-holding.md');
    commit('author', 'Number the lessons');
    git('lead', 'merge', '-q', '--no-ff', 'sme-review', '-m', 'Merge the SME review');
    const { code, findings } = await verify();
    assert.deepEqual(kinds(findings), []);
    assert.equal(code, 0);
    assert.ok(folder.read('lessons/01-holding.md').includes('status: approved'), 'the merge kept the approval under the new name');
  });

  it('does not accept an approval squash-merged by someone else, which rewrites who committed it', async () => {
    git('priya', 'checkout', '-q', '-b', 'sme-review');
    await sign('priya', 'approve');
    commit('priya', 'SME approval');
    assert.equal((await verify()).findings.length, 0, 'on the review branch, the approval is borne out');
    git('lead', 'checkout', '-q', 'main');
    git('lead', 'merge', '-q', '--squash', 'sme-review');
    commit('lead', 'Squash the SME review');
    git('lead', 'branch', '-q', '-D', 'sme-review');
    const { findings } = await verify();
    assert.deepEqual(kinds(findings), [['lessons/holding.md', 'sme', 'unverified']]);
    assert.match(findings[0].message, /committed by Dana Lead <dana@example\.com> in [0-9a-f]{10}, not by Priya Patel/);
  });

  it('reports a sign-off that is in no commit yet', async () => {
    await sign('priya', 'approve');
    const { findings } = await verify();
    assert.deepEqual(kinds(findings), [['lessons/holding.md', 'sme', 'uncommitted']]);
    assert.equal(findings[0].message, 'The SME approval by Priya Patel is in no commit: it must be committed by its reviewer.');
  });

  it('in a shallow clone, says to fetch the full history when the approving commit is beyond it, and passes when it is within', async () => {
    await sign('priya', 'approve');
    commit('priya', 'SME approval');
    folder.write('lessons/notes.md', '# Notes\n');
    commit('author', 'Notes');
    const clone = mkdtempSync(join(tmpdir(), 'course-review-shallow-'));
    try {
      for (const [depth, expected] of [
        ['1', 2],
        // The approving commit at the edge: what it changed (and the configuration before it) is not in the clone.
        ['2', 2],
        ['3', 0],
      ] as const) {
        rmSync(clone, { recursive: true, force: true });
        execFileSync('git', ['clone', '-q', '--depth', depth, `file://${folder.path}`, clone]);
        let stdout = '';
        let stderr = '';
        const code = await run(['verify', 'lessons'], {
          cwd: clone,
          stdout: (text) => (stdout += text),
          stderr: (text) => (stderr += text),
        });
        assert.equal(code, expected, `depth ${depth}: ${stdout}${stderr}`);
        if (expected === 2)
          assert.match(stderr, /shallow clone.*fetch the full history \(git fetch --unshallow, or actions\/checkout with fetch-depth: 0\)/);
        else assert.match(stdout, /1 sign-off checked in 2 lessons: all verified\./);
      }
    } finally {
      rmSync(clone, { recursive: true, force: true });
    }
  });

  it('with --require approved, fails a required role that is missing, and passes one waived by a listed reviewer', async () => {
    folder.write(
      '.coursereview.json',
      '{ "roles": { "sme": { "reviewers": ["priya@example.com"] }, "legal": { "reviewers": ["lee@example.com"] }, "marketing": { "required": "never" } } }\n',
    );
    folder.write('lessons/holding.md', LESSON.replace('Ask before', 'This method is guaranteed to stop complaints. Ask before'));
    commit('author', 'A claim');
    await sign('priya', 'approve');
    commit('priya', 'SME approval');
    assert.deepEqual((await verify()).findings, [], 'without --require, a missing review is not checked');
    const missing = await verify('--require', 'approved');
    assert.deepEqual(kinds(missing.findings), [['lessons/holding.md', 'legal', 'required']]);
    assert.match(
      missing.findings[0].message,
      /^Legal review is required \(the lesson has findings of [a-z-]+(, [a-z-]+)*\) but is missing\.$/,
    );
    const waived = await folder.cli(
      'review',
      'waive',
      '--role',
      'legal',
      '--as',
      'Lee Chan <lee@example.com>',
      '--note',
      'Internal only',
      '--today',
      '2026-12-02',
      'lessons/holding.md',
    );
    assert.equal(waived.code, 0, waived.stderr);
    commit('lee', 'Legal waiver');
    const passed = await verify('--require', 'approved');
    assert.deepEqual([passed.code, passed.findings, passed.signOffs], [0, [], 2]);
  });

  it('with --base, checks only the lessons that differ from that revision', async () => {
    folder.write('lessons/other.md', LESSON);
    commit('author', 'Second lesson');
    await sign('priya', 'approve', 'lessons/other.md');
    commit('author', 'Approval typed by the author');
    git('author', 'tag', 'base');
    await sign('priya', 'approve');
    commit('priya', 'SME approval of the first lesson');
    assert.deepEqual(kinds((await verify()).findings), [['lessons/other.md', 'sme', 'unverified']]);
    const changed = await verify('--base', 'base');
    assert.deepEqual([changed.code, changed.findings, changed.signOffs], [0, [], 1]);
    const unknown = await folder.cli('verify', '--base', 'origin/nowhere');
    assert.equal(unknown.code, 2);
    assert.match(unknown.stderr, /--base origin\/nowhere: no such commit in this clone\. Fetch it first/);
  });

  it('with --signed, also requires a good signature by the reviewer who committed', async () => {
    const keys = join(folder.path, '..', `${folder.path.split('/').pop()}-keys`);
    execFileSync('mkdir', ['-p', keys]);
    try {
      for (const who of ['priya', 'lee'] as const)
        execFileSync('ssh-keygen', ['-q', '-t', 'ed25519', '-N', '', '-C', PEOPLE[who][1], '-f', join(keys, who)]);
      const publicKey = (who: string) =>
        execFileSync('cat', [join(keys, `${who}.pub`)], { encoding: 'utf8' })
          .trim()
          .split(' ')
          .slice(0, 2)
          .join(' ');
      writeFileSync(join(keys, 'allowed_signers'), `priya@example.com ${publicKey('priya')}\nlee@example.com ${publicKey('lee')}\n`);
      git('author', 'config', 'gpg.format', 'ssh');
      git('author', 'config', 'gpg.ssh.allowedSignersFile', join(keys, 'allowed_signers'));
      const signedCommit = (who: Person, key: string, message: string) => {
        git(who, 'add', '-A');
        git(who, '-c', `user.signingkey=${join(keys, key)}`, 'commit', '-q', '-S', '-m', message);
      };

      await sign('priya', 'approve');
      signedCommit('priya', 'priya', 'SME approval, signed');
      assert.deepEqual((await verify('--signed')).findings, []);

      await sign('priya', 'approve', 'lessons/holding.md', '--today', '2026-12-02');
      commit('priya', 'SME approval, unsigned');
      assert.deepEqual((await verify()).findings, [], 'without --signed, the author is enough');
      const unsigned = await verify('--signed');
      assert.match(unsigned.findings[0]?.message ?? '', /: commit [0-9a-f]{10} has no signature\.$/);

      await sign('priya', 'approve', 'lessons/holding.md', '--today', '2026-12-03');
      signedCommit('priya', 'lee', "SME approval, signed with another's key");
      const otherKey = await verify('--signed');
      assert.match(
        otherKey.findings[0]?.message ?? '',
        /: commit [0-9a-f]{10} is signed by lee@example\.com, not by its author Priya Patel <priya@example\.com>\.$/,
      );
    } finally {
      rmSync(keys, { recursive: true, force: true });
    }
  });

  it('with --staged (a pre-commit hook), refuses a sign-off staged by anyone but its reviewer, and lets the reviewer commit it', async () => {
    const env = { ...process.env };
    for (const name of ['GIT_AUTHOR_NAME', 'GIT_AUTHOR_EMAIL', 'GIT_COMMITTER_NAME', 'GIT_COMMITTER_EMAIL']) delete process.env[name];
    const committer = (who: Person) => {
      git('author', 'config', 'user.name', PEOPLE[who][0]);
      git('author', 'config', 'user.email', PEOPLE[who][1]);
    };
    try {
      await sign('priya', 'approve');
      git('author', 'add', '-A');
      committer('author');
      const byAuthor = await folder.cli('verify', '--staged');
      assert.equal(byAuthor.code, 1);
      assert.match(
        byAuthor.stdout,
        /^lessons\/holding\.md:4 {2}sme {2}unverified {2}The SME approval by Priya Patel is not borne out by git history: staged for commit by Sam Author <sam@example\.com>, not by Priya Patel: Priya Patel should commit it\.\n/,
      );
      committer('priya');
      const byReviewer = await folder.cli('verify', '--staged');
      assert.equal(byReviewer.code, 0, byReviewer.stdout);
      assert.equal(byReviewer.stdout, '1 sign-off checked in 1 lesson: all verified.\n');
      folder.write('lessons/holding.md', folder.read('lessons/holding.md').replace('how long', 'about how long'));
      const unstagedEdit = await folder.cli('verify', '--staged');
      assert.equal(unstagedEdit.code, 0, 'the index, not the working tree, is what is committed');
      git('author', 'add', '-A');
      assert.match((await folder.cli('verify', '--staged')).stdout, /sme {2}stale {2}SME approval by Priya Patel is stale/);
    } finally {
      Object.assign(process.env, env);
    }
    git('author', 'reset', '-q', '--hard');
    await sign('priya', 'approve', 'lessons/holding.md', '--today', '2026-12-05');
    git('priya', 'add', '-A');
    git('priya', 'commit', '-q', '-m', 'Approve again');
    git('author', 'mv', 'lessons/holding.md', 'lessons/01-holding.md');
    committer('author');
    const renamed = await folder.cli('verify', '--staged');
    assert.equal(renamed.code, 0, `a staged rename keeps the approval it had at HEAD\n${renamed.stdout}`);
    assert.match(
      (await folder.cli('verify', '--staged', '--signed')).stderr,
      /--staged checks the commit about to be made: it takes neither --base nor --signed/,
    );
  });

  it('with --staged, lets a merge that stopped on a conflict be committed with the approval it brings in, and still refuses one typed during it', async () => {
    const env = { ...process.env };
    for (const name of ['GIT_AUTHOR_NAME', 'GIT_AUTHOR_EMAIL', 'GIT_COMMITTER_NAME', 'GIT_COMMITTER_EMAIL']) delete process.env[name];
    try {
      folder.write('lessons/notes.md', 'v1\n');
      commit('author', 'Notes');
      git('priya', 'checkout', '-q', '-b', 'sme-review');
      await sign('priya', 'approve');
      folder.write('lessons/notes.md', 'v2 priya\n');
      commit('priya', 'SME approval and a note');
      git('lead', 'checkout', '-q', 'main');
      folder.write('lessons/notes.md', 'v2 lead\n');
      commit('lead', 'A note on main');
      assert.throws(() => git('lead', 'merge', '-q', 'sme-review'), 'the merge stops on the notes');
      folder.write('lessons/notes.md', 'v3\n');
      git('lead', 'add', '-A');
      git('lead', 'config', 'user.name', PEOPLE.lead[0]);
      git('lead', 'config', 'user.email', PEOPLE.lead[1]);
      const merging = await folder.cli('verify', '--staged');
      assert.equal(merging.code, 0, merging.stdout);
      await sign('priya', 'approve', 'lessons/holding.md', '--today', '2026-12-05');
      git('lead', 'add', '-A');
      const typed = await folder.cli('verify', '--staged');
      assert.equal(typed.code, 1, "an approval that neither side had is the committer's");
      assert.match(typed.stdout, /staged for commit by Dana Lead/);
    } finally {
      Object.assign(process.env, env);
    }
  });

  describe('refuses what someone other than the reviewer made look like their sign-off', () => {
    const people = (name: string, email: string): NodeJS.ProcessEnv => ({
      ...process.env,
      GIT_AUTHOR_NAME: name,
      GIT_AUTHOR_EMAIL: email,
      GIT_COMMITTER_NAME: name,
      GIT_COMMITTER_EMAIL: email,
    });
    const raw = (env: NodeJS.ProcessEnv, ...args: string[]) => execFileSync('git', args, { cwd: folder.path, env, encoding: 'utf8' });

    it("an author name holding the log's own separators, forged to read as another commit by the reviewer", async () => {
      const parent = git('author', 'rev-parse', 'HEAD').trim();
      await sign('priya', 'approve');
      const forged = `Mallory\x1e${'0'.repeat(39)}1\x1f${parent}\x1fPriya Patel\x1f2026-12-01\x1fG\x1fPriya Patel\x00x`.replace('\x00', '');
      raw(people(forged, 'mallory@evil.example'), 'add', '-A');
      raw(people(forged, 'mallory@evil.example'), 'commit', '-q', '-m', 'Small wording fix');
      const { code, findings } = await verify();
      assert.equal(code, 1);
      assert.deepEqual(kinds(findings), [['lessons/holding.md', 'sme', 'unverified']]);
    });

    it("the reviewer's name with another email: the list names the reviewer by email", async () => {
      await sign('priya', 'approve');
      raw(people('Priya Patel', 'mallory@evil.example'), 'add', '-A');
      raw(people('Priya Patel', 'mallory@evil.example'), 'commit', '-q', '-m', 'Approval');
      const { findings } = await verify();
      assert.match(findings[0]?.message ?? '', /Priya Patel <mallory@evil\.example> is not on the sme reviewers list as it was before/);
    });

    it('adding yourself to the list in one commit, approving in a second and taking yourself off in a third', async () => {
      folder.write('.coursereview.json', '{ "roles": { "sme": { "reviewers": ["priya@example.com", "lee@example.com"] } } }\n');
      commit('lee', 'Add myself');
      await sign('lee', 'approve');
      commit('lee', 'Approve');
      folder.write('.coursereview.json', '{ "roles": { "sme": { "reviewers": ["priya@example.com"] } } }\n');
      commit('lee', 'Take myself off again');
      const { findings } = await verify();
      assert.match(findings[0]?.message ?? '', /Lee Chan <lee@example\.com> is not on the sme reviewers list in the configuration now\.$/);
    });

    it('an approval written in a root commit of its own history, merged in', async () => {
      git('lee', 'checkout', '-q', '--orphan', 'elsewhere');
      git('lee', 'rm', '-rq', '--cached', '.');
      // Typed as the command would write it (the command itself refuses: Lee is not on the list).
      folder.write(
        'lessons/holding.md',
        LESSON.replace(
          'title: Holding a call\n',
          `title: Holding a call\nreview:\n  sme:\n    status: approved\n    reviewer: Lee Chan\n    signed: 2026-12-01\n    fingerprint: ${lessonFingerprint(LESSON)}\n`,
        ),
      );
      git('lee', 'add', 'lessons/holding.md');
      git('lee', 'commit', '-q', '-m', 'Root commit, no configuration');
      git('lee', 'clean', '-fdq');
      git('author', 'checkout', '-q', '-f', 'main');
      git('author', 'merge', '-q', '--allow-unrelated-histories', '-X', 'theirs', 'elsewhere', '-m', 'Merge');
      const { findings } = await verify();
      assert.deepEqual(kinds(findings), [['lessons/holding.md', 'sme', 'unverified']]);
      assert.match(findings[0].message, /Lee Chan <lee@example\.com> is not on the sme reviewers list in the configuration now/);
    });

    it('an approval the reviewer took back, put back by a revert', async () => {
      await sign('priya', 'approve');
      commit('priya', 'Approve');
      await sign('priya', 'request-changes', 'lessons/holding.md', '--note', 'Say how long');
      commit('priya', 'Changes, after all');
      git('author', 'revert', '--no-edit', 'HEAD');
      const { findings } = await verify();
      assert.deepEqual(kinds(findings), [['lessons/holding.md', 'sme', 'unverified']]);
      assert.match(findings[0].message, /committed by Sam Author <sam@example\.com>/);
    });

    it('a forged approval on a branch that the reviewer then merged', async () => {
      git('author', 'checkout', '-q', '-b', 'forged');
      await sign('priya', 'approve');
      commit('author', 'Approval typed by the author');
      git('priya', 'checkout', '-q', 'main');
      folder.write('lessons/other.md', LESSON);
      commit('priya', 'Something else on main');
      git('priya', 'merge', '-q', '--no-ff', 'forged', '-m', 'Merge the branch');
      const { findings } = await verify();
      assert.deepEqual(kinds(findings), [['lessons/holding.md', 'sme', 'unverified']]);
      assert.match(findings[0].message, /committed by Sam Author <sam@example\.com>/);
    });

    it('a waiver of a deleted lesson, kept for a new lesson at the same path', async () => {
      folder.write(
        '.coursereview.json',
        '{ "roles": { "sme": { "reviewers": ["priya@example.com"], "required": "never" }, "legal": { "reviewers": ["priya@example.com"] } } }\n',
      );
      commit('author', 'Legal role');
      const waived = await folder.cli(
        'review',
        'waive',
        '--role',
        'legal',
        '--as',
        'Priya Patel <priya@example.com>',
        '--note',
        'Nothing to check',
        '--today',
        '2026-12-01',
        'lessons/holding.md',
      );
      assert.equal(waived.code, 0, waived.stderr);
      commit('priya', 'Legal waiver');
      const waiver = folder.read('lessons/holding.md').match(/review:[\s\S]*?(?=\n---)/)![0];
      git('author', 'rm', '-q', 'lessons/holding.md');
      commit('author', 'Retire the lesson');
      folder.write(
        'lessons/holding.md',
        LESSON.replace('title: Holding a call', `title: Refunds\n${waiver}`).replace(
          'Ask before',
          'Refunds are guaranteed within 100% of cases. Ask before',
        ),
      );
      commit('author', 'A new lesson where the old one was');
      const { findings } = await verify();
      assert.deepEqual(kinds(findings), [['lessons/holding.md', 'legal', 'unverified']]);
      assert.match(findings[0].message, /committed by Sam Author/);
    });

    it("a replacement object standing in for the reviewer's commit", async () => {
      await sign('priya', 'approve');
      commit('author', 'Approval typed by the author');
      const forgedCommit = git('author', 'rev-parse', 'HEAD').trim();
      const body = git('author', 'cat-file', 'commit', forgedCommit).replace(/^author .*$/m, (line) =>
        line.replace('Sam Author <sam@example.com>', 'Priya Patel <priya@example.com>'),
      );
      const replacement = execFileSync('git', ['hash-object', '-t', 'commit', '-w', '--stdin'], {
        cwd: folder.path,
        input: body,
        encoding: 'utf8',
      }).trim();
      git('author', 'replace', forgedCommit, replacement);
      assert.match(git('author', 'log', '-1', '--format=%an'), /Priya Patel/, 'plain git shows the replacement');
      assert.deepEqual(kinds((await verify()).findings), [['lessons/holding.md', 'sme', 'unverified']]);
    });
  });

  it('accepts an approval made on a branch that also renamed the lesson, once merged', async () => {
    git('priya', 'checkout', '-q', '-b', 'renamed');
    git('priya', 'mv', 'lessons/holding.md', 'lessons/01-holding.md');
    commit('priya', 'Number the lesson');
    await sign('priya', 'approve', 'lessons/01-holding.md');
    commit('priya', 'SME approval');
    git('author', 'checkout', '-q', 'main');
    folder.write('lessons/other.md', LESSON);
    commit('author', 'Another lesson');
    git('author', 'merge', '-q', '--no-ff', 'renamed', '-m', 'Merge');
    assert.deepEqual((await verify()).findings, []);
  });

  it('accepts an approval on a lesson a branch added, merged with a merge commit', async () => {
    git('priya', 'checkout', '-q', '-b', 'new-lesson');
    folder.write('lessons/new.md', LESSON.replace('Holding a call', 'Transferring a call'));
    commit('author', 'New lesson');
    await sign('priya', 'approve', 'lessons/new.md');
    commit('priya', 'SME approval');
    git('author', 'checkout', '-q', 'main');
    git('author', 'merge', '-q', '--no-ff', 'new-lesson', '-m', 'Merge');
    const { findings, signOffs } = await verify();
    assert.deepEqual([findings, signOffs], [[], 1]);
  });

  it('prints GitHub workflow annotations and SARIF', async () => {
    await sign('priya', 'approve');
    commit('author', 'Approved (typed by the author)');
    const annotations = await folder.cli('verify', '--format', 'github');
    assert.equal(annotations.code, 1);
    assert.match(
      annotations.stdout,
      /^::error file=lessons\/holding\.md,line=4,title=Sign-off not borne out by git history \(sme\)::The SME approval by Priya Patel is not borne out by git history: committed by Sam Author <sam@example\.com> in [0-9a-f]{10}, not by Priya Patel\.\n1 sign-off checked in 1 lesson: 1 problem\.\n$/,
    );
    const sarif = JSON.parse((await folder.cli('verify', '--format', 'sarif')).stdout) as {
      runs: Array<{ results: Array<{ ruleId: string; locations: Array<{ physicalLocation: { region: { startLine: number } } }> }> }>;
    };
    assert.deepEqual(
      sarif.runs[0].results.map((result) => [result.ruleId, result.locations[0].physicalLocation.region.startLine]),
      [['verify/unverified', 4]],
    );
  });

  it('refuses bad options and lessons outside git, saying why', async () => {
    assert.match((await folder.cli('verify', '--format', 'xml')).stderr, /Unknown format "xml", expected text, json, sarif or github\./);
    assert.match((await folder.cli('verify', '--require', 'everything')).stderr, /Unknown --require "everything", expected approved\./);
    const outside = mkdtempSync(join(tmpdir(), 'course-review-outside-'));
    try {
      writeFileSync(join(outside, 'lesson.md'), LESSON);
      const result = await folder.cli('verify', join(outside, 'lesson.md'));
      assert.equal(result.code, 2);
      assert.match(result.stderr, /the lesson is not in a git repository: sign-offs are verified from git history\.\n$/);
    } finally {
      rmSync(outside, { recursive: true, force: true });
    }
  });
});
