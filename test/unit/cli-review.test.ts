import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { devNull, tmpdir } from 'node:os';
import { join } from 'node:path';
import { lessonFingerprint } from '../../src/core';
import { useCliFolder } from './helpers/cliFolder';

const TODAY = '2026-11-28';
const PRIYA = 'Priya Patel <priya@example.com>';

const LESSON = `---
title: Refunds   # shown in the course menu
objectives:
    - Explain the refund policy to a caller
---

# Refunds

Imagine a caller who wants a refund.
`;
const BROKEN_YAML = '---\ntitle: Refunds: the basics\n---\n\n# Refunds\n';
const REQUESTED = (due: string) => `---\ntitle: Refunds\nreview:\n  sme:\n    status: requested\n    due: ${due}\n---\n\n# Refunds\n`;

/** Git reads no global or system config, and finds no repository above the temp folder. */
const ISOLATED_GIT = { GIT_CONFIG_GLOBAL: devNull, GIT_CONFIG_NOSYSTEM: '1', GIT_CEILING_DIRECTORIES: tmpdir() };

function hasGit(): boolean {
  try {
    execFileSync('git', ['--version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

describe('cli review', () => {
  const temp = useCliFolder('course-review-cli-review-');
  const { write, read, bytes, cli } = temp;
  let savedEnv: Record<string, string | undefined>;

  beforeEach(() => {
    savedEnv = Object.fromEntries(Object.keys(ISOLATED_GIT).map((key) => [key, process.env[key]]));
    Object.assign(process.env, ISOLATED_GIT);
  });

  afterEach(() => {
    for (const [key, value] of Object.entries(savedEnv)) {
      if (value === undefined) delete process.env[key];
      else process.env[key] = value;
    }
  });

  describe('writing', () => {
    it('approve writes the role record after the other keys, and says so', async () => {
      write('lessons/refunds.md', LESSON);
      const result = await cli('review', 'approve', '--role', 'sme', '--as', PRIYA, '--today', TODAY, 'lessons/refunds.md');
      assert.equal(result.code, 0, result.stderr);
      assert.equal(result.stdout, 'lessons/refunds.md: SME approved by Priya Patel <priya@example.com>\n');
      assert.equal(result.stderr, '');
      assert.equal(
        read('lessons/refunds.md'),
        `---
title: Refunds   # shown in the course menu
objectives:
    - Explain the refund policy to a caller
review:
  sme:
    status: approved
    reviewer: Priya Patel
    signed: ${TODAY}
    fingerprint: ${lessonFingerprint(LESSON)}
---

# Refunds

Imagine a caller who wants a refund.
`,
      );
    });

    it('keeps a byte-order mark and CRLF line endings', async () => {
      const crlf = `\uFEFF${LESSON.replace(/\n/g, '\r\n')}`;
      write('refunds.md', crlf);
      const result = await cli(
        'review',
        'approve',
        '--role',
        'sme',
        '--as',
        PRIYA,
        '--note',
        'Checked against policy v4',
        '--today',
        TODAY,
        'refunds.md',
      );
      assert.equal(result.code, 0, result.stderr);
      const after = bytes('refunds.md');
      assert.deepEqual([...after.subarray(0, 3)], [0xef, 0xbb, 0xbf]);
      const text = after.toString('utf8');
      assert.equal(text.replace(/\r\n/g, '').includes('\n'), false, 'no bare LF');
      assert.equal(
        text,
        `\uFEFF---
title: Refunds   # shown in the course menu
objectives:
    - Explain the refund policy to a caller
review:
  sme:
    status: approved
    reviewer: Priya Patel
    signed: ${TODAY}
    fingerprint: ${lessonFingerprint(LESSON)}
    note: Checked against policy v4
---

# Refunds

Imagine a caller who wants a refund.
`.replace(/\n/g, '\r\n'),
      );
    });

    it('request records the reviewer and --due', async () => {
      write('refunds.md', LESSON);
      const result = await cli(
        'review',
        'request',
        '--role',
        'legal',
        '--reviewer',
        'legal@example.com',
        '--due',
        '2026-12-10',
        '--today',
        TODAY,
        'refunds.md',
      );
      assert.equal(result.code, 0, result.stderr);
      assert.equal(result.stdout, 'refunds.md: Legal review requested from legal@example.com, due 2026-12-10\n');
      assert.match(
        read('refunds.md'),
        /\nreview:\n {2}legal:\n {4}status: requested\n {4}reviewer: legal@example\.com\n {4}requested: 2026-11-28\n {4}due: 2026-12-10\n---\n/,
      );
    });

    it('request without --due is due dueInDays after --today (default and configured)', async () => {
      write('refunds.md', LESSON);
      const sme = await cli('review', 'request', '--role', 'sme', '--today', TODAY, 'refunds.md');
      assert.equal(sme.stdout, 'refunds.md: SME review requested, due 2026-12-05\n');
      write('.coursereview.json', '{ "roles": { "sme": { "dueInDays": 3 } } }');
      write('other.md', LESSON);
      const configured = await cli('review', 'request', '--role', 'sme', '--today', TODAY, 'other.md');
      assert.equal(configured.code, 0, configured.stderr);
      assert.match(read('other.md'), /\n {4}due: 2026-12-01\n/);
    });

    it('request-changes and waive record the note and who wrote it', async () => {
      write('refunds.md', LESSON);
      const changes = await cli(
        'review',
        'request-changes',
        '--role',
        'sme',
        '--as',
        PRIYA,
        '--note',
        'Cite the refund policy',
        '--today',
        TODAY,
        'refunds.md',
      );
      assert.equal(changes.stdout, 'refunds.md: SME changes requested by Priya Patel <priya@example.com>\n');
      assert.match(
        read('refunds.md'),
        /\n {2}sme:\n {4}status: changes-requested\n {4}reviewer: Priya Patel\n {4}signed: 2026-11-28\n {4}note: Cite the refund policy\n---\n/,
      );
      const waived = await cli(
        'review',
        'waive',
        '--role',
        'legal',
        '--as',
        PRIYA,
        '--note',
        'No claims in this lesson',
        '--today',
        TODAY,
        'refunds.md',
      );
      assert.equal(waived.stdout, 'refunds.md: Legal review waived by Priya Patel <priya@example.com>\n');
      assert.match(read('refunds.md'), /\n {2}legal:\n {4}status: waived\n/);
    });

    it('withdraw after approve restores the original bytes', async () => {
      const original = `\uFEFF${LESSON.replace(/\n/g, '\r\n')}`;
      write('refunds.md', original);
      assert.equal((await cli('review', 'approve', '--role', 'sme', '--as', PRIYA, '--today', TODAY, 'refunds.md')).code, 0);
      assert.notEqual(read('refunds.md'), original);
      const result = await cli('review', 'withdraw', '--role', 'sme', '--today', TODAY, 'refunds.md');
      assert.equal(result.code, 0, result.stderr);
      assert.equal(result.stdout, 'refunds.md: SME review withdrawn\n');
      assert.deepEqual(bytes('refunds.md'), Buffer.from(original, 'utf8'));
    });

    it('--today makes the written bytes reproducible', async () => {
      write('a/refunds.md', LESSON);
      write('b/refunds.md', LESSON);
      await cli('review', 'approve', '--role', 'sme', '--as', PRIYA, '--today', '2026-01-05', 'a/refunds.md');
      await cli('review', 'approve', '--role', 'sme', '--as', PRIYA, '--today', '2026-01-05', 'b/refunds.md');
      assert.equal(read('a/refunds.md'), read('b/refunds.md'));
      assert.match(read('a/refunds.md'), /\n {4}signed: 2026-01-05\n/);
      const again = await cli('review', 'approve', '--role', 'sme', '--as', PRIYA, '--today', '2026-01-05', 'a/refunds.md');
      assert.equal(again.stdout, 'a/refunds.md: SME approved by Priya Patel <priya@example.com> (already recorded, file unchanged)\n');
      assert.equal(read('a/refunds.md'), read('b/refunds.md'));
    });
  });

  describe('refusals leave the file byte-identical and exit 2', () => {
    for (const action of ['request-changes', 'waive']) {
      it(`${action} without --note`, async () => {
        write('refunds.md', LESSON);
        const result = await cli('review', action, '--role', 'sme', '--as', PRIYA, '--today', TODAY, 'refunds.md');
        assert.equal(result.code, 2);
        assert.match(result.stderr, new RegExp(`${action} needs --note`));
        assert.equal(result.stdout, '');
        assert.equal(read('refunds.md'), LESSON);
      });
    }

    it("someone who is not on the role's reviewers list; someone on it may sign", async () => {
      write(
        '.coursereview.json',
        '{\n  // legal sign-off is restricted\n  "roles": { "legal": { "reviewers": ["Dana Reyes <dana@example.com>"] } }\n}\n',
      );
      write('refunds.md', LESSON);
      const refused = await cli('review', 'approve', '--role', 'legal', '--as', PRIYA, '--today', TODAY, 'refunds.md');
      assert.equal(refused.code, 2);
      assert.match(refused.stderr, /^course-review: refunds\.md: Priya Patel is not on the Legal reviewers list/);
      assert.equal(refused.stdout, '');
      assert.equal(read('refunds.md'), LESSON);

      const accepted = await cli('review', 'approve', '--role', 'legal', '--as', 'DANA@example.com', '--today', TODAY, 'refunds.md');
      assert.equal(accepted.code, 0, accepted.stderr);
      assert.equal(accepted.stdout, 'refunds.md: Legal approved by DANA@example.com\n');
      assert.match(read('refunds.md'), /\n {2}legal:\n {4}status: approved\n/);
    });

    it('broken YAML, naming file:line:column; the other files are still written', async () => {
      write('a.md', LESSON);
      write('b.md', BROKEN_YAML);
      write('c.md', `\uFEFF${BROKEN_YAML.replace(/\n/g, '\r\n')}`);
      const result = await cli('review', 'approve', '--role', 'sme', '--as', PRIYA, '--today', TODAY, 'b.md', 'a.md', 'c.md');
      assert.equal(result.code, 2);
      assert.equal(result.stdout, 'a.md: SME approved by Priya Patel <priya@example.com>\n');
      const lines = result.stderr.split('\n');
      assert.match(lines[0], /^course-review: b\.md:2:8: The front matter does not parse \(.+\): fix it before signing/);
      assert.match(lines[1], /^course-review: c\.md:2:8: The front matter does not parse/);
      assert.equal(lines[2], '2 of 3 lessons refused and left unchanged.');
      assert.equal(read('b.md'), BROKEN_YAML);
      assert.equal(read('c.md'), `\uFEFF${BROKEN_YAML.replace(/\n/g, '\r\n')}`);
      assert.match(read('a.md'), /status: approved/);
    });

    it('an unknown role', async () => {
      write('refunds.md', LESSON);
      const result = await cli('review', 'approve', '--role', 'smee', '--as', PRIYA, '--today', TODAY, 'refunds.md');
      assert.equal(result.code, 2);
      assert.match(result.stderr, /refunds\.md: Unknown review role "smee", expected one of sme, legal, marketing/);
      assert.equal(read('refunds.md'), LESSON);
    });

    it('a file that is not UTF-8 text', async () => {
      const latin1 = Buffer.from('---\ntitle: Caf\xe9\n---\n', 'latin1');
      writeFileSync(join(temp.path, 'cafe.md'), latin1);
      const result = await cli('review', 'request', '--role', 'sme', '--today', TODAY, 'cafe.md');
      assert.equal(result.code, 2);
      assert.match(result.stderr, /cafe\.md: This is not a UTF-8 text file/);
      assert.deepEqual(bytes('cafe.md'), latin1);
    });
  });

  describe('who signs', () => {
    it("without --as, git user.name and user.email of the file's folder", async function () {
      if (!hasGit()) this.skip();
      write('course/refunds.md', LESSON);
      const repo = join(temp.path, 'course');
      execFileSync('git', ['init', '--quiet'], { cwd: repo });
      execFileSync('git', ['config', 'user.name', 'Sam Lee'], { cwd: repo });
      execFileSync('git', ['config', 'user.email', 'sam@example.com'], { cwd: repo });
      const result = await cli('review', 'approve', '--role', 'sme', '--today', TODAY, 'course/refunds.md');
      assert.equal(result.code, 0, result.stderr);
      assert.equal(result.stdout, 'course/refunds.md: SME approved by Sam Lee <sam@example.com>\n');
    });

    it('without --as or git identity, approve is refused and request is written', async () => {
      write('refunds.md', LESSON);
      const approve = await cli('review', 'approve', '--role', 'sme', '--today', TODAY, 'refunds.md');
      assert.equal(approve.code, 2);
      assert.match(approve.stderr, /refunds\.md: Cannot approve without knowing who you are: pass --as/);
      assert.equal(read('refunds.md'), LESSON);
      const request = await cli('review', 'request', '--role', 'sme', '--today', TODAY, 'refunds.md');
      assert.equal(request.code, 0, request.stderr);
    });
  });

  describe('a review assigned to someone else', () => {
    const ASSIGNED = (reviewer: string, status = 'requested') =>
      `---\ntitle: Refunds\nreview:\n  sme:\n    status: ${status}\n    reviewer: ${reviewer}\n    requested: 2026-11-20\n---\n\n# Refunds\n`;
    const SAM = 'Sam Lee <sam@example.com>';
    const signing: Array<[string, string[], string]> = [
      ['approve', [], 'approved'],
      ['request-changes', ['--note', 'Cite the policy'], 'changes requested'],
      ['waive', ['--note', 'Not needed'], 'review waived'],
    ];

    for (const [action, extra, done] of signing) {
      it(`${action} is refused without --reassign, naming who it is assigned to and who you are; with it, written and said`, async () => {
        write('refunds.md', ASSIGNED('Priya Patel'));
        const refused = await cli('review', action, '--role', 'sme', '--as', SAM, ...extra, '--today', TODAY, 'refunds.md');
        assert.equal(refused.code, 2);
        assert.equal(refused.stdout, '');
        assert.equal(
          refused.stderr,
          `course-review: refunds.md: This SME review is assigned to Priya Patel, not ${SAM}: pass --reassign to ${action === 'approve' ? 'approve' : action === 'waive' ? 'waive the review' : 'request changes'} in their place.\n1 of 1 lesson refused and left unchanged.\n`,
        );
        assert.equal(read('refunds.md'), ASSIGNED('Priya Patel'));

        const reassigned = await cli(
          'review',
          action,
          '--role',
          'sme',
          '--as',
          SAM,
          '--reassign',
          ...extra,
          '--today',
          TODAY,
          'refunds.md',
        );
        assert.equal(reassigned.code, 0, reassigned.stderr);
        assert.equal(reassigned.stdout, `refunds.md: SME ${done} by ${SAM} (was assigned to Priya Patel)\n`);
        assert.match(read('refunds.md'), /\n {4}reviewer: Sam Lee\n/);
      });
    }

    it('the one it is assigned to signs it, known by name or email in any case', async () => {
      for (const [onRecord, signer] of [
        ['Priya Patel', PRIYA],
        ['priya@example.com', 'PRIYA@EXAMPLE.COM'],
        ['Priya Patel <priya@example.com>', 'priya patel'],
      ]) {
        write('refunds.md', ASSIGNED(onRecord));
        const result = await cli('review', 'approve', '--role', 'sme', '--as', signer, '--today', TODAY, 'refunds.md');
        assert.equal(result.code, 0, `${onRecord} / ${signer}: ${result.stderr}`);
        assert.equal(result.stdout, `refunds.md: SME approved by ${signer}\n`);
      }
    });

    it('an approval by someone else counts as assigned to them too', async () => {
      write('refunds.md', ASSIGNED('Priya Patel', 'approved'));
      const result = await cli('review', 'approve', '--role', 'sme', '--as', SAM, '--today', TODAY, 'refunds.md');
      assert.equal(result.code, 2);
      assert.match(result.stderr, /This SME review is assigned to Priya Patel, not Sam Lee <sam@example\.com>: pass --reassign/);
    });

    it('request and withdraw are not signing: they need no --reassign', async () => {
      write('refunds.md', ASSIGNED('Priya Patel'));
      const request = await cli(
        'review',
        'request',
        '--role',
        'sme',
        '--as',
        SAM,
        '--reviewer',
        'Dana Reyes',
        '--today',
        TODAY,
        'refunds.md',
      );
      assert.equal(request.code, 0, request.stderr);
      const withdraw = await cli('review', 'withdraw', '--role', 'sme', '--as', SAM, '--today', TODAY, 'refunds.md');
      assert.equal(withdraw.code, 0, withdraw.stderr);
    });

    it("--reassign does not get past the role's reviewers list", async () => {
      write('.coursereview.json', '{ "roles": { "sme": { "reviewers": ["Priya Patel"] } } }');
      write('refunds.md', ASSIGNED('Priya Patel'));
      const result = await cli('review', 'approve', '--role', 'sme', '--as', SAM, '--reassign', '--today', TODAY, 'refunds.md');
      assert.equal(result.code, 2);
      assert.match(result.stderr, /^course-review: refunds\.md: Sam Lee is not on the SME reviewers list \(Priya Patel\)/);
      assert.equal(read('refunds.md'), ASSIGNED('Priya Patel'));
    });
  });

  describe('usage errors exit 2 and write nothing', () => {
    const usageErrors: Array<[string, string[], RegExp]> = [
      ['a missing action', ['review'], /Missing the review action/],
      ['an unknown action', ['review', 'sign', '--role', 'sme', 'refunds.md'], /Unknown review action "sign"/],
      ['a missing --role', ['review', 'approve', '--as', PRIYA, 'refunds.md'], /Missing --role/],
      ['no files', ['review', 'approve', '--role', 'sme', '--as', PRIYA], /Missing the lessons to approve/],
      ['a missing file', ['review', 'approve', '--role', 'sme', '--as', PRIYA, 'refunds.md', 'nope.md'], /nope\.md/],
      ['a folder', ['review', 'approve', '--role', 'sme', '--as', PRIYA, '.'], /missing or not files: \./],
      [
        '--due on approve',
        ['review', 'approve', '--role', 'sme', '--as', PRIYA, '--due', '2026-12-01', 'refunds.md'],
        /--due applies to request only/,
      ],
      ['a bad --due', ['review', 'request', '--role', 'sme', '--due', '1 Dec', 'refunds.md'], /--due "1 Dec"/],
      ['a bad --today', ['review', 'request', '--role', 'sme', '--today', '2026-02-30', 'refunds.md'], /--today "2026-02-30"/],
      ['--note on withdraw', ['review', 'withdraw', '--role', 'sme', '--note', 'x', 'refunds.md'], /--note does not apply to withdraw/],
      ['an empty --as', ['review', 'approve', '--role', 'sme', '--as', ' ', 'refunds.md'], /--as takes a name/],
      ['an unknown flag', ['review', 'approve', '--role', 'sme', '--fast', 'refunds.md'], /--fast/],
      [
        '--reassign on request',
        ['review', 'request', '--role', 'sme', '--reassign', 'refunds.md'],
        /--reassign applies to approve, request-changes and waive only/,
      ],
      [
        '--reassign on withdraw',
        ['review', 'withdraw', '--role', 'sme', '--reassign', 'refunds.md'],
        /--reassign applies to approve, request-changes and waive only/,
      ],
    ];
    for (const [name, argv, message] of usageErrors) {
      it(name, async () => {
        write('refunds.md', LESSON);
        const result = await cli(...argv, ...(argv.includes('--today') ? [] : ['--today', TODAY]));
        assert.equal(result.code, 2, result.stderr);
        assert.match(result.stderr, message);
        assert.match(result.stderr, /^course-review: [^\n]+\nRun course-review review --help for usage\.\n$/);
        assert.equal(result.stdout, '');
        assert.equal(read('refunds.md'), LESSON);
      });
    }

    it("--help shows the review command's help, with --reassign", async () => {
      const help = await cli('review', '--help');
      assert.equal(help.code, 0);
      assert.equal(help.stderr, '');
      assert.match(help.stdout, /^Usage: course-review review ACTION --role ROLE \[options\] FILE…\n/);
      assert.match(help.stdout, /\n {2}--reassign {17}approve, request-changes, waive: sign a review that is assigned\n/);
      assert.match(help.stdout, /--today YYYY-MM-DD/);
      assert.doesNotMatch(help.stdout, /course-review lint|course-review queue|--max-warnings|--overdue/);
    });
  });

  describe('lint --today', () => {
    async function overdue(today: string): Promise<string[]> {
      const result = await cli('lint', 'refunds.md', '--format', 'json', '--today', today);
      const findings = JSON.parse(result.stdout) as Array<{ ruleId: string; line: number; message: string }>;
      return findings.filter((finding) => finding.ruleId === 'review-overdue').map((finding) => `${finding.line} ${finding.message}`);
    }

    it('decides whether a review is overdue', async () => {
      write('refunds.md', REQUESTED('2026-11-09'));
      assert.deepEqual(await overdue('2026-11-09'), []);
      assert.deepEqual(await overdue('2026-11-12'), [
        '6 Unexpected overdue SME review: due 2026-11-09, 3 days ago, waiting on a reviewer; expected it done by its due date.',
      ]);
    });

    it('rejects a date that is not YYYY-MM-DD', async () => {
      write('refunds.md', REQUESTED('2026-11-09'));
      const result = await cli('lint', 'refunds.md', '--today', '11/12/2026');
      assert.equal(result.code, 2);
      assert.match(result.stderr, /--today "11\/12\/2026", expected a date as YYYY-MM-DD/);
      assert.equal(result.stdout, '');
    });
  });
});
