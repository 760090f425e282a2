import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'esbuild';
import { lintText, resolveConfig } from '../../src/core';
import { LintClient, type Outcome } from '../../src/extension/lint/client';

const config = resolveConfig(undefined, undefined, '/');
const LESSON = '---\ntitle: Logging a call\n---\n\n# Logging a call\n\nYou can utilize the CRM to log calls. TODO add the steps.\n';
/** Ordinary prose, but a lot of it: a check of this takes far longer than the budgets below. */
const LONG_LESSON = `# A long lesson\n\n${'Open the ticket in the CRM and write down what the caller asked for, in their words. '.repeat(9000)}\n`;

describe('the lint worker client', function () {
  this.timeout(60000);
  let folder: string;
  let script: string;
  const clients: LintClient[] = [];
  /** A client whose budget is read from `budget.ms` at each request, as the extension reads its setting. */
  const client = (options: { budget?: { ms: number }; memoryMb?: number } = {}) => {
    const budget = options.budget ?? { ms: 30000 };
    const made = new LintClient({ script, budgetMs: () => budget.ms, memoryMb: options.memoryMb ?? 512 });
    clients.push(made);
    return made;
  };
  const report = (outcome: Outcome) => {
    assert.equal(outcome.kind, 'answered', JSON.stringify(outcome));
    const response = (outcome as Extract<Outcome, { kind: 'answered' }>).response;
    assert.ok(response.method === 'lint' || response.method === 'lintOnce', response.method);
    return response.report;
  };

  before(async () => {
    folder = mkdtempSync(join(tmpdir(), 'course-review-worker-'));
    script = join(folder, 'lintWorker.js');
    await build({
      entryPoints: ['src/extension/lint/workerMain.ts'],
      outfile: script,
      bundle: true,
      platform: 'node',
      format: 'cjs',
      mainFields: ['module', 'main'],
      logLevel: 'warning',
    });
  });
  after(() => {
    clients.forEach((made) => made.dispose());
    rmSync(folder, { recursive: true, force: true });
  });

  it('answers with the same findings as the core, and the comments that would silence each', async () => {
    const { findings, grade } = report(await client().request({ method: 'lint', key: 'a.md', text: LESSON, today: '2026-12-03' }, config));
    const expected = lintText(LESSON, config, { today: '2026-12-03' }).findings;
    assert.deepEqual(
      findings.map(({ disableLine: _line, disableFile: _file, ...finding }) => finding),
      expected,
    );
    const placeholder = findings.find((finding) => finding.ruleId === 'placeholder-text');
    assert.deepEqual(placeholder?.disableLine, {
      start: LESSON.indexOf('You can'),
      text: '<!-- course-review-disable-next-line placeholder-text -->\n',
    });
    assert.deepEqual(placeholder?.disableFile, {
      start: LESSON.indexOf('---\n', 3) + 4,
      text: '<!-- course-review-disable-file placeholder-text -->\n',
    });
    assert.equal(typeof grade, 'number');
  });

  it("never holds the caller's thread: the event loop runs while the worker checks", async () => {
    const made = client();
    let settled = false;
    const pending = made.request({ method: 'lintOnce', text: LONG_LESSON, today: '2026-12-03' }, config).then((outcome) => {
      settled = true;
      return outcome;
    });
    await new Promise((resolve) => setImmediate(resolve));
    await new Promise((resolve) => setTimeout(resolve, 10));
    assert.equal(settled, false, 'the check is still running on the worker while timers fire here');
    report(await pending);
  });

  it('stops a check over its time budget, says so, and answers the next request from a fresh worker', async () => {
    const budget = { ms: 50 };
    const made = client({ budget });
    assert.deepEqual(await made.request({ method: 'lintOnce', text: LONG_LESSON, today: '2026-12-03' }, config), {
      kind: 'over-budget',
      budgetMs: 50,
    });
    budget.ms = 30000;
    const next = await made.request({ method: 'lint', key: 'b.md', text: '# Hi\n\nTODO\n', today: '2026-12-03' }, config);
    assert.ok(report(next).findings.some((finding) => finding.ruleId === 'placeholder-text'));
  });

  it("stops a check that runs out of the worker's memory, and goes on", async () => {
    const made = client({ memoryMb: 4 });
    const outcome = await made.request({ method: 'lintOnce', text: LONG_LESSON, today: '2026-12-03' }, config);
    assert.deepEqual(outcome, { kind: 'out-of-memory', limitMb: 4 });
  });

  it('serves the author first: a waiting check of an open lesson goes ahead of background work, and a newer text of the same lesson replaces the waiting one', async () => {
    const made = client();
    const order: string[] = [];
    const track = (name: string, promise: Promise<Outcome>) => promise.then((outcome) => order.push(`${name}:${outcome.kind}`));
    const busy = track('busy', made.request({ method: 'lintOnce', text: LONG_LESSON, today: '2026-12-03' }, config, 'background'));
    const background = track('background', made.request({ method: 'triggers', text: LESSON }, config, 'background'));
    const older = track('older', made.request({ method: 'lint', key: 'c.md', text: LESSON, today: '2026-12-03' }, config));
    const newer = track('newer', made.request({ method: 'lint', key: 'c.md', text: `${LESSON}\nMore.\n`, today: '2026-12-03' }, config));
    assert.equal(made.isBusyWith('c.md'), true);
    await Promise.all([busy, background, older, newer]);
    assert.deepEqual(order, ['older:superseded', 'busy:answered', 'newer:answered', 'background:answered']);
  });

  it('sends a configuration once per worker, and again to a fresh one', async () => {
    const budget = { ms: 30000 };
    const made = client({ budget });
    const other = resolveConfig({ rules: { 'placeholder-text': 'off' } }, undefined, '/');
    const first = report(await made.request({ method: 'lint', key: 'd.md', text: LESSON, today: '2026-12-03' }, other));
    assert.ok(!first.findings.some((finding) => finding.ruleId === 'placeholder-text'));
    budget.ms = 50;
    assert.equal((await made.request({ method: 'lintOnce', text: LONG_LESSON, today: '2026-12-03' }, other)).kind, 'over-budget');
    budget.ms = 30000;
    const again = report(await made.request({ method: 'lint', key: 'd.md', text: LESSON, today: '2026-12-03' }, other));
    assert.deepEqual(
      again.findings.map((finding) => finding.ruleId),
      first.findings.map((finding) => finding.ruleId),
    );
  });
});
