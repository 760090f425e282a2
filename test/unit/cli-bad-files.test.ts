import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { chmodSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { lintInWorkers, MAX_FILES_ON_ONE_THREAD } from '../../src/cli/parallel';
import { cliBundle } from './helpers/cliBundle';
import { useCliFolder } from './helpers/cliFolder';
import { cliProcess } from './helpers/cliProcess';

const TODAY = '2026-11-28';
const LESSON = (title: string) => `---\ntitle: ${title}\n---\n\n# ${title}\n\nCustomers can ask for a refund within TODO days.\n`;
/** Front matter whose alias refers to itself: YAML allows it, and a naive deep walk of the data never ends. */
const SELF_ALIAS =
  '---\ntitle: Loops\nreview:\n  sme:\n    status: approved\n    reviewer: Priya Patel\n  legal: &record\n    status: requested\n    self: *record\n---\n\n# Loops\n';
const ESCAPES = '\u001b]0;pwned\u0007\u001b[2J';
const ESCAPED = '\\u001b]0;pwned\\u0007\\u001b[2J';

interface JsonFinding {
  file: string;
  ruleId: string;
  message: string;
}

describe('cli: one bad file never takes down a run', () => {
  const temp = useCliFolder('course-review-bad-files-');
  const { write, read, cli } = temp;

  before(function () {
    this.timeout(60_000);
    cliBundle();
  });

  /** Lessons a.md … plus one that the CLI, run as an ordinary user, cannot read. */
  function lessonsWithUnreadable(count: number, unreadable: string): string[] {
    chmodSync(temp.path, 0o755);
    const names = Array.from({ length: count }, (_, index) => `lesson-${String(index).padStart(3, '0')}.md`);
    for (const name of names) write(name, LESSON(name));
    chmodSync(join(temp.path, unreadable), 0o000);
    return names;
  }

  describe('a lesson that cannot be read (chmod 000, the CLI not running as root)', () => {
    for (const count of [3, MAX_FILES_ON_ONE_THREAD + 10]) {
      it(`lint . reports it on stderr and every other lesson's findings, exit 2 (${count} lessons, ${count > MAX_FILES_ON_ONE_THREAD ? 'worker threads' : 'one thread'})`, async function () {
        this.timeout(120_000);
        const names = lessonsWithUnreadable(count, 'lesson-001.md');
        const result = await cliProcess(['lint', '.', '--format', 'json', '--today', TODAY], { cwd: temp.path, unprivileged: true });
        assert.equal(
          result.stderr,
          `course-review: lesson-001.md: cannot read the file: permission denied (EACCES).\n1 of ${count} lessons could not be checked; the others are reported.\n`,
        );
        const findings = JSON.parse(result.stdout) as JsonFinding[];
        const files = [...new Set(findings.map((finding) => finding.file))];
        assert.deepEqual(
          files,
          names.filter((name) => name !== 'lesson-001.md'),
        );
        for (const file of files)
          assert.ok(
            findings.some((finding) => finding.file === file && finding.ruleId === 'placeholder-text'),
            file,
          );
        assert.equal(result.code, 2);
      });
    }

    it('lint in text format says it in a line of its own, and counts only the lessons checked', async function () {
      this.timeout(60_000);
      lessonsWithUnreadable(3, 'lesson-002.md');
      const result = await cliProcess(['lint', '.', '--today', TODAY], { cwd: temp.path, unprivileged: true });
      assert.match(result.stdout, /in 2 lessons\.\n$/);
      assert.match(result.stderr, /^course-review: lesson-002\.md: cannot read the file: permission denied \(EACCES\)\.\n/);
      assert.equal(result.code, 2);
    });

    it('queue . reports it on stderr and lists every other lesson, exit 2', async function () {
      this.timeout(60_000);
      const names = lessonsWithUnreadable(3, 'lesson-001.md');
      const result = await cliProcess(['queue', '.', '--format', 'json', '--today', TODAY], { cwd: temp.path, unprivileged: true });
      assert.equal(
        result.stderr,
        'course-review: lesson-001.md: cannot read the file: permission denied (EACCES).\n1 of 3 lessons could not be read or listed; the others are listed above.\n',
      );
      assert.deepEqual(
        (JSON.parse(result.stdout) as Array<{ file: string }>).map((item) => item.file),
        names.filter((name) => name !== 'lesson-001.md'),
      );
      assert.equal(result.code, 2);
    });
  });

  describe('a lesson whose front matter refers to itself (it once made the tools throw)', () => {
    it('queue reports it and lists the others', async () => {
      write('a.md', LESSON('A'));
      write('loops.md', SELF_ALIAS);
      write('z.md', LESSON('Z'));
      const result = await cli('queue', '--format', 'json', '--today', TODAY);
      assert.equal(
        result.stderr,
        'course-review: loops.md: The front matter does not parse: alias *record refers to a node that contains it, so its value would contain itself\n',
      );
      assert.deepEqual(
        (JSON.parse(result.stdout) as Array<{ file: string }>).map((item) => item.file),
        ['a.md', 'z.md'],
      );
      assert.equal(result.code, 0, "broken front matter is the lesson's problem, not the run's");
    });

    it('review withdraw tries every FILE, refusing only that one, at the alias', async () => {
      const withRecord = (title: string) => LESSON(title).replace('---\n\n', 'review:\n  sme:\n    status: requested\n---\n\n');
      write('a.md', withRecord('A'));
      write('loops.md', SELF_ALIAS);
      write('z.md', withRecord('Z'));
      const result = await cli('review', 'withdraw', '--role', 'sme', '--today', TODAY, 'a.md', 'loops.md', 'z.md');
      assert.equal(result.stdout, 'a.md: SME review withdrawn\nz.md: SME review withdrawn\n');
      assert.equal(
        result.stderr,
        'course-review: loops.md:9:11: The front matter does not parse (alias *record refers to a node that contains it, so its value would contain itself): fix it before signing, so that nothing is lost.\n1 of 3 lessons refused and left unchanged.\n',
      );
      assert.equal(read('loops.md'), SELF_ALIAS);
      assert.equal(read('a.md'), LESSON('A'));
      assert.equal(read('z.md'), LESSON('Z'));
      assert.equal(result.code, 2);
    });
  });

  describe('a lint worker that dies', () => {
    /** A stand-in worker that answers like the real one, and exits on any batch with a file named "dies". */
    const fragileWorker = () =>
      new Worker(
        `const { parentPort } = require('node:worker_threads');
         parentPort.on('message', (paths) => {
           if (paths.some((job) => job.path.includes('dies'))) process.exit(7);
           parentPort.postMessage(paths.map((job) => ({ kind: 'linted', findings: [], fixed: 0, notes: [job.path] })));
         });`,
        { eval: true },
      );

    it('takes no other file with it: its batch is tried again file by file, and only the file that kills it fails', async function () {
      this.timeout(60_000);
      const paths = Array.from({ length: 30 }, (_, index) => (index === 11 ? 'dies.md' : `lesson-${index}.md`));
      const outcomes = await lintInWorkers(
        paths.map((path) => ({ path, hints: undefined })),
        { cwd: temp.path, configPath: undefined, today: TODAY, fix: false },
        fragileWorker,
      );
      assert.equal(outcomes.length, paths.length);
      paths.forEach((path, index) => {
        if (path === 'dies.md')
          assert.deepEqual(outcomes[index], {
            kind: 'failed',
            problem: 'the lint worker stopped while checking this file (exit code 7). Please report this with the lesson attached.',
          });
        else assert.deepEqual(outcomes[index], { kind: 'linted', findings: [], fixed: 0, notes: [path] }, path);
      });
    });
  });

  describe('control characters from lessons are escaped in text, kept in data', () => {
    /* eslint-disable no-control-regex -- these tests are about control characters */
    const HOSTILE = `---\ntitle: "Refunds ${ESCAPES.replace(/\u001b/g, '\\e').replace(/\u0007/g, '\\a')}"\nreview:\n  sme:\n    status: "approved\\e[2J"\n  legal:\n    status: requested\n    reviewer: "${ESCAPES.replace(/\u001b/g, '\\e').replace(/\u0007/g, '\\a')}"\n    due: 2026-12-01\n---\n\n# Refunds\n`;
    const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/;

    it('lint: a message quoting lesson text, in text format; JSON keeps the data', async () => {
      write('refunds.md', HOSTILE);
      const text = await cli('lint', 'refunds.md', '--today', TODAY);
      assert.doesNotMatch(text.stdout, CONTROL);
      assert.match(text.stdout, /Unexpected status `approved\\u001b\[2J`/);
      const json = await cli('lint', 'refunds.md', '--format', 'json', '--today', TODAY);
      assert.ok((JSON.parse(json.stdout) as JsonFinding[]).some((finding) => finding.message.includes('approved\u001b[2J')));
    });

    it('lint: a file name with control characters, in text format and on stderr', async () => {
      writeFileSync(join(temp.path, `evil${ESCAPES}.md`), LESSON('Evil'));
      const text = await cli('lint', '.', '--today', TODAY);
      assert.doesNotMatch(text.stdout + text.stderr, CONTROL);
      assert.ok(text.stdout.startsWith(`evil${ESCAPED}.md\n`), text.stdout);
    });

    for (const format of ['table', 'md']) {
      it(`queue --format ${format}: a reviewer named with escape sequences`, async () => {
        write('refunds.md', HOSTILE);
        const result = await cli('queue', '--format', format, '--today', TODAY);
        assert.equal(result.code, 0, result.stderr);
        assert.doesNotMatch(result.stdout, CONTROL);
        assert.ok(result.stdout.includes(format === 'md' ? ESCAPED.replace(/\\/g, '\\\\') : ESCAPED), result.stdout);
      });
    }

    it('queue --format json and csv keep the reviewer as data', async () => {
      write('refunds.md', HOSTILE);
      const json = await cli('queue', '--format', 'json', '--today', TODAY);
      assert.ok((JSON.parse(json.stdout) as Array<{ reviewer: string | null }>).some((item) => item.reviewer === ESCAPES));
      const csv = await cli('queue', '--format', 'csv', '--today', TODAY);
      assert.ok(csv.stdout.includes(ESCAPES));
    });

    it('review: a refusal quoting the reviewer on record, on stderr', async () => {
      write('refunds.md', HOSTILE);
      const result = await cli('review', 'approve', '--role', 'legal', '--as', 'Sam Lee', '--today', TODAY, 'refunds.md');
      assert.equal(result.code, 2);
      assert.doesNotMatch(result.stderr, CONTROL);
      assert.ok(result.stderr.includes(`This Legal review is assigned to ${ESCAPED}, not Sam Lee`), result.stderr);
    });

    it('queue: a lesson named with escape sequences and a front matter problem, on stderr', async () => {
      writeFileSync(join(temp.path, `evil${ESCAPES}.md`), '---\ntitle: Refunds: the basics\n---\n');
      const result = await cli('queue', '--today', TODAY);
      assert.ok(result.stderr.startsWith(`course-review: evil${ESCAPED}.md: The front matter does not parse`), result.stderr);
      assert.doesNotMatch(result.stderr, CONTROL);
    });
  });
});

describe('cli: a reader that stops early', function () {
  this.timeout(60_000);
  const folder = useCliFolder('course-review-pipe-');

  it('ends quietly when the pipe it writes to is closed, as cat does', () => {
    // More findings than a pipe holds (64 KB), so that writes go on after the reader has gone.
    const links = Array.from({ length: 40 }, (_, link) => `[Click here](https://example.com/${link}) for part ${link}.`).join('\n\n');
    for (let index = 0; index < 20; index++) folder.write(`lessons/${index}.md`, `# Lesson ${index}\n\n${links}\n`);
    const command = `"${process.execPath}" "${cliBundle()}" lint lessons --format json | head -c 200 > /dev/null; echo "exit \${PIPESTATUS[0]}" >&2`;
    const result = spawnSync('bash', ['-c', command], { cwd: folder.path, encoding: 'utf8' });
    assert.doesNotMatch(result.stderr, /EPIPE|Error|at /, result.stderr);
    assert.match(result.stderr, /^exit [01]\n$/);
  });
});
