import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  applyEdits,
  DEFAULT_ROLES,
  lessonFingerprint,
  writeReview,
  type ReviewAction,
  type ReviewWriteContext,
  type Role,
} from '../../src/core';
import { FIXTURES } from './helpers/fixtures';

const TODAY = '2026-11-28';
const PRIYA: ReviewWriteContext = { identity: { name: 'Priya Patel', email: 'priya@example.com' }, today: TODAY, roles: DEFAULT_ROLES };

function write(text: string, action: ReviewAction, context: ReviewWriteContext = PRIYA): string {
  const result = writeReview(text, action, context);
  if (result.kind === 'refused') assert.fail(result.message);
  return applyEdits(text, result.edits);
}

function refusal(
  text: string,
  action: ReviewAction,
  context: ReviewWriteContext = PRIYA,
): { message: string; range?: { start: number; end: number } } {
  const result = writeReview(text, action, context);
  if (result.kind !== 'refused') assert.fail(`expected a refusal, got a ${result.kind}`);
  return result;
}

const LESSON = `---
title: Refunds   # shown in the catalogue
objectives:
    - Explain the refund policy
duration: 20 min
---

# Refunds

Body text.
`;

describe('review writer', () => {
  describe('approve', () => {
    it('appends a review block at the end of the front matter, touching nothing else', () => {
      const fingerprint = lessonFingerprint(LESSON);
      assert.equal(
        write(LESSON, { kind: 'approve', role: 'sme', note: 'Checked against policy v4' }),
        LESSON.replace(
          'duration: 20 min\n',
          `duration: 20 min\nreview:\n  sme:\n    status: approved\n    reviewer: Priya Patel\n    signed: 2026-11-28\n    fingerprint: ${fingerprint}\n    note: Checked against policy v4\n`,
        ),
      );
    });

    it('creates front matter for a lesson without one', () => {
      const text = '# Refunds\n\nBody.\n';
      assert.equal(
        write(text, { kind: 'approve', role: 'sme' }),
        `---\nreview:\n  sme:\n    status: approved\n    reviewer: Priya Patel\n    signed: 2026-11-28\n    fingerprint: ${lessonFingerprint(text)}\n---\n${text}`,
      );
    });

    it("keeps the author's keys, their order and comments in the role's record, and drops an old note", () => {
      const text =
        '---\ntitle: A\nreview:\n  sme:\n    ticket: JIRA-12 # keep me\n    status: changes-requested\n    reviewer: Sam\n    note: Fix the numbers\n---\nBody\n';
      const result = write(text, { kind: 'approve', role: 'sme' });
      assert.match(
        result,
        /review:\n {2}sme:\n {4}ticket: JIRA-12 # keep me\n {4}status: approved\n {4}reviewer: Priya Patel\n {4}signed: 2026-11-28\n {4}fingerprint: sha256:[0-9a-f]{64}\n---\nBody\n$/,
      );
    });

    it('rewrites only its own role, leaving the other roles byte for byte', () => {
      const text = '---\nreview:\n  legal: {status: requested, due: 2026-12-01}  # flow, kept\n  sme:\n    status: requested\n---\n';
      const result = write(text, { kind: 'approve', role: 'sme' });
      assert.ok(
        result.startsWith('---\nreview:\n  legal: {status: requested, due: 2026-12-01}  # flow, kept\n  sme:\n    status: approved\n'),
        result,
      );
    });

    it("follows the file's indent inside an existing review block", () => {
      const text = '---\nreview:\n    legal:\n        status: requested\n---\n';
      assert.equal(
        write(text, { kind: 'request', role: 'sme', due: '2026-12-10' }),
        '---\nreview:\n    legal:\n        status: requested\n    sme:\n        status: requested\n        requested: 2026-11-28\n        due: 2026-12-10\n---\n',
      );
    });

    it('keeps CRLF line endings and the byte-order mark', () => {
      const text = '\uFEFF---\r\ntitle: A\r\n---\r\nBody\r\n';
      const result = write(text, { kind: 'approve', role: 'legal' });
      assert.ok(result.startsWith('\uFEFF---\r\ntitle: A\r\nreview:\r\n  legal:\r\n    status: approved\r\n'), JSON.stringify(result));
      assert.ok(!/[^\r]\n/.test(result), 'every line break is CRLF');
      assert.ok(result.endsWith('---\r\nBody\r\n'));
    });

    it('needs to know who approves', () => {
      assert.match(refusal(LESSON, { kind: 'approve', role: 'sme' }, { ...PRIYA, identity: undefined }).message, /who you are/);
    });
  });

  describe('request', () => {
    it("records the request date and a due date from the role's dueInDays", () => {
      const result = write(LESSON, { kind: 'request', role: 'legal', reviewer: 'legal@example.com' });
      assert.match(
        result,
        /review:\n {2}legal:\n {4}status: requested\n {4}reviewer: legal@example.com\n {4}requested: 2026-11-28\n {4}due: 2026-12-03\n---/,
      );
    });

    it('takes an explicit due date, and refuses one in the past or not a date', () => {
      assert.match(write(LESSON, { kind: 'request', role: 'sme', due: '2026-12-24' }), /due: 2026-12-24/);
      assert.match(refusal(LESSON, { kind: 'request', role: 'sme', due: '2026-11-01' }).message, /before today/);
      assert.match(refusal(LESSON, { kind: 'request', role: 'sme', due: '24/12/2026' }).message, /YYYY-MM-DD/);
      assert.match(refusal(LESSON, { kind: 'request', role: 'sme', due: '2026-02-30' }).message, /YYYY-MM-DD/);
    });

    it('re-requesting an approved review clears the sign-off but keeps who reviews', () => {
      const approved = write(LESSON, { kind: 'approve', role: 'sme' });
      const again = write(approved, { kind: 'request', role: 'sme' }, { ...PRIYA, identity: undefined });
      assert.match(again, /sme:\n {4}status: requested\n {4}reviewer: Priya Patel\n {4}requested: 2026-11-28\n {4}due: 2026-12-05\n---/);
    });

    it('works without knowing who asks', () => {
      assert.match(write(LESSON, { kind: 'request', role: 'sme' }, { ...PRIYA, identity: undefined }), /status: requested/);
    });
  });

  describe('request changes and waive', () => {
    it('request changes records the note and the date, and needs a note', () => {
      const result = write(LESSON, { kind: 'request-changes', role: 'legal', note: 'Cite the 40% figure: "Survey 2025"' });
      assert.match(
        result,
        /legal:\n {4}status: changes-requested\n {4}reviewer: Priya Patel\n {4}signed: 2026-11-28\n {4}note: 'Cite the 40% figure: "Survey 2025"'\n/,
      );
      assert.match(refusal(LESSON, { kind: 'request-changes', role: 'legal', note: '  ' }).message, /needs a note/);
    });

    it('waive needs a reason', () => {
      assert.match(
        write(LESSON, { kind: 'waive', role: 'marketing', note: 'Internal only' }),
        /marketing:\n {4}status: waived\n {4}reviewer: Priya Patel\n {4}signed: 2026-11-28\n {4}note: Internal only\n/,
      );
      assert.match(refusal(LESSON, { kind: 'waive', role: 'marketing', note: '' }).message, /reason/);
    });
  });

  describe('withdraw', () => {
    it('approve then withdraw gives back the original bytes', () => {
      for (const text of [
        LESSON,
        '# No front matter\n',
        '\uFEFF---\r\ntitle: A\r\n---\r\nBody\r\n',
        '---\nreview:\n  legal:\n    status: requested\n# trailing comment\n---\n',
      ]) {
        const approved = write(text, { kind: 'approve', role: 'sme' });
        const withdrawn = write(approved, { kind: 'withdraw', role: 'sme' });
        assert.equal(withdrawn, text.startsWith('#') ? `---\n---\n${text}` : text);
      }
    });

    it('removes the review key with its last role', () => {
      const text = '---\ntitle: A\nreview:\n  sme:\n    status: requested\nlater: 1\n---\n';
      assert.equal(write(text, { kind: 'withdraw', role: 'sme' }), '---\ntitle: A\nlater: 1\n---\n');
    });

    it('refuses when there is nothing to withdraw', () => {
      assert.match(refusal(LESSON, { kind: 'withdraw', role: 'sme' }).message, /no SME review to withdraw/);
    });
  });

  describe('who may sign', () => {
    const roles: Role[] = DEFAULT_ROLES.map((role) =>
      role.name === 'legal' ? { ...role, reviewers: ['Lee Chan', 'legal@example.com'] } : role,
    );

    it("refuses someone not on the role's reviewers list, and says who is", () => {
      const message = refusal(LESSON, { kind: 'approve', role: 'legal' }, { ...PRIYA, roles }).message;
      assert.match(message, /Priya Patel is not on the Legal reviewers list \(Lee Chan, legal@example.com\)/);
    });

    it('accepts a listed name or email, ignoring case', () => {
      assert.match(
        write(LESSON, { kind: 'approve', role: 'legal' }, { ...PRIYA, roles, identity: { email: 'LEGAL@example.com' } }),
        /reviewer: LEGAL@example.com/,
      );
      assert.match(
        write(LESSON, { kind: 'approve', role: 'legal' }, { ...PRIYA, roles, identity: { name: 'lee chan' } }),
        /reviewer: lee chan/,
      );
    });

    it('refuses a request to someone not on the list, and a withdrawal of a sign-off by someone not on it', () => {
      assert.match(
        refusal(LESSON, { kind: 'request', role: 'legal', reviewer: 'Priya Patel' }, { ...PRIYA, roles }).message,
        /cannot review for Legal/,
      );
      const approved = write(LESSON, { kind: 'approve', role: 'legal' }, { ...PRIYA, roles, identity: { name: 'Lee Chan' } });
      assert.match(refusal(approved, { kind: 'withdraw', role: 'legal' }, { ...PRIYA, roles }).message, /not on the Legal reviewers list/);
    });
  });

  describe('refusals change nothing and say where', () => {
    const cases: Array<[string, string, RegExp]> = [
      ['broken YAML', '---\ntitle: [unclosed\n---\nBody\n', /does not parse/],
      ['an unclosed front matter', '---\ntitle: A\n\n# Body\n', /no closing `---`/],
      ['TOML front matter', '+++\ntitle = "A"\n+++\n', /TOML/],
      ['front matter that is a list', '---\n- a\n- b\n---\n', /not a block of `key: value` lines/],
      ['a review that is text', '---\nreview: done\n---\n', /`review` is not a mapping/],
      ['a role that is text', '---\nreview:\n  sme: approved\n---\n', /`review.sme` is not a mapping/],
      ['duplicate keys', '---\ntitle: A\ntitle: B\n---\n', /does not parse/],
      ['bare CR line endings', '---\rtitle: A\r---\rBody\r', /bare CR/],
      ['a lesson without front matter and with bare CR line endings', '# Title\rBody\r', /bare CR/],
    ];
    for (const [name, text, message] of cases) {
      it(`refuses ${name}`, () => {
        const result = refusal(text, { kind: 'approve', role: 'sme' });
        assert.match(result.message, message);
      });
    }

    it('points at the YAML error', () => {
      const text = '---\ntitle: A\nobjectives: [one\n---\n';
      const { range } = refusal(text, { kind: 'approve', role: 'sme' });
      assert.ok(range && range.start >= text.indexOf('objectives') && range.start < text.indexOf('\n---', 4), JSON.stringify(range));
    });

    it('refuses an unknown role and names the known ones', () => {
      assert.match(
        refusal(LESSON, { kind: 'approve', role: 'legl' }).message,
        /Unknown review role "legl", expected one of sme, legal, marketing/,
      );
    });
  });

  describe('keys with a tag or an anchor', () => {
    it('indents the new block like the line the last key is on, not like the key itself', () => {
      const text = '---\n!!str title:\n  nested: 1\n---\n';
      assert.match(
        write(text, { kind: 'request', role: 'sme', due: '2026-12-01' }),
        /^---\n!!str title:\n {2}nested: 1\nreview:\n {2}sme:\n/,
      );
    });
  });

  describe('flow-style review blocks', () => {
    it('rewrites a flow review block as a block, keeping the other roles', () => {
      const result = write('---\nreview: {legal: {status: requested}}\n---\n', { kind: 'approve', role: 'sme' });
      assert.match(result, /^---\nreview:\n {2}legal:\n {4}status: requested\n {2}sme:\n {4}status: approved\n/);
    });
  });

  describe('real-world front matter (fixtures in the styles of the corpus)', () => {
    const folder = join(FIXTURES, 'review');
    for (const name of readdirSync(folder).filter((file) => file.endsWith('.md'))) {
      it(`${name}: every action then withdraw leaves every other byte as it was`, () => {
        const text = readFileSync(join(folder, name), 'utf8');
        for (const action of [
          { kind: 'approve', role: 'sme', note: 'Looks right' },
          { kind: 'request', role: 'legal', reviewer: 'legal@example.com', due: '2026-12-01' },
          { kind: 'request-changes', role: 'marketing', note: 'Use the product name' },
          { kind: 'waive', role: 'legal', note: 'No claims' },
        ] as ReviewAction[]) {
          if (new RegExp(`^\\s+${action.role}:`, 'm').test(text)) continue;
          const written = write(text, action);
          assert.notEqual(written, text);
          const withdrawn = write(written, { kind: 'withdraw', role: action.role });
          assert.equal(withdrawn, /^\uFEFF?---/.test(text) ? text : text.replace(/^(\uFEFF?)/, '$1---\n---\n'));
        }
      });
    }
  });
});
