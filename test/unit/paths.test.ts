import assert from 'node:assert/strict';
import { posix, win32 } from 'node:path';
import fc from 'fast-check';
import { basename, dirname, isInside, joinPath, relativeInside } from '../../src/core/text/paths';

describe('core paths (no node:path)', () => {
  it('dirname and basename agree with Node on POSIX paths', () => {
    const segment = fc.stringMatching(/^[a-z0-9 ._-]{1,8}$/).filter((name) => name !== '.' && name !== '..');
    fc.assert(
      fc.property(fc.array(segment, { minLength: 1, maxLength: 5 }), fc.boolean(), (segments, trailing) => {
        const path = `/${segments.join('/')}${trailing ? '/' : ''}`;
        assert.equal(dirname(path), posix.dirname(path));
        assert.equal(basename(path), posix.basename(path));
      }),
    );
  });

  it('dirname and basename agree with Node on Windows paths', () => {
    for (const path of ['C:\\course\\lesson.md', 'C:\\course', 'C:\\', 'D:\\a\\b\\', 'C:/course/lesson.md']) {
      assert.equal(dirname(path), win32.dirname(path), path);
      assert.equal(basename(path), win32.basename(path), path);
    }
  });

  it('a root is its own folder, so a walk up the tree ends', () => {
    assert.equal(dirname('/'), '/');
    assert.equal(dirname('/lesson.md'), '/');
    assert.equal(dirname('C:\\'), 'C:\\');
  });

  it('joinPath keeps the folder’s separator', () => {
    assert.equal(joinPath('/ws/course', '.coursereview.json'), '/ws/course/.coursereview.json');
    assert.equal(joinPath('/', '.coursereview.json'), '/.coursereview.json');
    assert.equal(joinPath('C:\\ws', '.coursereview.json'), 'C:\\ws\\.coursereview.json');
    assert.equal(joinPath('C:\\', '.coursereview.json'), 'C:\\.coursereview.json');
  });

  it('isInside: the root itself and what lies below it, not a sibling that shares a prefix', () => {
    assert.ok(isInside('/ws', '/ws'));
    assert.ok(isInside('/ws', '/ws/course'));
    assert.ok(isInside('/ws/', '/ws/course'));
    assert.ok(isInside('/', '/ws'));
    assert.ok(!isInside('/ws', '/ws2/course'));
    assert.ok(!isInside('/ws/course', '/ws'));
    assert.ok(isInside('C:\\Work\\Course', 'c:\\work\\course\\module'));
    assert.ok(!isInside('C:\\Work\\Course', 'C:\\Work\\Courses'));
  });
});

describe('relativeInside', () => {
  it('gives the path below the root with / separators, or undefined outside it', () => {
    assert.equal(relativeInside('/ws', '/ws/course/lesson.md'), 'course/lesson.md');
    assert.equal(relativeInside('/ws/', '/ws/lesson.md'), 'lesson.md');
    assert.equal(relativeInside('/', '/lesson.md'), 'lesson.md');
    assert.equal(relativeInside('/ws', '/ws'), '');
    assert.equal(relativeInside('C:\\ws', 'C:\\ws\\course\\lesson.md'), 'course/lesson.md');
    assert.equal(relativeInside('/ws', '/ws2/lesson.md'), undefined);
  });
});
