import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { chmodSync, lstatSync, readdirSync, statSync, symlinkSync, unlinkSync } from 'node:fs';
import { join } from 'node:path';
import { cliBundle } from './helpers/cliBundle';
import { useCliFolder } from './helpers/cliFolder';
import { cliProcess } from './helpers/cliProcess';

const TODAY = '2026-11-28';
const PRIYA = 'Priya Patel <priya@example.com>';
const LESSON = '---\ntitle: Refunds\n---\n\n# Refunds\n\nImagine a caller who wants a refund. Utilize the refund form.\n';
/** Names of what a write may leave beside a lesson: a temporary file or a lock. */
const LEFTOVER = /\.(?:tmp|lock|stale)$/;

describe('cli writes: temporary file, rename and lock', () => {
  const temp = useCliFolder('course-review-safe-write-');
  const { write, read, cli } = temp;

  before(function () {
    this.timeout(60_000);
    cliBundle();
  });

  const leftovers = () => readdirSync(temp.path).filter((name) => LEFTOVER.test(name));

  describe('writers in parallel processes', () => {
    it('four approvals and a lint --fix at once on one lesson keep every record, the fix and the body, round after round', async function () {
      this.timeout(180_000);
      write('.coursereview.json', '{ "roles": { "accessibility": {} } }');
      const roles = ['sme', 'legal', 'marketing', 'accessibility'];
      for (let round = 1; round <= 6; round++) {
        write('lesson.md', LESSON);
        const runs = await Promise.all([
          ...roles.map((role) =>
            cliProcess(['review', 'approve', '--role', role, '--as', PRIYA, '--today', TODAY, 'lesson.md'], { cwd: temp.path }),
          ),
          cliProcess(['lint', '--fix', 'lesson.md', '--format', 'json'], { cwd: temp.path }),
        ]);
        for (const run of runs) assert.equal(run.code, 0, `round ${round}: ${run.stderr}`);
        const text = read('lesson.md');
        for (const role of roles)
          assert.match(text, new RegExp(`\\n {2}${role}:\\n {4}status: approved\\n`), `round ${round}: the ${role} record in\n${text}`);
        assert.ok(
          text.endsWith('# Refunds\n\nImagine a caller who wants a refund. Use the refund form.\n'),
          `round ${round}: the body, fixed, in\n${text}`,
        );
        assert.deepEqual(leftovers(), []);
      }
    });

    it('a program appending lines to the lesson meanwhile loses none of them: each approval is written or clearly refused', async function () {
      this.timeout(120_000);
      write('lesson.md', LESSON);
      write('appending', '');
      const appender = spawn(
        'sh',
        ['-c', 'i=0; while [ -e appending ]; do i=$((i+1)); echo "line $i" >> lesson.md; sleep 0.003; done; echo $i > appended'],
        { cwd: temp.path, stdio: 'ignore' },
      );
      const ended = new Promise((resolve) => appender.on('close', resolve));
      try {
        await new Promise((resolve) => setTimeout(resolve, 100));
        for (let run = 1; run <= 6; run++) {
          const result = await cliProcess(['review', 'approve', '--role', 'sme', '--as', PRIYA, '--today', TODAY, 'lesson.md'], {
            cwd: temp.path,
          });
          if (result.code === 0) assert.match(result.stdout, /^lesson\.md: SME approved by Priya Patel/);
          else
            assert.match(
              result.stderr,
              /^course-review: lesson\.md: The file changed while signing \(\d+ times in a row\), so it is left as it was: try again\.\n/,
              result.stderr,
            );
        }
      } finally {
        unlinkSync(join(temp.path, 'appending'));
        await ended;
      }
      const appended = Number(read('appended'));
      assert.ok(appended > 50, `the appender ran (${appended} lines)`);
      const lines = read('lesson.md')
        .split('\n')
        .filter((line) => line.startsWith('line '));
      const missing = Array.from({ length: appended }, (_, index) => `line ${index + 1}`).filter((line) => !lines.includes(line));
      assert.deepEqual(missing, [], `${missing.length} of ${appended} appended lines lost`);
      assert.equal(lines.length, appended, 'no line twice');
      assert.match(read('lesson.md'), /^---\ntitle: Refunds\nreview:\n {2}sme:\n {4}status: approved\n/);
      assert.deepEqual(leftovers(), []);
    });
  });

  describe('a write that fails leaves the lesson whole, and says so truly', () => {
    /** A lesson of `size` bytes that approve makes longer. */
    const lessonOf = (size: number) => {
      const head = '---\ntitle: Refunds\n---\n\n# Refunds\n\n';
      const paragraphs = Array.from({ length: 400 }, (_, index) => `Paragraph ${index + 1}: imagine a caller who wants a refund.\n`).join(
        '',
      );
      return head + paragraphs.slice(0, size - head.length - 1) + '\n';
    };

    it('a file size limit (RLIMIT_FSIZE, EFBIG) stops the temporary file, not the lesson', async function () {
      this.timeout(60_000);
      const lesson = lessonOf(2000);
      write('lesson.md', lesson);
      const result = await cliProcess(['review', 'approve', '--role', 'sme', '--as', PRIYA, '--today', TODAY, 'lesson.md'], {
        cwd: temp.path,
        fileSizeLimit: lesson.length + 10,
      });
      assert.equal(result.signal, null);
      assert.equal(read('lesson.md'), lesson, 'the lesson as it was');
      assert.deepEqual(leftovers(), []);
      assert.equal(result.code, 2, result.stderr);
      assert.equal(result.stdout, '');
      assert.equal(
        result.stderr,
        'course-review: lesson.md: Cannot write the file: the file would pass the size limit (EFBIG). It is left as it was.\n1 of 1 lesson refused and left unchanged.\n',
      );
    });

    it('lint --fix under the same limit leaves the lesson as it was, still reports its findings, and exits 2', async function () {
      this.timeout(60_000);
      const lesson = lessonOf(2000).replace('# Refunds\n', '# Refunds\n\nUtilize the refund form.\n');
      write('lesson.md', lesson);
      const fixedLength = Buffer.byteLength(lesson.replace('Utilize', 'Use'));
      const result = await cliProcess(['lint', '--fix', 'lesson.md', '--format', 'json', '--today', TODAY], {
        cwd: temp.path,
        fileSizeLimit: fixedLength - 10,
      });
      assert.equal(read('lesson.md'), lesson, 'the lesson as it was');
      assert.deepEqual(leftovers(), []);
      assert.equal(
        result.stderr,
        'course-review: lesson.md: not fixed: Cannot write the file: the file would pass the size limit (EFBIG). It is left as it was.\nFixed 0 findings.\n1 of 1 lesson could not be fixed; their findings are of the text as it stands.\n',
      );
      const findings = JSON.parse(result.stdout) as Array<{ ruleId: string }>;
      assert.ok(
        findings.some((finding) => finding.ruleId === 'simpler-words'),
        'the findings of the lesson as it is',
      );
      assert.equal(result.code, 2);
    });

    it('a full disk (ENOSPC on a full tmpfs) leaves the lesson as it was', async function () {
      this.timeout(60_000);
      if (
        spawnSync('unshare', ['-m', 'sh', '-c', `mount -t tmpfs -o size=64k tmpfs ${JSON.stringify(temp.path)}`], { stdio: 'ignore' })
          .status !== 0
      ) {
        // The EFBIG test above covers the same path without privileges; this one needs a mount namespace.
        this.skip();
      }
      // Just under two pages: approve needs a third, which the full disk does not have.
      const lesson = lessonOf(8100);
      write('lesson.md', lesson);
      const script = [
        'mkdir disk && mount -t tmpfs -o size=64k tmpfs disk && cp lesson.md disk/',
        '(dd if=/dev/zero of=disk/filler bs=4096 2>/dev/null || true)',
        `${JSON.stringify(process.execPath)} ${JSON.stringify(cliBundle())} review approve --role sme --as ${JSON.stringify(PRIYA)} --today ${TODAY} disk/lesson.md > stdout 2> stderr; echo $? > code`,
        'cp disk/lesson.md after.md; ls -A disk > listing',
      ].join(' && ');
      const shell = spawnSync('unshare', ['-m', 'sh', '-c', script], { cwd: temp.path, encoding: 'utf8', timeout: 60_000 });
      assert.equal(shell.status, 0, shell.stderr);
      assert.equal(read('after.md'), lesson, 'the lesson as it was');
      assert.deepEqual(read('listing').split('\n').filter(Boolean), ['filler', 'lesson.md']);
      assert.equal(read('code').trim(), '2', read('stderr'));
      assert.equal(
        read('stderr'),
        'course-review: disk/lesson.md: Cannot write the file: no space left on the disk (ENOSPC). It is left as it was.\n1 of 1 lesson refused and left unchanged.\n',
      );
    });
  });

  describe('what the rename keeps', () => {
    it('a symbolic link stays a link, and its target gets the record; the mode is kept', async () => {
      write('lessons/refunds.md', LESSON);
      chmodSync(join(temp.path, 'lessons/refunds.md'), 0o640);
      symlinkSync('lessons/refunds.md', join(temp.path, 'refunds.md'));
      const result = await cli('review', 'approve', '--role', 'sme', '--as', PRIYA, '--today', TODAY, 'refunds.md');
      assert.equal(result.code, 0, result.stderr);
      assert.ok(lstatSync(join(temp.path, 'refunds.md')).isSymbolicLink());
      assert.match(read('lessons/refunds.md'), /\n {4}status: approved\n/);
      assert.equal(statSync(join(temp.path, 'lessons/refunds.md')).mode & 0o777, 0o640);
      const fixed = await cli('lint', '--fix', 'refunds.md');
      assert.equal(fixed.code, 0, fixed.stderr);
      assert.ok(lstatSync(join(temp.path, 'refunds.md')).isSymbolicLink());
      assert.match(read('lessons/refunds.md'), /Use the refund form/);
      assert.equal(statSync(join(temp.path, 'lessons/refunds.md')).mode & 0o777, 0o640);
      assert.deepEqual(readdirSync(join(temp.path, 'lessons')), ['refunds.md']);
    });
  });
});
