import assert from 'node:assert/strict';
import { todayFrom } from '../../src/cli/common';
import { addDays, addDaysWithinRange, isIsoDate, localIsoDate } from '../../src/core/review/dates';
import { useCliFolder } from './helpers/cliFolder';

const LESSON = '---\ntitle: Refunds\n---\n\n# Refunds\n';
const ISO = /^\d{4}-\d{2}-\d{2}$/;

describe('cli dates stay YYYY-MM-DD', () => {
  const { write, read, cli } = useCliFolder('course-review-cli-dates-');

  describe('review request near 9999-12-31', () => {
    it("refuses a default due date past 9999-12-31, names the role's dueInDays, and leaves the lesson as it was", async () => {
      write('refunds.md', LESSON);
      const result = await cli('review', 'request', '--role', 'sme', '--today', '9999-12-31', 'refunds.md');
      assert.equal(read('refunds.md'), LESSON);
      assert.equal(result.code, 2);
      assert.equal(result.stdout, '');
      assert.equal(
        result.stderr,
        "course-review: refunds.md: Unexpected due date 7 days after 9999-12-31 (the SME role's dueInDays), expected one on or before 9999-12-31: pass --due YYYY-MM-DD.\n1 of 1 lesson refused and left unchanged.\n",
      );
    });

    it('writes a due date that is still a date, and what the linter then accepts', async () => {
      write('refunds.md', LESSON);
      const last = await cli('review', 'request', '--role', 'sme', '--today', '9999-12-24', 'refunds.md');
      assert.equal(last.code, 0, last.stderr);
      assert.equal(last.stdout, 'refunds.md: SME review requested, due 9999-12-31\n');
      const explicit = await cli('review', 'request', '--role', 'legal', '--today', '9999-12-31', '--due', '9999-12-31', 'refunds.md');
      assert.equal(explicit.code, 0, explicit.stderr);
      assert.deepEqual(
        [...read('refunds.md').matchAll(/ due: (.+)/g)].map((match) => match[1]),
        ['9999-12-31', '9999-12-31'],
      );
      const lint = await cli('lint', 'refunds.md', '--format', 'json', '--today', '9999-12-31');
      const schema = (JSON.parse(lint.stdout) as Array<{ ruleId: string }>).filter((finding) => finding.ruleId === 'front-matter-schema');
      assert.deepEqual(schema, []);
    });

    it('--due and --today past 9999 are usage errors', async () => {
      write('refunds.md', LESSON);
      for (const argv of [
        ['--due', '+010000-01-01', '--today', '9999-12-31'],
        ['--today', '10000-01-01'],
      ]) {
        const result = await cli('review', 'request', '--role', 'sme', ...argv, 'refunds.md');
        assert.equal(result.code, 2, result.stderr);
        assert.match(result.stderr, /expected a date as YYYY-MM-DD/);
        assert.equal(read('refunds.md'), LESSON);
      }
    });
  });

  describe('date arithmetic', () => {
    it('never returns a date that is not YYYY-MM-DD: it says why instead', () => {
      assert.equal(addDays('9999-12-24', 7), '9999-12-31');
      assert.equal(addDays('0000-01-02', -1), '0000-01-01');
      assert.throws(() => addDays('9999-12-31', 1), {
        name: 'RangeError',
        message: 'Unexpected date 1 day after 9999-12-31, expected one on or before 9999-12-31: later dates have no YYYY-MM-DD form.',
      });
      assert.deepEqual(addDaysWithinRange('0000-01-01', -1), {
        error: 'Unexpected date 1 day before 0000-01-01, expected one on or after 0000-01-01: earlier dates have no YYYY-MM-DD form.',
      });
      assert.deepEqual(addDaysWithinRange('2026-11-28', 7), { date: '2026-12-05' });
      assert.ok('error' in addDaysWithinRange('2026-02-30', 1));
      for (const [from, days] of [
        ['9999-12-31', 365],
        ['5000-06-15', 10_000_000],
        ['0001-01-01', -1000],
      ] as const) {
        const result = addDaysWithinRange(from, days);
        assert.ok('error' in result || ISO.test(result.date), JSON.stringify(result));
      }
    });

    it('reads the years 0000 to 0099 as themselves (Date.UTC would read 1900 to 1999)', () => {
      for (const date of ['0000-01-01', '0099-12-31', '0004-02-29', '2024-02-29', '9999-12-31']) assert.ok(isIsoDate(date), date);
      for (const date of ['0001-02-29', '2023-02-29', '10000-01-01', '+010000-01-01', '2026-13-01', '999-01-01'])
        assert.ok(!isIsoDate(date), date);
    });

    it('the local date from the clock has four digits, or --today is asked for', () => {
      assert.equal(localIsoDate(new Date(2026, 10, 28, 23, 59)), '2026-11-28');
      const early = new Date(2026, 0, 5);
      early.setFullYear(812);
      assert.equal(localIsoDate(early), '0812-01-05');
      assert.deepEqual(todayFrom(undefined, early), { today: '0812-01-05' });
      const late = new Date(2026, 0, 5);
      late.setFullYear(10_000);
      assert.equal(localIsoDate(late), undefined);
      const today = todayFrom(undefined, late);
      assert.ok('error' in today && /expected a year from 0000 to 9999: pass --today YYYY-MM-DD/.test(today.error), JSON.stringify(today));
      assert.deepEqual(todayFrom('9999-12-31'), { today: '9999-12-31' });
    });
  });
});
