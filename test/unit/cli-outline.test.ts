import assert from 'node:assert/strict';
import { cpSync } from 'node:fs';
import { join } from 'node:path';
import type { CourseOutline } from '../../src/core';
import { FIXTURES } from './helpers/fixtures';
import { useCliFolder } from './helpers/cliFolder';
import { approved, OVERDUE, STALE, TODAY } from './helpers/reviewedCourse';

describe('course-review outline', () => {
  const folder = useCliFolder('course-review-outline-');

  it('shows the modules of a table of contents in its order, and which parts each has and where', async () => {
    cpSync(join(FIXTURES, 'courses', 'hf-units'), folder.path, { recursive: true });
    const result = await folder.cli('outline', '.', '--format', 'json', '--today', TODAY);
    assert.equal(result.code, 0, result.stderr);
    const outline = JSON.parse(result.stdout) as CourseOutline;
    assert.deepEqual(
      outline.modules.map((module) => [module.title, module.pages.map((page) => `${page.path.split('/').pop()} ${page.type}`)]),
      [
        [
          'Unit 1. Handling refunds',
          ['introduction.mdx overview', 'refund-policy.mdx lesson', 'hands-on.mdx lab', 'quiz.mdx assessment', 'conclusion.mdx summary'],
        ],
        ['Unit 2. Escalations', ['introduction.mdx overview', 'when-to-escalate.mdx lesson', 'who-to-call.mdx lesson']],
      ],
    );
    const [unit1, unit2] = outline.modules;
    // The overview states objectives for the unit; the quiz page, the conclusion and the lab serve it too.
    assert.equal(unit1.parts.objectives.coverage, 'module');
    assert.equal(unit1.parts['knowledge-check'].coverage, 'module');
    assert.equal(unit1.parts.summary.coverage, 'module');
    assert.equal(unit1.parts.practice.coverage, 'module');
    assert.equal(unit2.parts['knowledge-check'].coverage, 'missing');
    assert.equal(unit2.parts.practice.coverage, 'missing');
    assert.equal(unit2.parts.feedback.coverage, 'not-expected', 'a module without practice expects no feedback');
    assert.equal(unit1.source.kind, 'table-of-contents');
    assert.equal(outline.totals.pages, 8);
  });

  it('counts the same findings as lint, after its module settled them', async () => {
    cpSync(join(FIXTURES, 'courses', 'hf-units'), folder.path, { recursive: true });
    const outline = JSON.parse((await folder.cli('outline', '.', '--format', 'json', '--today', TODAY)).stdout) as CourseOutline;
    const lint = JSON.parse((await folder.cli('lint', '.', '--format', 'json', '--today', TODAY)).stdout) as Array<{
      file: string;
      severity: string;
      ruleId: string;
    }>;
    for (const module of outline.modules) {
      for (const page of module.pages) {
        const own = lint.filter((finding) => finding.file === page.path);
        assert.equal(page.findings.warning, own.filter((finding) => finding.severity === 'warning').length, page.path);
        assert.equal(page.findings.info, own.filter((finding) => finding.severity === 'info').length, page.path);
        assert.equal(
          Object.values(page.rules).reduce((sum, count) => sum + count, 0),
          own.length,
          page.path,
        );
      }
    }
    assert.equal(outline.totals.findings.warning, lint.filter((finding) => finding.severity === 'warning').length);
  });

  it('rolls up reviews per page and module: approved, outstanding, stale and overdue', async () => {
    folder.write('calls/01-greeting.md', approved());
    folder.write('calls/02-holding.md', STALE);
    folder.write('calls/03-closing.md', OVERDUE);
    const outline = JSON.parse((await folder.cli('outline', '--format', 'json', '--today', TODAY)).stdout) as CourseOutline;
    const [calls] = outline.modules;
    assert.equal(calls.source.kind === 'folder' && calls.source.folder, 'calls');
    const byName = new Map(calls.pages.map((page) => [page.path, page]));
    assert.deepEqual(byName.get('calls/01-greeting.md')?.reviews, { approved: 1, outstanding: 0, stale: 0, overdue: 0 });
    assert.deepEqual(byName.get('calls/02-holding.md')?.reviews, { approved: 0, outstanding: 1, stale: 1, overdue: 0 });
    assert.deepEqual(byName.get('calls/03-closing.md')?.reviews, { approved: 0, outstanding: 1, stale: 0, overdue: 1 });
    assert.deepEqual(
      byName.get('calls/03-closing.md')?.openReviews.map((review) => [review.role, review.status, review.requested, review.due]),
      [['sme', 'requested', '2026-11-01', '2026-11-09']],
    );
    assert.deepEqual(calls.reviews, { approved: 1, outstanding: 2, stale: 1, overdue: 1 });
    assert.equal(byName.get('calls/01-greeting.md')?.minutesDeclared, false);
    assert.ok((byName.get('calls/01-greeting.md')?.minutes ?? 0) >= 5, 'its practice item counts five minutes');
    assert.equal(calls.parts.feedback.coverage, 'every-page');
  });

  it('prints a table and a Markdown report that name the parts, and escapes what a terminal would act on', async () => {
    folder.write('calls/01-greeting.md', approved());
    folder.write('calls/03-closing.md', OVERDUE.replace('# Closing a call', '# Closing \u001b]0;owned\u0007a call | for real'));
    const table = await folder.cli('outline', '--today', TODAY);
    assert.equal(table.code, 0, table.stderr);
    assert.match(table.stdout, /^calls {2}\(2 pages, about \d+ min, folder calls\)$/m);
    assert.match(
      table.stdout,
      /parts: objectives 1 of 2 pages · practice 1 of 2 pages · feedback every page · summary 1 of 2 pages · knowledge check missing · hook 1 of 2 pages/,
    );
    assert.match(table.stdout, /1 approved, 1 outstanding \(1 overdue\)/);
    assert.doesNotMatch(table.stdout, /\u001b/); // eslint-disable-line no-control-regex -- no escape sequence
    const md = await folder.cli('outline', '--format', 'md', '--today', TODAY);
    assert.match(md.stdout, /\| \[Closing \\u001b\]0;owned\\u0007a call \\\| for real\]\(calls\/03-closing\.md\) \| lesson \|/);
    assert.match(md.stdout, /^\| calls \| 2 \| 1 of 2 pages \| 1 of 2 pages \| every page \| 1 of 2 pages \| missing \| 1 of 2 pages \|/m);
  });

  it('counts "n of m pages" over the pages that should have the part: an overview\'s practice does not make up for a lesson\'s', async () => {
    const page = (type: string, title: string, practice: boolean) =>
      `---\ntype: ${type}\ntitle: ${title}\n---\n\n# ${title}\n\nImagine a caller who waited ten minutes.\n${practice ? '\n## Exercise: greet a caller\n\nWrite your greeting, then compare it with the model answer: "Thanks for waiting."\n' : ''}`;
    folder.write('calls/00-overview.md', page('overview', 'Calls', true));
    folder.write('calls/01-greeting.md', page('lesson', 'Greeting', true));
    folder.write('calls/02-holding.md', page('lesson', 'Holding', false));
    folder.write('chats/00-overview.md', page('overview', 'Chats', true));
    folder.write('chats/01-opening.md', page('lesson', 'Opening a chat', false));
    const outline = JSON.parse((await folder.cli('outline', '--format', 'json', '--today', TODAY)).stdout) as CourseOutline;
    const [calls, chats] = outline.modules;
    assert.deepEqual(calls.parts.practice, { coverage: 'some-pages', pages: 1, expected: 2 });
    assert.deepEqual(chats.parts.practice, { coverage: 'missing', pages: 0, expected: 1 });
  });

  it('refuses an unknown format, and shows its help', async () => {
    const bad = await folder.cli('outline', '--format', 'html');
    assert.equal(bad.code, 2);
    assert.match(bad.stderr, /Unknown format "html", expected table, json or md\./);
    const help = await folder.cli('outline', '--help');
    assert.equal(help.code, 0);
    assert.match(help.stdout, /^Usage: course-review outline/);
  });
});
