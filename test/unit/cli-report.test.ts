import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import type { CourseHealth } from '../../src/core';
import { useCliFolder } from './helpers/cliFolder';
import { approved, OVERDUE, STALE, TODAY } from './helpers/reviewedCourse';

const CHANGES_REQUESTED = `---
title: Taking a complaint
review:
  sme:
    status: changes-requested
    reviewer: Priya Patel
    requested: 2026-10-01
    signed: 2026-11-24
---

# Taking a complaint

Listen first, then write down what the caller wants.
`;

/** No review at all: the SME review, always required, is missing. A module of reference pages has no practice to expect. */
const UNREVIEWED = `# Phone system glossary

Hold, transfer and park are the three ways to pause a call.
`;

/** Long enough for a reading grade, written hard on purpose. */
const HARD_READING = `---
title: Regulatory considerations
reading_grade: 6
---

# Regulatory considerations

${'Organisational accountability necessitates comprehensive documentation of customer interactions, particularly regarding contractual commitments, because subsequent disputes frequently hinge upon contemporaneous recordkeeping. '.repeat(12)}
`;

function writeCourse(folder: ReturnType<typeof useCliFolder>) {
  folder.write('calls/01-greeting.md', approved());
  folder.write('calls/02-holding.md', STALE);
  folder.write('calls/03-closing.md', OVERDUE);
  folder.write('calls/04-complaints.md', CHANGES_REQUESTED);
  folder.write('reference/glossary.md', UNREVIEWED);
  folder.write('reference/regulation.md', HARD_READING);
}

describe('course-review report', () => {
  const folder = useCliFolder('course-review-report-');

  it('counts the backlog per role and status, and lists the oldest and the overdue reviews', async () => {
    writeCourse(folder);
    const result = await folder.cli('report', '--format', 'json', '--today', TODAY);
    assert.equal(result.code, 0, result.stderr);
    const health = JSON.parse(result.stdout) as CourseHealth;
    assert.deepEqual(
      health.backlog.map((bar) => [bar.role, bar.status, bar.count]),
      [
        ['sme', 'missing', 2],
        ['sme', 'requested', 1],
        ['sme', 'changes-requested', 1],
        ['sme', 'stale', 1],
      ],
    );
    assert.equal(health.totals.openReviews, 5);
    // Changes requested counts from the sign-off that sent it back; a stale approval from its signing.
    assert.deepEqual(
      health.oldest.map((review) => [review.path, review.status, review.daysWaiting]),
      [
        ['calls/02-holding.md', 'stale', 64],
        ['calls/03-closing.md', 'requested', 33],
        ['calls/04-complaints.md', 'changes-requested', 10],
      ],
    );
    assert.deepEqual(
      health.overdue.map((review) => [review.path, review.due, review.daysLate]),
      [['calls/03-closing.md', '2026-11-09', 25]],
    );
  });

  it('names the modules that lack a part, and reads each module against its target grade', async () => {
    writeCourse(folder);
    const health = JSON.parse((await folder.cli('report', '--format', 'json', '--today', TODAY)).stdout) as CourseHealth;
    assert.deepEqual(
      health.modules.map((module) => module.title),
      ['calls', 'reference'],
    );
    assert.deepEqual(health.gaps['knowledge-check'], ['calls']);
    const [calls, reference] = health.modules;
    assert.equal(calls.reading.grade, undefined, 'too few words of prose to judge');
    assert.equal(reference.reading.target, 6, 'the target most of its pages have (front matter here)');
    assert.ok((reference.reading.grade ?? 0) > 14, `a hard module reads hard: ${reference.reading.grade}`);
    const outline = JSON.parse((await folder.cli('outline', '--format', 'json', '--today', TODAY)).stdout) as {
      totals: { findings: Record<string, number> };
    };
    const categorised = health.modules.reduce((sum, module) => sum + Object.values(module.categories).reduce((a, b) => a + b, 0), 0);
    assert.equal(
      categorised,
      Object.values(outline.totals.findings).reduce((a, b) => a + b, 0),
      'every finding is in one category',
    );
  });

  it('writes Markdown with a summary line and a table per section', async () => {
    writeCourse(folder);
    const result = await folder.cli('report', '--format', 'md', '--today', TODAY);
    assert.equal(result.code, 0, result.stderr);
    assert.match(
      result.stdout,
      /^# Course health, 2026-12-04\n\n2 modules, 6 pages, [\d,]+ words; 5 open reviews, 1 overdue, 1 stale approval\.$/m,
    );
    assert.match(result.stdout, /^\| SME \| 2 \| 1 \| 1 \| 1 \| 5 \|$/m);
    assert.match(result.stdout, /^No knowledge check in calls\.$/m);
    assert.match(result.stdout, /^1 module reads above the target grade: reference \([\d.]+ for 6\)\.$/m);
    assert.match(
      result.stdout,
      /^\| \[Closing a call\]\(calls\/03-closing\.md\) \| calls \| SME \| requested \| Priya Patel \| 33 \| 2026-11-09 \(25 days late\) \|$/m,
    );
  });

  it('writes one HTML file with a chart and a table per section, no script, and links relative to the file', async () => {
    writeCourse(folder);
    folder.write('reports/.keep', '');
    const result = await folder.cli('report', '--today', TODAY, '--output', 'reports/health.html');
    assert.equal(result.code, 0, result.stderr);
    assert.match(result.stdout, /^Wrote the course health report \(6 pages, 5 open reviews\) to reports\/health\.html\.\n$/);
    const html = folder.read('reports/health.html');
    assert.equal((html.match(/<svg /g) ?? []).length, 5, 'backlog, ageing, coverage, findings, reading');
    assert.equal((html.match(/<table>/g) ?? []).length, 7);
    assert.doesNotMatch(html, /<script/);
    assert.match(
      html,
      /<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:;">/,
    );
    assert.match(html, /<a href="\.\.\/calls\/03-closing\.md" data-path="calls\/03-closing\.md">Closing a call<\/a>/);
    for (const id of ['backlog', 'ageing', 'coverage', 'findings', 'reading'])
      assert.match(html, new RegExp(`<svg role="img" aria-labelledby="${id}-caption"`));
    assert.deepEqual(readdirSync(`${folder.path}/reports`).sort(), ['.keep', 'health.html'], 'no temporary file left');
  });

  it('says why it cannot write the output, and writes nothing', async () => {
    writeCourse(folder);
    const result = await folder.cli('report', '--today', TODAY, '--output', 'missing-folder/health.html');
    assert.equal(result.code, 2);
    assert.match(
      result.stderr,
      /^course-review: missing-folder\/health\.html: Cannot write the report: no such file or folder \(ENOENT\)\.\n$/i,
    );
    assert.equal(result.stdout, '');
  });

  it('refuses an unknown format, and shows its help', async () => {
    const bad = await folder.cli('report', '--format', 'pdf');
    assert.equal(bad.code, 2);
    assert.match(bad.stderr, /Unknown format "pdf", expected html, md or json\./);
    const help = await folder.cli('report', '--help');
    assert.equal(help.code, 0);
    assert.match(help.stdout, /^Usage: course-review report/);
  });
});
