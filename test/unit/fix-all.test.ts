import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { fixAll, fixSummary, lintText, nonOverlapping, resolveConfig } from '../../src/core';
import { run } from '../../src/cli/run';

const config = resolveConfig(undefined, undefined, '/');
const LESSON = '# Logging a call\n\nYou can utilize the CRM in order to log calls.\n\nPrior to the call, open the ticket.\n';

describe('fix all', () => {
  it('applies every safe fix and leaves suggestions alone', () => {
    const { text, fixed, changes } = fixAll(LESSON, config);
    assert.equal(text, '# Logging a call\n\nYou can use the CRM to log calls.\n\nBefore the call, open the ticket.\n');
    assert.equal(fixed, 3);
    assert.deepEqual(changes, [
      { before: 'utilize', after: 'use' },
      { before: 'in order to', after: 'to' },
      { before: 'Prior to', after: 'Before' },
    ]);
    assert.equal(fixSummary(changes), '3 fixes: utilize → use, in order to → to, Prior to → Before');
    assert.deepEqual(
      lintText(text, config).findings.filter((finding) => finding.fix),
      [],
    );
  });

  it('is idempotent, and never changes a lesson with nothing to fix (property)', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 200 }), fc.constantFrom('', 'utilize ', 'in order to ', 'Utilize '), (noise, phrase) => {
        const once = fixAll(`${phrase}${noise}`, config).text;
        assert.equal(fixAll(once, config).text, once);
      }),
      { numRuns: 200 },
    );
    const clean = '# A clean lesson\n\nNothing here needs a fix.\n';
    assert.deepEqual(fixAll(clean, config), { text: clean, fixed: 0, changes: [] });
  });

  it('sums up what it changed: repeats counted once, removals named, a long list cut short', () => {
    assert.equal(fixSummary([]), 'nothing to fix');
    assert.equal(fixSummary([{ before: 'utilize', after: 'use' }]), '1 fix: utilize → use');
    assert.equal(
      fixSummary([
        { before: 'utilize', after: 'use' },
        { before: 'just ', after: '' },
        { before: 'utilize', after: 'use' },
      ]),
      '3 fixes: utilize → use (×2), removed "just "',
    );
    const many = ['a', 'b', 'c', 'd', 'e', 'f', 'g'].map((word) => ({ before: word, after: word.toUpperCase() }));
    assert.equal(fixSummary(many), '7 fixes: a → A, b → B, c → C, d → D, e → E, and 2 more');
  });

  it('keeps the first of two overlapping fixes for the next pass', () => {
    const a = [{ start: 0, end: 5, text: 'x' }];
    const b = [{ start: 3, end: 8, text: 'y' }];
    const c = [{ start: 8, end: 9, text: 'z' }];
    assert.deepEqual(nonOverlapping([b, c, a]), [a, c]);
  });

  it('course-review lint --fix rewrites the file, keeping its BOM and CRLF line endings', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'course-review-fix-'));
    const file = join(folder, 'lesson.md');
    writeFileSync(file, `\uFEFF${LESSON.replace(/\n/g, '\r\n')}`);
    const out: string[] = [];
    const err: string[] = [];
    const code = await run(['lint', '--fix', '--format', 'json', 'lesson.md'], {
      cwd: folder,
      stdout: (text) => out.push(text),
      stderr: (text) => err.push(text),
    });
    assert.equal(code, 0);
    assert.equal(
      readFileSync(file, 'utf8'),
      '\uFEFF# Logging a call\r\n\r\nYou can use the CRM to log calls.\r\n\r\nBefore the call, open the ticket.\r\n',
    );
    assert.match(err.join(''), /Fixed 3 findings/);
    assert.equal((JSON.parse(out.join('')) as Array<{ ruleId: string }>).filter((finding) => finding.ruleId === 'simpler-words').length, 0);
  });
});
