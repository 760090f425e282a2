import assert from 'node:assert/strict';
import fc from 'fast-check';
import { isDeepStrictEqual } from 'node:util';
import { parseDocument } from 'yaml';
import {
  DEFAULT_ROLES,
  filterItems,
  formatQueue,
  groupItems,
  headNeed,
  lessonFingerprint,
  readEntry,
  reviewReport,
  ReviewIndex,
  type QueueItem,
} from '../../src/core';

const TODAY = '2026-11-28';

function lesson(title: string, review: string, body = `# ${title}\n\nBody.\n`): string {
  return `---\ntitle: ${title}\n${review ? `review:\n${review}` : ''}---\n\n${body}`;
}

function approvedLesson(title: string, body = `# ${title}\n\nBody.\n`): string {
  const fingerprint = lessonFingerprint(lesson(title, '', body));
  return lesson(
    title,
    `  sme:\n    status: approved\n    reviewer: Priya Patel\n    signed: 2026-11-20\n    fingerprint: ${fingerprint}\n`,
    body,
  );
}

function indexOf(files: Record<string, string>): ReviewIndex {
  const index = new ReviewIndex();
  for (const [file, text] of Object.entries(files)) index.set(readEntry(file, text, DEFAULT_ROLES));
  return index;
}

const COURSE: Record<string, string> = {
  'calls/overdue.md': lesson(
    'Logging calls',
    '  sme:\n    status: requested\n    reviewer: Priya Patel\n    requested: 2026-11-02\n    due: 2026-11-09\n',
  ),
  'calls/soon.md': lesson(
    'Refunds',
    '  sme:\n    status: requested\n    reviewer: priya@example.com\n    requested: 2026-11-25\n    due: 2026-12-01\n  legal:\n    status: changes-requested\n    reviewer: Lee Chan\n    signed: 2026-11-26\n    note: Cite the survey\n',
  ),
  'sales/later.md': lesson(
    'Pricing',
    '  sme:\n    status: requested\n    reviewer: Sam Lee\n    requested: 2026-11-27\n    due: 2026-12-24\n',
  ),
  'sales/none.md': lesson('Discounts', ''),
  'sales/current.md': approvedLesson('Upselling'),
  'sales/stale.md': approvedLesson('Objections').replace('Body.', 'Body, changed after the approval.'),
  'sales/waived.md': lesson('Glossary', '  sme:\n    status: waived\n    reviewer: Priya Patel\n    note: Reference page\n'),
};

const summary = (items: readonly QueueItem[]) =>
  items.map((item) => `${item.file} ${item.role} ${item.status}${item.overdue ? ' overdue' : ''}`);

describe('review queue', () => {
  const items = indexOf(COURSE).items(TODAY);

  it('lists every outstanding review, overdue first, then by due date', () => {
    assert.deepEqual(summary(items), [
      'calls/overdue.md sme requested overdue',
      'calls/soon.md sme requested',
      'sales/later.md sme requested',
      'calls/soon.md legal changes-requested',
      'sales/none.md sme missing',
      'sales/stale.md sme stale',
    ]);
  });

  it("counts days waiting from the request, or from the reviewer's decision when the author has to act", () => {
    const byKey = new Map(items.map((item) => [`${item.file} ${item.role}`, item]));
    assert.equal(byKey.get('calls/overdue.md sme')?.daysWaiting, 26);
    assert.equal(byKey.get('calls/soon.md legal')?.daysWaiting, 2);
    assert.equal(byKey.get('sales/stale.md sme')?.daysWaiting, 8);
    assert.equal(byKey.get('sales/none.md sme')?.daysWaiting, undefined);
    assert.equal(byKey.get('sales/stale.md sme')?.stale, true);
    assert.equal(byKey.get('calls/soon.md sme')?.title, 'Refunds');
  });

  it('overdue follows today: due today is not late, due yesterday is', () => {
    const index = indexOf({ 'a.md': lesson('A', '  sme:\n    status: requested\n    due: 2026-11-28\n') });
    assert.equal(index.items('2026-11-28')[0].overdue, false);
    assert.equal(index.items('2026-11-29')[0].overdue, true);
  });

  describe('filters', () => {
    it('by role, by reviewer (name or email, ignoring case) and overdue only', () => {
      assert.deepEqual(summary(filterItems(items, { role: 'legal' })), ['calls/soon.md legal changes-requested']);
      assert.deepEqual(summary(filterItems(items, { reviewer: { name: 'priya patel', email: 'priya@example.com' } })), [
        'calls/overdue.md sme requested overdue',
        'calls/soon.md sme requested',
        'sales/stale.md sme stale',
      ]);
      assert.deepEqual(summary(filterItems(items, { overdue: true })), ['calls/overdue.md sme requested overdue']);
      assert.deepEqual(filterItems(items, { reviewer: { name: 'Nobody' } }), []);
    });
  });

  describe('groups', () => {
    const groups = (by: Parameters<typeof groupItems>[1]) =>
      groupItems(items, by, TODAY).map((group) => `${group.label}: ${group.items.length}`);

    it('by role, in the order the roles are configured', () => {
      assert.deepEqual(groups('role'), ['SME: 5', 'Legal: 1']);
    });

    it('by due date: overdue, this week, later, no date', () => {
      assert.deepEqual(groups('due'), ['Overdue: 1', 'This week: 1', 'Later: 1', 'No date: 3']);
    });

    it('by who must act next: reviewers by name, then the author who owes changes, then reviews nobody requested', () => {
      assert.deepEqual(groups('reviewer'), [
        'Priya Patel: 2',
        'priya@example.com: 1',
        'Sam Lee: 1',
        'Waiting on author (changes requested): 1',
        'Waiting on a request: 1',
      ]);
    });

    it('by course folder', () => {
      assert.deepEqual(groups('folder'), ['calls: 3', 'sales: 3']);
    });
  });

  describe('triggered roles', () => {
    it('a lesson whose trigger check found claims needs legal review; before the check it does not show', () => {
      const text = lesson('Claims', '');
      assert.deepEqual(summary(indexOf({ 'c.md': text }).items(TODAY)), ['c.md sme missing']);
      const index = new ReviewIndex();
      index.set(readEntry('c.md', text, DEFAULT_ROLES, new Map([['claim-uncited-statistic', 2]])));
      assert.deepEqual(summary(index.items(TODAY)), ['c.md legal missing', 'c.md sme missing']);
      assert.deepEqual(index.items(TODAY)[0].triggeredBy, ['claim-uncited-statistic']);
    });
  });

  describe('front matter only', () => {
    it('the head of a file is enough unless an approval needs the whole text for its fingerprint', () => {
      assert.equal(headNeed('---\ntitle: A\n---\n# A\n', false), 'enough');
      assert.equal(headNeed('# No front matter\n', false), 'enough');
      assert.equal(headNeed('---\ntitle: A\nobjectives:\n', false), 'more');
      assert.equal(headNeed('---\nreview:\n  sme:\n    status: approved\n---\n', false), 'more');
      assert.equal(headNeed('---\ntitle: A\nobjectives:\n', true), 'enough');
      assert.equal(headNeed('---\ntitle: A\n---', false), 'more', 'a fence at the very end may be the start of a longer line');
      assert.equal(headNeed('---\ntitle: A\n---\n', false), 'enough');
    });

    it('a lesson whose front matter cannot be read is listed as a problem, and its reviews are not guessed', () => {
      const index = indexOf({ 'broken.md': '---\ntitle: [x\n---\n' });
      assert.match(index.problems()[0].problem, /does not parse/);
      assert.deepEqual(summary(index.items(TODAY)), []);
    });
  });

  describe('the fast path (property)', () => {
    const scalar = fc.oneof(
      fc.constantFrom(
        '2026-11-28',
        'yes',
        'no',
        'on',
        'true',
        '0x1A',
        '0o17',
        '1_000',
        '1e3',
        '.inf',
        '~',
        'null',
        '',
        '12',
        '-3.5',
        '+1',
        'Priya Patel',
        'a: b',
        "'it''s'",
        '"tab\\tand \\u00e9"',
        '"#not"',
        'x #comment',
        '&anchor value',
        '!!str 12',
        '|\n      literal\n      lines',
        '>-\n      folded\n      lines',
      ),
      fc.stringMatching(/^[a-zA-Z][a-zA-Z0-9 .@-]{0,12}$/),
    );
    const record = fc.tuple(
      fc.constantFrom('sme', 'legal', 'marketing'),
      fc.array(fc.tuple(fc.constantFrom('status', 'reviewer', 'requested', 'due', 'note', 'ticket'), scalar), { maxLength: 4 }),
    );
    const frontMatter = fc
      .tuple(
        scalar,
        fc.array(record, { maxLength: 3 }),
        fc.array(fc.tuple(fc.constantFrom('audience', 'duration', 'tags', 'objectives'), scalar), { maxLength: 3 }),
        fc.boolean(),
      )
      .map(([title, roles, others, flow]) => {
        const review = flow
          ? `review: {${roles.map(([role, fields]) => `${role}: {${fields.map(([key, value]) => `${key}: ${JSON.stringify(value)}`).join(', ')}}`).join(', ')}}`
          : `review:${roles.map(([role, fields]) => `\n  ${role}:${fields.map(([key, value]) => `\n    ${key}: ${value}`).join('')}`).join('')}`;
        return `title: ${title}\n${others.map(([key, value]) => `${key}: ${value}`).join('\n')}\n${roles.length > 0 ? review : ''}\n`;
      });

    it('reads the same title and review records as the yaml Document API, whenever both accept the front matter', () => {
      let compared = 0;
      fc.assert(
        fc.property(frontMatter, (yaml) => {
          const document = parseDocument(yaml, { uniqueKeys: true });
          if (document.errors.length > 0) return;
          const data = document.toJS() as Record<string, unknown> | null;
          if (!data || typeof data !== 'object') return;
          const entry = readEntry('a.md', `---\n${yaml}---\nBody\n`, DEFAULT_ROLES);
          if (entry.problem) return;
          compared++;
          const expected = { title: typeof data.title === 'string' ? data.title : undefined, review: data.review };
          assert.ok(
            isDeepStrictEqual({ title: entry.title, review: entry.review }, expected),
            `${yaml}\n${JSON.stringify({ title: entry.title, review: entry.review })}\n${JSON.stringify(expected)}`,
          );
        }),
        { numRuns: 3000 },
      );
      assert.ok(compared > 1000, `too few front matters both parsers accept: ${compared}`);
    });

    it('gives an approved lesson the fingerprint the writer and the editor compute', () => {
      let compared = 0;
      const approvedRole = '\n  sme:\n    status: approved\n    fingerprint: sha256:0000';
      fc.assert(
        fc.property(frontMatter, (yaml) => {
          const withApproval = yaml.includes('\nreview:\n')
            ? yaml.replace('\nreview:', `\nreview:${approvedRole}`)
            : `${yaml}review:${approvedRole}\n`;
          const text = `---\n${withApproval}---\n\n# Body\n`;
          const expected = lessonFingerprint(text);
          if (expected === undefined) return;
          const entry = readEntry('a.md', text, DEFAULT_ROLES);
          if (entry.problem || !entry.fingerprint) return;
          compared++;
          assert.equal(entry.fingerprint, expected, text);
        }),
        { numRuns: 3000 },
      );
      assert.ok(compared > 500, `too few approved lessons compared: ${compared}`);
    });
  });

  describe('incremental updates (property)', () => {
    const names = ['a.md', 'b.md', 'c/d.md', 'c/e.md'];
    const texts = Object.values(COURSE);
    const operation = fc.oneof(
      fc.record({ kind: fc.constant('write' as const), file: fc.constantFrom(...names), text: fc.constantFrom(...texts) }),
      fc.record({ kind: fc.constant('delete' as const), file: fc.constantFrom(...names) }),
      fc.record({ kind: fc.constant('rename' as const), file: fc.constantFrom(...names), to: fc.constantFrom(...names) }),
      fc.record({ kind: fc.constant('deleteFolder' as const), file: fc.constant('c/') }),
    );

    it('any sequence of creates, changes, renames and deletes gives the queue a full rebuild gives', () => {
      fc.assert(
        fc.property(fc.array(operation, { maxLength: 30 }), (operations) => {
          const disk = new Map<string, string>();
          const index = new ReviewIndex();
          for (const step of operations) {
            if (step.kind === 'write') {
              disk.set(step.file, step.text);
              index.set(readEntry(step.file, step.text, DEFAULT_ROLES));
            } else if (step.kind === 'delete') {
              disk.delete(step.file);
              index.delete(step.file);
            } else if (step.kind === 'rename') {
              const text = disk.get(step.file);
              if (text === undefined || step.to === step.file) continue;
              disk.delete(step.file);
              disk.set(step.to, text);
              index.rename(step.file, step.to);
            } else {
              for (const file of [...disk.keys()]) if (file.startsWith(step.file)) disk.delete(file);
              index.deleteUnder(step.file);
            }
            assert.deepEqual(summary(index.items(TODAY)), summary(indexOf(Object.fromEntries(disk)).items(TODAY)));
          }
          assert.deepEqual(index.items(TODAY), indexOf(Object.fromEntries(disk)).items(TODAY));
          assert.deepEqual(index.files().sort(), [...disk.keys()].sort());
        }),
        { numRuns: 500 },
      );
    });
  });

  describe('output', () => {
    it('json has one record per outstanding review, with nulls for what is not known', () => {
      const [first] = JSON.parse(formatQueue(items, 'json'));
      assert.deepEqual(first, {
        file: 'calls/overdue.md',
        title: 'Logging calls',
        role: 'sme',
        status: 'requested',
        waitingOn: 'reviewer',
        reviewer: 'Priya Patel',
        requested: '2026-11-02',
        due: '2026-11-09',
        overdue: true,
        stale: false,
        daysWaiting: 26,
      });
    });

    it('csv quotes commas and quotes, and defuses spreadsheet formulas', () => {
      const index = indexOf({ 'x.md': lesson('"Calls, and more"', '  sme:\n    status: requested\n    reviewer: "=HYPERLINK(1)"\n') });
      const [header, row] = formatQueue(index.items(TODAY), 'csv').split('\r\n');
      assert.equal(header, 'file,title,role,status,waitingOn,reviewer,requested,due,overdue,stale,daysWaiting');
      assert.equal(row, `x.md,"Calls, and more",sme,requested,reviewer,'=HYPERLINK(1),,,,,`);
    });

    it('csv defuses a formula that also needs quoting', () => {
      const index = indexOf({ 'x.md': lesson('\'=HYPERLINK("x","y")\'', '') });
      assert.equal(formatQueue(index.items(TODAY), 'csv').split('\r\n')[1], `x.md,"'=HYPERLINK(""x"",""y"")",sme,missing,request,,,,,,`);
    });

    it('markdown escapes pipes', () => {
      const index = indexOf({ 'x.md': lesson('A | B', '') });
      assert.match(formatQueue(index.items(TODAY), 'md'), /\| x\.md \| A \\\| B \| sme \| missing \|/);
    });

    it('the report counts per role and status, and lists the oldest and the overdue', () => {
      const report = reviewReport(items, TODAY, 'md');
      assert.match(report, /^# Review report, 2026-11-28\n\n6 outstanding reviews in 5 lessons: 1 overdue, 1 stale approval\./);
      assert.match(report, /\| SME \| 1 \| 3 \| 0 \| 1 \| 1 \|/);
      assert.match(report, /\| Legal \| 0 \| 0 \| 1 \| 0 \| 0 \|/);
      assert.match(
        report,
        /## Overdue\n\n\| Lesson \| Role \| Reviewer \| Due \| Days late \|\n\| --- \| --- \| --- \| --- \| --- \|\n\| Logging calls \(calls\/overdue\.md\) \| SME \| Priya Patel \| 2026-11-09 \| 19 \|/,
      );
      assert.match(reviewReport(items, TODAY, 'csv'), /^Review report,2026-11-28\r\n/);
    });
  });
});
