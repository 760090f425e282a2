import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { CourseReviewApi } from '../../src/extension/extension';
import type { OutlineNode } from '../../src/extension/outline/tree';
import { closeAllEditors, EXTENSION_ID, waitFor, workspaceUri } from './helpers';

const encode = (text: string) => new TextEncoder().encode(text);

const QUIZ = `---
title: Calls quiz
type: quiz
---

# Calls quiz

1. What do you say first when a caller has waited?

   - [ ] Nothing
   - [x] Thank them for waiting
`;

describe('the course outline and the health report in VS Code', function () {
  this.timeout(90000);
  let api: CourseReviewApi;
  const provider = () => api.outline.provider;
  const item = (node: OutlineNode) => provider().getTreeItem(node);
  const moduleNode = (title: string) => provider().modules.find((node) => node.module.title === title);
  const children = (node: OutlineNode) => provider().getChildren(node);

  before(async () => {
    api = await vscode.extensions.getExtension<CourseReviewApi>(EXTENSION_ID)!.activate();
  });
  after(async () => {
    await closeAllEditors();
    await vscode.workspace.fs.delete(workspaceUri('queue/zz-quiz.md')).then(undefined, () => undefined);
  });

  it('reads nothing until asked, then lists the modules with their parts, reviews and pages in reading order', async () => {
    assert.equal(api.outline.indexer.status, 'idle', 'no page is checked at activation');
    await api.outline.ready();
    const titles = provider().modules.map((node) => node.module.title);
    for (const title of ['course', 'queue', 'review']) assert.ok(titles.includes(title), `${title} in ${titles.join(', ')}`);
    assert.ok(!titles.includes('broken-config'), 'pages under an invalid configuration are left out');

    const course = moduleNode('course')!;
    const courseItem = item(course);
    assert.equal(courseItem.contextValue, 'outlineModule');
    assert.match(String(courseItem.description), /^\d+ pages · ~\d+ min/);
    const [parts, ...rest] = children(course);
    assert.equal(item(parts).label, 'Parts');
    const partRows = children(parts).map((node) => [item(node).label, item(node).description]);
    assert.deepEqual(
      partRows.map(([label]) => label),
      ['Objectives', 'Practice', 'Feedback', 'Summary', 'Knowledge check', 'Hook'],
    );
    for (const [, description] of partRows)
      assert.match(String(description), /^(?:every page|for the module|\d+ of \d+ pages|missing|not expected)$/);
    const pages = rest.filter((node) => node.kind === 'page');
    const fixturePages = ['course/01-intro.md', 'course/02-unopened.md', 'course/03-prose.md'];
    assert.deepEqual(
      pages.flatMap((node) => (node.kind === 'page' && fixturePages.includes(node.page.path) ? [node.page.path] : [])),
      fixturePages,
      'in file name order',
    );
    const first = item(pages[0]);
    assert.equal(first.label, 'Greeting a caller');
    assert.match(
      String(first.description),
      /^overview · ~\d+ min · \d+ words · \d+ warnings?/,
      '01-intro.md opens the module: an overview',
    );
    assert.equal(first.command?.command, 'vscode.open');
    await vscode.commands.executeCommand(first.command!.command, ...(first.command!.arguments ?? []));
    await waitFor('the page to open', () => vscode.window.activeTextEditor?.document.uri.path.endsWith('course/01-intro.md'));

    const queue = moduleNode('queue')!;
    const reviews = children(queue).find((node) => node.kind === 'reviews')!;
    assert.match(String(item(reviews).description), /^\d+ approved, \d+ outstanding \(.*stale.*overdue.*\)$/);
    const open = children(reviews).map((node) => String(item(node).label));
    assert.ok(open.includes('Legal: Quoting a delivery date'), open.join('; '));
    assert.match(String(api.outline.view.description), /^\d+ modules · \d+ pages · ~/);
  });

  it("shows a module's findings in the Problems panel, each once, as Lint Workspace does", async () => {
    await closeAllEditors();
    await api.outline.ready();
    const review = moduleNode('review')!;
    const total = (counts: { error: number; warning: number; info: number; hint: number }) =>
      counts.error + counts.warning + counts.info + counts.hint;
    assert.ok(total(review.module.findings) > 0, 'the review module has findings');
    const shown = await vscode.commands.executeCommand<number>('courseReview.outline.showModuleFindings', review);
    assert.equal(shown, total(review.module.findings), 'the same findings as the outline counts');
    for (const page of review.module.pages) {
      const diagnostics = vscode.languages
        .getDiagnostics(workspaceUri(page.path))
        .filter((diagnostic) => diagnostic.source === 'course-review');
      assert.equal(diagnostics.length, total(page.findings), `${page.path}: its findings in Problems, once each`);
    }
  });

  it("follows the files: a new quiz page fills the module's knowledge check, deleting it empties it again", async () => {
    await api.outline.ready();
    const before = moduleNode('queue')!.module.parts['knowledge-check'].coverage;
    assert.notEqual(before, 'module');
    await vscode.workspace.fs.writeFile(workspaceUri('queue/zz-quiz.md'), encode(QUIZ));
    await waitFor(
      'the quiz page in the outline',
      () => moduleNode('queue')?.module.pages.some((page) => page.path === 'queue/zz-quiz.md'),
      30000,
    );
    const quiz = moduleNode('queue')!.module.pages.find((page) => page.path === 'queue/zz-quiz.md')!;
    assert.equal(quiz.type, 'assessment');
    assert.equal(moduleNode('queue')!.module.parts['knowledge-check'].coverage, 'module');
    await vscode.workspace.fs.delete(workspaceUri('queue/zz-quiz.md'));
    await waitFor(
      'the quiz page to leave',
      () => !moduleNode('queue')?.module.pages.some((page) => page.path === 'queue/zz-quiz.md'),
      30000,
    );
    assert.equal(moduleNode('queue')!.module.parts['knowledge-check'].coverage, before);
  });

  it("follows unsaved edits of an open page through the editor's own check, and the file again once it closes unsaved", async () => {
    await api.outline.ready();
    const words = () => moduleNode('queue')?.module.pages.find((page) => page.path === 'queue/returns.md')?.words ?? 0;
    const before = words();
    const editor = await vscode.window.showTextDocument(workspaceUri('queue/returns.md'));
    const end = editor.document.positionAt(editor.document.getText().length);
    assert.ok(await editor.edit((edit) => edit.insert(end, `\n${'Check the receipt before you refund anything. '.repeat(10)}\n`)));
    await waitFor('the unsaved words in the outline', () => words() >= before + 60, 30000);
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    await waitFor("the file's words again", () => words() === before, 30000);
  });

  it("makes a course of a table of contents' folder, the other modules the workspace's course", async () => {
    const toc =
      '- title: Unit 1. Refunds\n  sections:\n  - local: refunds/intro\n    title: Introduction\n  - local: refunds/policy\n    title: The policy\n';
    const page = (title: string) => `# ${title}\n\nImagine a customer who asks for a refund after thirty days.\n`;
    await vscode.workspace.fs.writeFile(workspaceUri('toc-course/_toctree.yml'), encode(toc));
    await vscode.workspace.fs.writeFile(workspaceUri('toc-course/refunds/intro.md'), encode(page('Introduction')));
    await vscode.workspace.fs.writeFile(workspaceUri('toc-course/refunds/policy.md'), encode(page('The policy')));
    try {
      await api.outline.ready();
      const courses = await waitFor(
        'a course for the table of contents',
        () => {
          const roots = provider().getChildren();
          return roots.length > 1 && roots.every((node) => node.kind === 'course') && roots;
        },
        30000,
      );
      const titles = courses.map((node) => String(item(node).label));
      assert.ok(titles.includes('toc-course'), titles.join(', '));
      const tocCourse = courses.find((node) => item(node).label === 'toc-course')!;
      assert.deepEqual(
        children(tocCourse).map((node) => node.kind === 'module' && node.module.title),
        ['Unit 1. Refunds'],
      );
      const rest = courses.find((node) => item(node).label !== 'toc-course')!;
      assert.ok(
        children(rest).some((node) => node.kind === 'module' && node.module.title === 'queue'),
        "folder modules stay in the workspace's course",
      );
    } finally {
      await vscode.workspace.fs.delete(workspaceUri('toc-course'), { recursive: true });
    }
    await waitFor(
      'one course again',
      () =>
        provider()
          .getChildren()
          .every((node) => node.kind === 'module'),
      30000,
    );
  });

  it('opens the health report in a webview with a nonce-only policy, and exports the self-contained file', async () => {
    const panel = await vscode.commands.executeCommand<vscode.WebviewPanel>('courseReview.openHealthReport');
    assert.equal(panel.viewType, 'courseReview.healthReport');
    const html = panel.webview.html;
    const policy = /<meta http-equiv="Content-Security-Policy" content="([^"]+)">/.exec(html)?.[1] ?? '';
    assert.match(policy, /^default-src 'none'; style-src 'nonce-[^']+'; script-src 'nonce-[^']+'; img-src data:;$/);
    assert.doesNotMatch(policy, /unsafe/);
    assert.equal((html.match(/<svg role="img"/g) ?? []).length, 5);
    assert.match(html, /<button type="button" id="export">Export HTML…<\/button>/);
    // A change to the course is said in the report (a note and Refresh), not redrawn under the reader.
    await vscode.workspace.fs.writeFile(workspaceUri('queue/zz-late.md'), encode('# A late page\n\nImagine a caller.\n'));
    try {
      await waitFor(
        'the late page in the outline',
        () => moduleNode('queue')?.module.pages.some((page) => page.path === 'queue/zz-late.md'),
        30000,
      );
      assert.equal(panel.webview.html, html, 'the report is not redrawn');
    } finally {
      await vscode.workspace.fs.delete(workspaceUri('queue/zz-late.md'));
    }

    const target = workspaceUri('course-health.html');
    try {
      const written = await vscode.commands.executeCommand<vscode.Uri>('courseReview.exportHealthReport', target);
      assert.equal(written?.toString(), target.toString());
      const exported = new TextDecoder().decode(await vscode.workspace.fs.readFile(target));
      assert.doesNotMatch(exported, /<script/);
      assert.match(exported, /<a href="queue\/quoting-delivery\.md" data-path="queue\/quoting-delivery\.md">/);
    } finally {
      panel.dispose();
      await vscode.workspace.fs.delete(target).then(undefined, () => undefined);
    }
  });
});
