import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parse } from 'yaml';
import { useCliFolder } from './helpers/cliFolder';
import { useIsolatedGitEnvironment } from './helpers/isolatedGit';

const ROOT = resolve(__dirname, '..', '..');
const CI_DOC = readFileSync(join(ROOT, 'docs', 'ci.md'), 'utf8');

/** The fenced block right after an HTML comment marker in docs/ci.md. */
function blockAfter(marker: string): string {
  const match = new RegExp(`<!-- ${marker} -->\\n\`\`\`[a-z]*\\n([\\s\\S]*?)\\n\`\`\``).exec(CI_DOC);
  assert.ok(match, `docs/ci.md has a block after <!-- ${marker} -->`);
  return match[1];
}

interface Step {
  name?: string;
  run?: string;
  uses?: string;
}

const LESSON = `---
title: Holding a call
---

# Holding a call

By the end of this lesson you can put a caller on hold politely.

Ask before you put a caller on hold, and say how long it will take.
`;

const PEOPLE = {
  author: ['Sam Author', 'sam@example.com'],
  priya: ['Priya Patel', 'priya@example.com'],
} as const;
type Person = keyof typeof PEOPLE;

/**
 * Runs the commands of docs/ci.md as GitHub Actions and git would, in scripted repositories. The
 * CLI is this repository's source, linked where `npm install course-review` would put it.
 */
describe('docs/ci.md: the workflow and the pre-commit hook, run locally', function () {
  this.timeout(120_000);
  const folder = useCliFolder('course-review-ci-docs-');
  useIsolatedGitEnvironment();
  const steps = (parse(blockAfter('ci-workflow')) as { jobs: Record<string, { steps: Step[] }> }).jobs.lessons.steps;

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

  async function approve(who: Person, file = 'lessons/holding.md') {
    const result = await folder.cli(
      'review',
      'approve',
      '--role',
      'sme',
      '--as',
      `${PEOPLE[who][0]} <${PEOPLE[who][1]}>`,
      '--today',
      '2026-12-01',
      file,
    );
    assert.equal(result.code, 0, result.stderr);
  }

  /** Each `run:` step under `bash -e`, as a GitHub runner does, stopping at the first that fails. */
  function runJob(env: NodeJS.ProcessEnv = {}): { failedStep: string | undefined; output: string } {
    let output = '';
    for (const step of steps) {
      if (!step.run) continue;
      if (/\bnpm install\b.*\bcourse-review\b/.test(step.run)) continue; // done by beforeEach, without the registry
      const run = spawnSync('bash', ['-e', '-c', step.run], { cwd: folder.path, env: { ...process.env, ...env }, encoding: 'utf8' });
      output += run.stdout + run.stderr;
      if (run.status !== 0) return { failedStep: step.name, output };
    }
    return { failedStep: undefined, output };
  }

  beforeEach(() => {
    git('author', 'init', '-q', '-b', 'main');
    folder.write(
      'node_modules/.bin/course-review',
      `#!/bin/sh\nexec "${join(ROOT, 'node_modules', '.bin', 'tsx')}" --tsconfig "${join(ROOT, 'tsconfig.json')}" "${join(ROOT, 'src', 'cli', 'main.ts')}" "$@"\n`,
    );
    chmodSync(join(folder.path, 'node_modules/.bin/course-review'), 0o755);
    folder.write('.gitignore', 'node_modules/\n');
    folder.write('.coursereview.json', '{ "roles": { "sme": { "reviewers": ["priya@example.com"] } } }\n');
    folder.write('lessons/holding.md', LESSON);
    commit('author', 'Draft');
  });

  it('has the steps the page describes: full history, Node, install, lint, verify', () => {
    assert.deepEqual(
      steps.map((step) => step.uses?.replace(/@.*/, '') ?? step.name),
      ['actions/checkout', 'actions/setup-node', 'Install Course Review', 'Check the lessons', 'Verify the sign-offs'],
    );
    assert.equal((steps[0] as Step & { with: { 'fetch-depth': number } }).with['fetch-depth'], 0);
  });

  it('passes when the reviewer committed the approval, and fails with an annotation when the author did', async () => {
    await approve('priya');
    commit('priya', 'SME approval');
    const passed = runJob();
    assert.equal(passed.failedStep, undefined, passed.output);
    assert.match(passed.output, /1 sign-off checked in 1 lesson: all verified\./);

    folder.write('lessons/holding.md', folder.read('lessons/holding.md').replace('how long', 'about how long'));
    commit('author', 'Reword');
    await approve('priya');
    commit('author', 'Approval, typed by the author');
    const failed = runJob();
    assert.equal(failed.failedStep, 'Verify the sign-offs', failed.output);
    assert.match(
      failed.output,
      /^::error file=lessons\/holding\.md,line=4,title=Sign-off not borne out by git history \(sme\)::The SME approval by Priya Patel is not borne out by git history: committed by Sam Author <sam@example\.com> in [0-9a-f]{10}, not by Priya Patel\.$/m,
    );
  });

  it('on a pull request, checks only the lessons it changes', async () => {
    folder.write('lessons/refunds.md', LESSON.replace('Holding a call', 'Refunds'));
    await approve('priya', 'lessons/refunds.md');
    commit('author', 'An approval typed by the author, on main already');
    git('author', 'update-ref', 'refs/remotes/origin/main', 'HEAD');
    git('author', 'checkout', '-q', '-b', 'hold-times');
    folder.write('lessons/holding.md', LESSON.replace('how long', 'about how long'));
    await approve('priya');
    commit('priya', 'Reword and approve');
    const pullRequest = runJob({ GITHUB_BASE_REF: 'main' });
    assert.equal(pullRequest.failedStep, undefined, pullRequest.output);
    assert.match(pullRequest.output, /1 sign-off checked in 1 lesson: all verified\./);
    const push = runJob({ GITHUB_BASE_REF: '' });
    assert.equal(push.failedStep, 'Verify the sign-offs', 'on a push, every lesson: the forged approval on main fails');
  });

  it("the pre-commit hook refuses a commit of the reviewer's approval by the author, and lets the reviewer make it", async () => {
    folder.write('.git/hooks/pre-commit', `${blockAfter('pre-commit-hook')}\n`);
    chmodSync(join(folder.path, '.git/hooks/pre-commit'), 0o755);
    await approve('priya');
    // `commit -a` commits a temporary index that git names in GIT_INDEX_FILE: the hook must read that one.
    const allByAuthor = spawnSync('git', ['commit', '-q', '-a', '-m', 'Approval'], {
      cwd: folder.path,
      env: as('author'),
      encoding: 'utf8',
    });
    assert.notEqual(allByAuthor.status, 0, `git commit -a: the hook stops the commit\n${allByAuthor.stdout}${allByAuthor.stderr}`);
    git('author', 'add', '-A');
    const byAuthor = spawnSync('git', ['commit', '-q', '-m', 'Approval'], { cwd: folder.path, env: as('author'), encoding: 'utf8' });
    assert.notEqual(byAuthor.status, 0, 'the hook stops the commit');
    assert.match(
      byAuthor.stdout + byAuthor.stderr,
      /staged for commit by Sam Author <sam@example\.com>, not by Priya Patel: Priya Patel should commit it\./,
    );
    assert.equal(git('author', 'rev-list', '--count', 'HEAD').trim(), '1');
    const byReviewer = spawnSync('git', ['commit', '-q', '-m', 'Approval'], { cwd: folder.path, env: as('priya'), encoding: 'utf8' });
    assert.equal(byReviewer.status, 0, byReviewer.stdout + byReviewer.stderr);
    assert.equal(git('author', 'rev-list', '--count', 'HEAD').trim(), '2');
  });
});
