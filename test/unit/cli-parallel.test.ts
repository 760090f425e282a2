import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describeError } from '../../src/cli/errors';
import { triggerKeyOf } from '../../src/cli/lintCache';
import { MAX_FILES_ON_ONE_THREAD, queueInWorkers, sendable } from '../../src/cli/parallel';
import { queueLesson, type QueueQuestion } from '../../src/cli/queueLesson';
import { resolveConfig } from '../../src/core';
import type { LintOutcome } from '../../src/cli/lintFile';
import { useCliFolder } from './helpers/cliFolder';
import { FIXTURES, ruleFixtures } from './helpers/fixtures';

function markdownUnder(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const path = join(folder, entry.name);
    if (entry.isDirectory()) return markdownUnder(path);
    return entry.name.endsWith('.md') && entry.name !== 'README.md' ? [path] : [];
  });
}

describe('cli on worker threads', () => {
  const temp = useCliFolder('course-review-parallel-');
  const lessons = ruleFixtures().map((fixture) => fixture.text);
  const names = lessons.map((_, index) => `lesson-${String(index).padStart(3, '0')}.md`);

  /** The same files linted in runs small enough for one thread, one after another. */
  async function oneThread(...argv: string[]) {
    const findings: unknown[] = [];
    let stderr = '';
    let code = 0;
    for (let from = 0; from < names.length; from += MAX_FILES_ON_ONE_THREAD) {
      const run = await temp.cli('lint', ...names.slice(from, from + MAX_FILES_ON_ONE_THREAD).map((name) => `b/${name}`), ...argv);
      findings.push(...(JSON.parse(run.stdout) as unknown[]));
      stderr += run.stderr;
      code = Math.max(code, run.code);
    }
    return { code, findings, stderr };
  }

  it('reports what one thread reports, in the same order, and fixes the same', async function () {
    this.timeout(120_000);
    assert.ok(names.length > MAX_FILES_ON_ONE_THREAD, 'enough fixtures to use the workers');
    lessons.forEach((text, index) => {
      temp.write(`a/${names[index]}`, text);
      temp.write(`b/${names[index]}`, text);
    });
    const argv = ['--format', 'json', '--today', '2026-01-01'];
    const workers = await temp.cli('lint', ...names.map((name) => `a/${name}`), ...argv);
    const expected = await oneThread(...argv);
    assert.equal(workers.code, expected.code);
    assert.deepEqual(
      (JSON.parse(workers.stdout) as Array<{ file: string; message: string }>).map((finding) => ({
        ...finding,
        file: finding.file.replace(/^a\//, 'b/'),
        message: finding.message.replace('the module "a"', 'the module "b"'),
      })),
      expected.findings,
    );

    const fixedByWorkers = await temp.cli('lint', ...names.map((name) => `a/${name}`), '--fix', ...argv);
    const fixedOnOneThread = await oneThread('--fix', ...argv);
    assert.equal(fixedByWorkers.code, fixedOnOneThread.code);
    for (const name of names) assert.equal(temp.read(`a/${name}`), temp.read(`b/${name}`), name);
    const count = (stderr: string) => [...stderr.matchAll(/Fixed (\d+)/g)].reduce((sum, match) => sum + Number(match[1]), 0);
    assert.ok(count(fixedByWorkers.stderr) > 0);
    assert.equal(count(fixedByWorkers.stderr), count(fixedOnOneThread.stderr));
  });

  it('queue: checks the claims of many lessons on worker threads, and lists what one thread lists', async function () {
    this.timeout(120_000);
    // Workplace lessons, many of which make claims: all of them need their claims checked.
    const corporate = markdownUnder(join(FIXTURES, 'corporate'));
    const queued = corporate.map((_, index) => `q/lesson-${String(index).padStart(3, '0')}.md`);
    corporate.forEach((path, index) => temp.write(queued[index], readFileSync(path, 'utf8')));
    assert.ok(queued.length > 2 * MAX_FILES_ON_ONE_THREAD);
    const argv = ['--format', 'json', '--today', '2026-01-01'];
    const workers = await temp.cli('queue', ...queued, ...argv);
    const expected: unknown[] = [];
    for (let from = 0; from < queued.length; from += MAX_FILES_ON_ONE_THREAD) {
      const run = await temp.cli('queue', ...queued.slice(from, from + MAX_FILES_ON_ONE_THREAD), ...argv);
      expected.push(...(JSON.parse(run.stdout) as unknown[]));
    }
    const items = JSON.parse(workers.stdout) as Array<{ role: string; status: string }>;
    const byFileAndRole = (list: unknown[]) => list.map((item) => JSON.stringify(item)).sort();
    assert.deepEqual(byFileAndRole(items), byFileAndRole(expected));
    const claims = items.filter((item) => item.role === 'legal' && item.status === 'missing').length;
    assert.ok(claims > 100, `${claims} lessons make claims that legal must review`);
  });

  const claim = '# Returns\n\nOur returns desk is the best in the industry.\n';
  const question: QueueQuestion = { today: '2026-01-01', filter: {}, remembered: undefined };

  it('queue: a worker reads the lesson, checks its claims and lists its reviews', async function () {
    this.timeout(60_000);
    temp.write('ahead.md', claim);
    const [queued] = await queueInWorkers([{ path: join(temp.path, 'ahead.md'), file: 'ahead.md' }], {
      cwd: temp.path,
      configPath: undefined,
      question,
    });
    assert.deepEqual(
      queued,
      queueLesson(join(temp.path, 'ahead.md'), 'ahead.md', resolveConfig(undefined, undefined, temp.path), question),
    );
    const items = queued.queue.kind === 'listed' ? queued.queue.items : [];
    assert.deepEqual(
      items.filter((item) => item.triggeredBy.length > 0).map((item) => [item.role, item.status, item.triggeredBy]),
      [
        ['legal', 'missing', ['claim-absolute']],
        ['marketing', 'missing', ['claim-absolute']],
      ],
    );
  });

  it('queue: reads each lesson once, uses counts a cache remembers, and says why a lesson cannot be listed', () => {
    const config = resolveConfig(undefined, undefined, temp.path);
    temp.write('claims.md', claim);
    const path = join(temp.path, 'claims.md');
    const key = triggerKeyOf(claim, config);

    const checked = queueLesson(path, 'claims.md', config, { ...question, remembered: {} });
    assert.deepEqual(checked.triggers, { key, counts: [['claim-absolute', 1]], checked: true });

    // Remembered as making no claim: nothing to review, and the claims are not checked again.
    const remembered = queueLesson(path, 'claims.md', config, { ...question, remembered: { [key]: {} } });
    assert.deepEqual(remembered.triggers, { key, counts: [], checked: false });
    const roles = (lesson: typeof remembered) => (lesson.queue.kind === 'listed' ? lesson.queue.items.map((item) => item.role) : []);
    assert.deepEqual(roles(remembered), ['sme']);
    assert.deepEqual(roles(checked), ['sme', 'legal', 'marketing']);

    // An entry of another shape is no count: the claims are checked again.
    const odd = queueLesson(path, 'claims.md', config, { ...question, remembered: { [key]: [1] as unknown as Record<string, number> } });
    assert.deepEqual(odd.triggers, { key, counts: [['claim-absolute', 1]], checked: true });

    // No cache asked for: no key is computed.
    assert.equal(queueLesson(path, 'claims.md', config, question).triggers, undefined);

    assert.match(
      (queueLesson(join(temp.path, 'missing.md'), 'missing.md', config, question).queue as { problem: string }).problem,
      /^cannot read the file: /,
    );
    temp.write('broken.md', '---\ntitle: [unclosed\n---\n# Broken\n');
    const broken = queueLesson(join(temp.path, 'broken.md'), 'broken.md', config, question).queue;
    assert.equal(broken.kind, 'front-matter-problem');
  });

  it("names the file and the reason when a file's findings cannot cross back from the worker", () => {
    const page = { pageType: Object } as unknown as Extract<LintOutcome, { kind: 'linted' }>['page'];
    const outcome = sendable<LintOutcome>({ kind: 'linted', findings: [], page, fixed: 0, notes: [] });
    assert.equal(outcome.kind, 'failed');
    assert.match(
      outcome.kind === 'failed' ? outcome.problem : '',
      /could not be passed back from the worker \(DataCloneError: .*could not be cloned/,
    );
    const fine: LintOutcome = { kind: 'failed', problem: 'cannot read the file' };
    assert.equal(sendable(fine), fine);
  });

  it('describes an error that arrives from another thread as a plain object, or as nothing at all', () => {
    assert.equal(describeError({ name: 'DataCloneError', message: 'x could not be cloned.' }), 'DataCloneError: x could not be cloned.');
    assert.equal(describeError({}), 'an error that gave no description');
  });
});
