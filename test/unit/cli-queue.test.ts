import assert from 'node:assert/strict';
import { join } from 'node:path';
import { useCliFolder } from './helpers/cliFolder';

const TODAY = '2026-11-28';
const PRIYA = 'Priya Patel <priya@example.com>';
const LEGAL = 'Lee Gall <legal@example.com>';

const OVERDUE = `---
title: 'Refunds, "the basics"'
review:
  sme:
    status: requested
    reviewer: Priya Patel
    requested: 2026-11-01
    due: 2026-11-09
---

# Refunds

Imagine a caller who wants a refund.
`;
const POLICY = `---
title: Refund policy
review:
  sme:
    status: changes-requested
    reviewer: Priya Patel
    signed: 2026-11-26
    note: Use policy v4
  legal:
    status: requested
    reviewer: legal@example.com
    requested: 2026-11-25
    due: 2026-12-01
---

# Refund policy
`;
const CLAIMS = '---\ntitle: Faster refunds\n---\n\n# Faster refunds\n\nThe new process is 40% faster than the old one.\n';
const SIGNED = '---\ntitle: Speed\n---\n\n# Speed\n\nThe new process is 40% faster than the old one.\n';
const DONE = '\uFEFF---\r\ntitle: Greeting callers\r\n---\r\n\r\n# Greeting callers\r\n\r\nSay your name first.\r\n';
const BROKEN = '---\ntitle: Refunds: the basics\n---\n\n# Refunds\n';

interface Row {
  file: string;
  title: string | null;
  role: string;
  status: string;
  waitingOn: string;
  reviewer: string | null;
  requested: string | null;
  due: string | null;
  overdue: boolean;
  stale: boolean;
  daysWaiting: number | null;
}

const waits = (status: string, reviewer: string | null | undefined) =>
  status === 'changes-requested' ? 'author' : status === 'missing' ? 'request' : reviewer ? 'reviewer' : 'unassigned';

const row = (file: string, title: string | null, role: string, status: string, fields: Partial<Row> = {}): Row => ({
  file,
  title,
  role,
  status,
  waitingOn: waits(status, fields.reviewer),
  reviewer: null,
  requested: null,
  due: null,
  overdue: false,
  stale: false,
  daysWaiting: null,
  ...fields,
});

const EXPECTED: Row[] = [
  row('lessons/overdue.md', 'Refunds, "the basics"', 'sme', 'requested', {
    reviewer: 'Priya Patel',
    requested: '2026-11-01',
    due: '2026-11-09',
    overdue: true,
    daysWaiting: 27,
  }),
  row('lessons/policy.md', 'Refund policy', 'legal', 'requested', {
    reviewer: 'legal@example.com',
    requested: '2026-11-25',
    due: '2026-12-01',
    daysWaiting: 3,
  }),
  row('lessons/claims.md', 'Faster refunds', 'legal', 'missing'),
  row('lessons/claims.md', 'Faster refunds', 'sme', 'missing'),
  row('lessons/policy.md', 'Refund policy', 'sme', 'changes-requested', { reviewer: 'Priya Patel', daysWaiting: 2 }),
  row('lessons/stale.md', 'Speed', 'legal', 'stale', { reviewer: 'Lee Gall', stale: true, daysWaiting: 8 }),
  row('lessons/stale.md', 'Speed', 'sme', 'stale', { reviewer: 'Priya Patel', stale: true, daysWaiting: 8 }),
];

describe('cli queue', () => {
  const temp = useCliFolder('course-review-cli-queue-');
  const { write, read, cli } = temp;

  async function approve(role: string, who: string, path: string) {
    const result = await cli('review', 'approve', '--role', role, '--as', who, '--today', '2026-11-20', path);
    assert.equal(result.code, 0, result.stderr);
  }

  /** Approved on 2026-11-20: done.md (BOM, CRLF) as it stands; stale.md, then its body changed. */
  async function course() {
    write('lessons/overdue.md', OVERDUE);
    write('lessons/policy.md', POLICY);
    write('lessons/claims.md', CLAIMS);
    write('lessons/done.md', DONE);
    write('lessons/stale.md', SIGNED);
    write('README.md', '# Not a lesson\n');
    await approve('sme', PRIYA, 'lessons/done.md');
    await approve('sme', PRIYA, 'lessons/stale.md');
    await approve('legal', LEGAL, 'lessons/stale.md');
    write('lessons/stale.md', read('lessons/stale.md').replace('the old one', 'the old one, on average'));
  }

  async function json(...argv: string[]): Promise<Row[]> {
    const result = await cli('queue', '--today', TODAY, '--format', 'json', ...argv);
    assert.equal(result.code, 0, result.stderr);
    assert.equal(result.stderr, '');
    return JSON.parse(result.stdout) as Row[];
  }

  describe('--format json', () => {
    it('lists every outstanding review: overdue first, then by due date, file and role', async () => {
      await course();
      assert.deepEqual(await json(), EXPECTED);
    });

    it('names files relative to the working directory, whatever path was given', async () => {
      await course();
      assert.deepEqual(await json('lessons'), EXPECTED);
      assert.deepEqual(
        await json(join(temp.path, 'lessons', 'claims.md'), 'lessons/overdue.md'),
        EXPECTED.filter((item) => ['lessons/claims.md', 'lessons/overdue.md'].includes(item.file)),
      );
    });

    it('prints an empty array when nothing is outstanding', async () => {
      await course();
      assert.deepEqual(await json('lessons/done.md'), []);
    });

    it('a lesson signed and unchanged is not listed, however its line endings and byte-order mark', async () => {
      await course();
      const done = read('lessons/done.md');
      assert.ok(done.startsWith('\uFEFF---\r\n') && done.includes('status: approved'));
      assert.deepEqual(await json('lessons/done.md'), []);
    });

    it('a triggered role is required only when its rules find something in the lesson', async () => {
      await course();
      write('.coursereview.json', '{ "rules": { "claim-uncited-statistic": "off" } }');
      assert.deepEqual(await json('lessons/claims.md'), [row('lessons/claims.md', 'Faster refunds', 'sme', 'missing')]);
    });

    it('a suppressed finding triggers no review', async () => {
      write('lessons/claims.md', CLAIMS.replace('The new', '<!-- course-review-disable-next-line claim-uncited-statistic -->\nThe new'));
      assert.deepEqual(await json(), [row('lessons/claims.md', 'Faster refunds', 'sme', 'missing')]);
    });
  });

  describe('filters', () => {
    it('--role keeps one role', async () => {
      await course();
      assert.deepEqual(
        await json('--role', 'legal'),
        EXPECTED.filter((item) => item.role === 'legal'),
      );
    });

    it('--reviewer keeps what waits on that person (by name or email address, ignoring case), not changes the author owes', async () => {
      await course();
      const priya = EXPECTED.filter((item) => item.reviewer === 'Priya Patel' && item.status !== 'changes-requested');
      assert.equal(priya.length, 2);
      assert.deepEqual(await json('--reviewer', 'priya patel'), priya);
      assert.deepEqual(await json('--reviewer', PRIYA), priya);
      assert.deepEqual(
        await json('--reviewer', 'LEGAL@example.com'),
        EXPECTED.filter((item) => item.reviewer === 'legal@example.com'),
      );
      assert.deepEqual(await json('--reviewer', 'nobody@example.com'), []);
    });

    it('--overdue keeps the overdue reviews', async () => {
      await course();
      assert.deepEqual(await json('--overdue'), [EXPECTED[0]]);
      assert.deepEqual(await json('--overdue', '--today', '2026-11-09'), []);
    });

    it('filters combine', async () => {
      await course();
      assert.deepEqual(await json('--role', 'sme', '--reviewer', 'Priya Patel', '--overdue'), [EXPECTED[0]]);
      assert.deepEqual(await json('--role', 'legal', '--overdue'), []);
    });
  });

  describe('other formats', () => {
    it('table is the default: one line per review, then the counts', async () => {
      await course();
      const result = await cli('queue', '--today', TODAY);
      assert.equal(result.code, 0, result.stderr);
      assert.equal(
        result.stdout,
        [
          'FILE                ROLE   STATUS                                REVIEWER           DUE         WAITING',
          'lessons/overdue.md  sme    requested (overdue)                   Priya Patel        2026-11-09  27d',
          'lessons/policy.md   legal  requested                             legal@example.com  2026-12-01  3d',
          'lessons/claims.md   legal  missing                               —                  —           —',
          'lessons/claims.md   sme    missing                               —                  —           —',
          'lessons/policy.md   sme    changes-requested, waiting on author  Priya Patel        —           2d',
          'lessons/stale.md    legal  stale                                 Lee Gall           —           8d',
          'lessons/stale.md    sme    stale                                 Priya Patel        —           8d',
          '',
          '7 outstanding reviews, 1 overdue, 2 stale.',
          '',
        ].join('\n'),
      );
    });

    it('table says so when nothing is outstanding', async () => {
      await course();
      const result = await cli('queue', '--today', TODAY, 'lessons/done.md');
      assert.equal(result.stdout, 'No outstanding reviews.\n');
    });

    it('csv quotes a title with a comma and quotes, with CRLF line ends', async () => {
      await course();
      const result = await cli('queue', '--today', TODAY, '--format', 'csv', '--role', 'sme');
      assert.equal(result.code, 0, result.stderr);
      assert.equal(
        result.stdout,
        [
          'file,title,role,status,waitingOn,reviewer,requested,due,overdue,stale,daysWaiting',
          'lessons/overdue.md,"Refunds, ""the basics""",sme,requested,reviewer,Priya Patel,2026-11-01,2026-11-09,yes,,27',
          'lessons/claims.md,Faster refunds,sme,missing,request,,,,,,',
          'lessons/policy.md,Refund policy,sme,changes-requested,author,Priya Patel,,,,,2',
          'lessons/stale.md,Speed,sme,stale,reviewer,Priya Patel,,,,yes,8',
          '',
        ].join('\r\n'),
      );
    });

    it('md is a Markdown table for a status meeting', async () => {
      await course();
      const result = await cli('queue', '--today', TODAY, '--format', 'md', '--reviewer', 'Priya Patel');
      assert.equal(result.code, 0, result.stderr);
      assert.equal(
        result.stdout,
        [
          '| File | Title | Role | Status | Waiting on | Reviewer | Requested | Due | Overdue | Stale | Days waiting |',
          '| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |',
          '| lessons/overdue.md | Refunds, "the basics" | sme | requested | reviewer | Priya Patel | 2026-11-01 | 2026-11-09 | yes |  | 27 |',
          '| lessons/stale.md | Speed | sme | stale | reviewer | Priya Patel |  |  |  | yes | 8 |',
          '',
        ].join('\n'),
      );
    });
  });

  describe('unreadable front matter', () => {
    it('is reported on stderr, and the lesson is not listed: its reviews cannot be known', async () => {
      await course();
      write('lessons/broken.md', BROKEN);
      write('lessons/unclosed.md', '---\ntitle: Refunds\n\n# Refunds\n');
      const result = await cli('queue', '--today', TODAY, '--format', 'json', '--role', 'sme');
      assert.equal(result.code, 0);
      const lines = result.stderr.trimEnd().split('\n');
      assert.equal(lines.length, 2, result.stderr);
      assert.match(lines[0], /^course-review: lessons\/broken\.md: The front matter does not parse: /);
      assert.equal(lines[1], 'course-review: lessons/unclosed.md: The front matter has no closing `---` line.');
      const files = (JSON.parse(result.stdout) as Row[]).filter((item) => item.status === 'missing').map((item) => item.file);
      assert.deepEqual(files, ['lessons/claims.md']);
    });
  });

  describe('usage', () => {
    const usageErrors: Array<[string, string[], RegExp]> = [
      ['an unknown format', ['--format', 'xml'], /Unknown format "xml", expected table, json, csv or md/],
      ['a bad --today', ['--today', '2026-02-30'], /--today "2026-02-30"/],
      ['an unknown role', ['--role', 'legl'], /Unknown role "legl", expected "sme", "legal", "marketing"/],
      ['an empty --reviewer', ['--reviewer', ' '], /--reviewer takes a name or an email address/],
      ['a missing path', ['nowhere'], /No such file, folder or matching glob: nowhere/],
      ['an unknown flag', ['--fail-on-overdue'], /--fail-on-overdue/],
    ];
    for (const [name, argv, message] of usageErrors) {
      it(`exits 2 on ${name}, with nothing on stdout`, async () => {
        write('lessons/overdue.md', OVERDUE);
        const result = await cli('queue', ...argv, ...(argv.includes('--today') ? [] : ['--today', TODAY]));
        assert.equal(result.code, 2, result.stderr);
        assert.match(result.stderr, message);
        assert.match(result.stderr, /^course-review: [^\n]+\nRun course-review queue --help for usage\.\n$/);
        assert.equal(result.stdout, '');
      });
    }

    it('exits 2 on an invalid configuration, naming the file', async () => {
      write('lessons/overdue.md', OVERDUE);
      write('.coursereview.json', '{ "roles": { "Legal": {} } }');
      const result = await cli('queue', '--today', TODAY);
      assert.equal(result.code, 2);
      assert.match(result.stderr, /invalid configuration .*\.coursereview\.json:1:/);
      assert.equal(result.stdout, '');
    });

    it("a role known only from a lesson's front matter can be filtered on", async () => {
      write('lessons/overdue.md', OVERDUE.replace('  sme:', '  accessibility:\n    status: requested\n  sme:'));
      assert.deepEqual(
        (await json('--role', 'accessibility')).map((item) => `${item.file} ${item.role} ${item.status}`),
        ['lessons/overdue.md accessibility requested'],
      );
    });

    it('overdue reviews do not change the exit code', async () => {
      write('lessons/overdue.md', OVERDUE);
      assert.equal((await cli('queue', '--today', TODAY, '--overdue')).code, 0);
    });

    it('--help shows the queue command only', async () => {
      const help = await cli('queue', '--help');
      assert.equal(help.code, 0);
      assert.match(help.stdout, /^Usage: course-review queue \[paths or globs…\] \[options\]\n/);
      assert.match(help.stdout, /--overdue\s+Only reviews past their due date/);
      assert.doesNotMatch(help.stdout, /course-review lint|course-review review|--max-warnings|--reassign/);
    });
  });
});
