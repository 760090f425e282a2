import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { appendFileSync, existsSync, readdirSync, statSync, unlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { lockBeside, lockPathFor } from '../../src/cli/fileLock';
import { updateFile } from '../../src/cli/safeWrite';
import { useCliFolder } from './helpers/cliFolder';

const LESSON = '---\ntitle: Refunds\n---\n\n# Refunds\n';
/** Names of what a write may leave beside a lesson: a temporary file or a lock. */
const LEFTOVER = /\.(?:tmp|lock|stale)$/;

describe('cli safe write: updateFile and its lock', () => {
  const temp = useCliFolder('course-review-file-lock-');
  const { write, read } = temp;
  const leftovers = () => readdirSync(temp.path).filter((name) => LEFTOVER.test(name));

  describe('updateFile', () => {
    const path = () => join(temp.path, 'lesson.md');

    it('reads again and applies its change on top when another program wrote between the read and the rename', () => {
      write('lesson.md', 'one\n');
      let calls = 0;
      const result = updateFile(
        path(),
        (bytes) => {
          if (calls++ === 0) appendFileSync(path(), 'two\n');
          return { text: `${bytes.toString('utf8')}mine\n`, value: calls };
        },
        'signing',
      );
      assert.deepEqual(result, { kind: 'written', value: 2, notes: [] });
      assert.equal(read('lesson.md'), 'one\ntwo\nmine\n');
    });

    it("refuses, leaving the other program's writes and nothing of its own, when the file keeps changing", () => {
      write('lesson.md', 'one\n');
      let calls = 0;
      const result = updateFile(
        path(),
        (bytes) => {
          appendFileSync(path(), `other ${++calls}\n`);
          return { text: `${bytes.toString('utf8')}mine\n`, value: undefined };
        },
        'signing',
      );
      assert.deepEqual(result, {
        kind: 'refused',
        message: 'The file changed while signing (10 times in a row), so it is left as it was: try again.',
      });
      assert.equal(read('lesson.md'), `one\n${Array.from({ length: calls }, (_, index) => `other ${index + 1}\n`).join('')}`);
      assert.deepEqual(leftovers(), []);
    });

    it('leaves the file as it was, and no lock file behind, when the text is unchanged', () => {
      write('lesson.md', 'one\n');
      const before = statSync(path());
      assert.deepEqual(
        updateFile(path(), (bytes) => ({ text: bytes.toString('utf8'), value: 1 }), 'fixing'),
        { kind: 'kept', value: 1 },
      );
      assert.equal(statSync(path()).ino, before.ino);
      assert.deepEqual(leftovers(), []);
    });
  });

  describe('the lock file', () => {
    const lesson = () => join(temp.path, 'lesson.md');
    const holder = (pid: number) => JSON.stringify({ pid, host: hostname(), since: new Date().toISOString(), token: `test-${pid}` });

    it('is created beside the lesson while held, and gone after', () => {
      write('lesson.md', LESSON);
      const locked = lockBeside(lesson());
      assert.equal(locked.kind, 'locked');
      assert.ok(existsSync(lockPathFor(lesson())));
      assert.equal(lockPathFor(lesson()), join(temp.path, '.lesson.md.course-review.lock'));
      if (locked.kind === 'locked') locked.lock.release();
      assert.deepEqual(leftovers(), []);
    });

    it('held by a running process: waits, then refuses, naming the lock file to delete if no course-review runs', () => {
      write('lesson.md', LESSON);
      writeFileSync(lockPathFor(lesson()), holder(process.pid));
      const locked = lockBeside(lesson(), 200);
      assert.equal(locked.kind, 'refused');
      assert.match(
        locked.kind === 'refused' ? locked.message : '',
        /^Another course-review is writing this file \(process \d+ on .+, since .+\), so nothing was written: try again\. If no course-review is running, delete \.lesson\.md\.course-review\.lock\.$/,
      );
      assert.ok(existsSync(lockPathFor(lesson())), 'a live lock is left alone');
    });

    it('left by a process that is gone is broken', () => {
      write('lesson.md', LESSON);
      const gone = spawnSync(process.execPath, ['-e', 'console.log(process.pid)'], { encoding: 'utf8' });
      writeFileSync(lockPathFor(lesson()), holder(Number(gone.stdout)));
      const locked = lockBeside(lesson(), 200);
      assert.equal(locked.kind, 'locked');
      if (locked.kind === 'locked') locked.lock.release();
      assert.deepEqual(leftovers(), []);
    });

    it('older than a minute is broken, even empty (a full disk) or from another host', () => {
      write('lesson.md', LESSON);
      for (const content of ['', JSON.stringify({ pid: 1, host: 'elsewhere', since: '2026-01-01T00:00:00Z', token: 'elsewhere' })]) {
        writeFileSync(lockPathFor(lesson()), content);
        const old = new Date(Date.now() - 120_000);
        utimesSync(lockPathFor(lesson()), old, old);
        const locked = lockBeside(lesson(), 200);
        assert.equal(locked.kind, 'locked', content);
        if (locked.kind === 'locked') locked.lock.release();
      }
      assert.deepEqual(leftovers(), []);
    });

    it('taken over by another writer (after judging it stale) stops the write', () => {
      write('lesson.md', 'one\n');
      const result = updateFile(
        path(),
        (bytes) => {
          unlinkSync(lockPathFor(path()));
          writeFileSync(lockPathFor(path()), holder(process.pid));
          return { text: `${bytes.toString('utf8')}mine\n`, value: undefined };
        },
        'signing',
      );
      assert.deepEqual(result, {
        kind: 'refused',
        message: "Another course-review took this file's lock while signing, so it is left as it was: try again.",
      });
      assert.equal(read('lesson.md'), 'one\n');
      assert.ok(existsSync(lockPathFor(path())), "the other writer's lock is not removed");
      unlinkSync(lockPathFor(path()));
      assert.deepEqual(leftovers(), []);

      function path() {
        return join(temp.path, 'lesson.md');
      }
    });
  });
});
